// Choose a metric: the pack's own derived metrics first, then every metric the workspace has data
// for — canonical and custom — with its source, type, fill rule and share of accounts with a value
// (from the workspace's metric catalogue), then the ones it has no data for. Searchable by name or
// description.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MetricCatalogue, WorkspaceMetric } from '#shared/domain/metric-catalogue';
import { baseMetrics } from '#shared/pack/catalog';
import type { RulePackInput } from '#shared/pack/schema';
import { useFitStore } from '../../../store/fit-store';
import './fit.css';

interface Option {
  id: string;
  label: string;
  description: string;
  group: string;
  /** Source, type, fill rule and share of accounts with a value, when the catalogue is known. */
  facts?: string;
  noData?: boolean;
}

export type PackMetrics = RulePackInput['metrics'];

const sourceGroups: Record<WorkspaceMetric['source'], string> = {
  account: 'Account',
  computed: 'Account',
  users: 'User roster',
  period: 'Per period',
  'account custom': 'Custom (account)',
  'period custom': 'Custom (per period)',
};

const percent = (share: number) => (share > 0 && share < 0.01 ? '<1 %' : `${Math.round(share * 100)} %`);

function factsOf(m: WorkspaceMetric, sampled: boolean): string {
  const parts = [m.type === 'bool' ? 'yes/no' : m.type];
  if (m.fill) parts.push(m.fill === 'zero' ? 'empty period = 0' : 'empty period = missing');
  parts.push(`${sampled ? '≈' : ''}${percent(m.share)} of accounts`);
  return parts.join(' · ');
}

export function metricOptions(
  metrics: PackMetrics,
  includeCategories: boolean,
  catalogue: MetricCatalogue | null = null,
): Option[] {
  const own = (metrics ?? []).map((m) => ({
    id: m.id,
    label: m.label,
    description: m.description ?? m.expr,
    group: 'This model',
  }));
  if (!catalogue)
    return [
      ...own,
      ...baseMetrics
        .filter((m) => includeCategories || m.kind !== 'category')
        .map((m) => ({
          id: m.id,
          label: m.label,
          description: m.description,
          group: m.level === 'period' ? 'Latest period' : m.source === 'users' ? 'User roster' : 'Account',
        })),
    ];
  const sampled = catalogue.sampledAccounts !== null;
  const usable = catalogue.metrics.filter((m) => m.type !== 'text' && (includeCategories || m.type !== 'category'));
  const option = (m: WorkspaceMetric, noData: boolean): Option => ({
    id: m.id,
    label: m.label,
    description: m.description,
    group: noData ? 'No data in this workspace' : sourceGroups[m.source],
    facts: noData
      ? `${m.type === 'bool' ? 'yes/no' : m.type}${m.fill ? ` · empty period = ${m.fill === 'zero' ? '0' : 'missing'}` : ''}`
      : factsOf(m, sampled),
    noData,
  });
  return [
    ...own,
    ...usable.filter((m) => m.accounts > 0).map((m) => option(m, false)),
    ...usable.filter((m) => m.accounts === 0).map((m) => option(m, true)),
  ];
}

export function metricLabel(metrics: PackMetrics, id: string): string {
  return metricOptions(metrics, true).find((o) => o.id === id)?.label ?? id;
}

export function MetricPicker({
  metrics,
  value,
  onChange,
  label,
  includeCategories = false,
}: {
  metrics: PackMetrics;
  value: string;
  onChange(id: string): void;
  label: string;
  includeCategories?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const catalogue = useFitStore((s) => s.catalogue);
  const loadCatalogue = useFitStore((s) => s.loadCatalogue);
  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    return metricOptions(metrics, includeCategories, catalogue).filter(
      (o) => !q || `${o.label} ${o.id} ${o.description}`.toLowerCase().includes(q),
    );
  }, [metrics, query, includeCategories, catalogue]);
  useEffect(() => {
    if (open && !catalogue) void loadCatalogue();
  }, [open, catalogue, loadCatalogue]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const choose = (o: Option | undefined) => {
    if (!o) return;
    onChange(o.id);
    setOpen(false);
    setQuery('');
  };
  return (
    <div className="metric-picker" ref={box}>
      <button
        type="button"
        className="picker-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={`${label}: ${metricLabel(metrics, value)}`}
        onClick={() => setOpen(!open)}
        title="Choose the metric this compares"
      >
        {metricLabel(metrics, value)} ▾
      </button>
      {open && (
        <div className="picker-popover">
          <input
            autoFocus
            type="search"
            placeholder="Search metrics…"
            aria-label="Search metrics"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((a) => Math.min(options.length - 1, a + 1));
              else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
              else if (e.key === 'Enter') choose(options[active]);
              else if (e.key === 'Escape') setOpen(false);
              else return;
              e.preventDefault();
            }}
          />
          <ul role="listbox" aria-label={label}>
            {options.map((o, i) => (
              <li
                key={o.id}
                role="option"
                aria-selected={o.id === value}
                className={[i === active ? 'active' : '', o.noData ? 'no-data' : ''].join(' ').trim()}
                onMouseDown={() => choose(o)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="option-label">{o.label}</span>
                <span className="option-group">{o.group}</span>
                <span className="option-description">{o.description}</span>
                {o.facts && <span className="option-facts">{o.facts}</span>}
              </li>
            ))}
            {options.length === 0 && <li className="muted">No metric matches “{query}”.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
