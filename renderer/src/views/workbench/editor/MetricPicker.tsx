// Choose a metric: the pack's own derived metrics first, then the built-in ones, searchable by
// name or description, with the description shown for each.
import { useEffect, useMemo, useRef, useState } from 'react';
import { baseMetrics } from '#shared/pack/catalog';
import type { RulePackInput } from '#shared/pack/schema';

interface Option {
  id: string;
  label: string;
  description: string;
  group: string;
}

export type PackMetrics = RulePackInput['metrics'];

export function metricOptions(metrics: PackMetrics, includeCategories: boolean): Option[] {
  return [
    ...(metrics ?? []).map((m) => ({
      id: m.id,
      label: m.label,
      description: m.description ?? m.expr,
      group: 'This model',
    })),
    ...baseMetrics
      .filter((m) => includeCategories || m.kind !== 'category')
      .map((m) => ({
        id: m.id,
        label: m.label,
        description: m.description,
        group: m.level === 'period' ? 'Latest period' : m.source === 'users' ? 'User roster' : 'Account',
      })),
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
  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    return metricOptions(metrics, includeCategories).filter(
      (o) => !q || `${o.label} ${o.id} ${o.description}`.toLowerCase().includes(q),
    );
  }, [metrics, query, includeCategories]);
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
                className={i === active ? 'active' : ''}
                onMouseDown={() => choose(o)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="option-label">{o.label}</span>
                <span className="option-group">{o.group}</span>
                <span className="option-description">{o.description}</span>
              </li>
            ))}
            {options.length === 0 && <li className="muted">No metric matches “{query}”.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
