// The accounts view's filter bar: search, and the filters a chart click sets, each removable.
import type { RulePackInput } from '#shared/pack/schema';
import { formatCount } from '../../format';
import { useWorkbenchUi, type AccountFilter } from '../../store/workbench-ui-store';
import { filterParts } from './filter-text';

const segments = ['SMB', 'Mid-Market', 'Enterprise'];

export function AccountFilters({ pack, total }: { pack: RulePackInput; total: number }) {
  const { filter, setFilter } = useWorkbenchUi();
  // Stage, segment and search show in their own controls; the rest as removable chips.
  const chips = filterParts(filter, pack).filter((p) => !['stage', 'segment', 'search'].includes(p.key));
  const update = (patch: Partial<AccountFilter>) => setFilter({ ...filter, ...patch });
  return (
    <div className="filter-bar">
      <input
        type="search"
        aria-label="Search accounts by name or id"
        placeholder="Search name or id…"
        value={filter.search ?? ''}
        onChange={(e) => update({ search: e.target.value || undefined })}
      />
      <label>
        Draft stage{' '}
        <select value={filter.stage ?? ''} onChange={(e) => update({ stage: e.target.value || undefined })}>
          <option value="">All</option>
          {pack.ladder.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Segment{' '}
        <select value={filter.segment ?? ''} onChange={(e) => update({ segment: e.target.value || undefined })}>
          <option value="">All</option>
          {segments.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Signal{' '}
        <select value={filter.signal ?? ''} onChange={(e) => update({ signal: e.target.value || undefined })}>
          <option value="">Any</option>
          {pack.signals.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {chips.map((c) => (
        <span className="chip" key={c.key}>
          {c.text}
          <button
            className="link"
            aria-label={`Remove filter ${c.text}`}
            onClick={() => update({ [c.key]: undefined })}
          >
            ×
          </button>
        </span>
      ))}
      {Object.values(filter).some(Boolean) && (
        <button className="link" onClick={() => setFilter({})}>
          Clear all
        </button>
      )}
      <span className="muted small" aria-live="polite">
        {formatCount(total)} matching
      </span>
    </div>
  );
}
