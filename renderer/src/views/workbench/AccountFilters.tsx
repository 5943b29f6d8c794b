// The accounts view's filter bar: search, and the filters a chart click sets, each removable.
import type { RulePackInput } from '#shared/pack/schema';
import { formatCount } from '../../format';
import { useWorkbenchUi, type AccountFilter } from '../../store/workbench-ui-store';
import { filterParts } from './filter-text';
import { useBookStore } from '../../store/book-store';
import { bookField } from '#shared/book/fields';
import { describeFieldFilter } from '../book/heatmap-filter';

const segments = ['SMB', 'Mid-Market', 'Enterprise'];

export function AccountFilters({ pack, total }: { pack: RulePackInput; total: number }) {
  const { filter, setFilter } = useWorkbenchUi();
  const owner = useBookStore((s) => s.owner);
  const setOwner = useBookStore((s) => s.setOwner);
  // Stage, segment and search show in their own controls; the rest as removable chips (a heatmap
  // cell's field values one chip per field).
  const chips = filterParts(filter, pack).filter((p) => !['stage', 'segment', 'search', 'fields'].includes(p.key));
  const update = (patch: Partial<AccountFilter>) => setFilter({ ...filter, ...patch });
  const fieldLabel = (id: string) =>
    useBookStore.getState().fields.find((f) => f.id === id)?.label ?? bookField(id).label;
  const fieldChips = (filter.fields ?? []).map((f, k) => ({
    text: describeFieldFilter(fieldLabel(f.field), f.values),
    remove: () => {
      const rest = (filter.fields ?? []).filter((_, j) => j !== k);
      update({ fields: rest.length ? rest : undefined });
    },
  }));
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
      {fieldChips.map((c) => (
        <span className="chip" key={c.text} data-testid="field-chip">
          {c.text}
          <button className="link" aria-label={`Remove filter ${c.text}`} onClick={c.remove}>
            ×
          </button>
        </span>
      ))}
      {owner && (
        <span
          className="chip mine"
          data-testid="my-book-chip"
          title="My book: only this CSM's accounts count everywhere"
        >
          My book: {owner}
          <button className="link" aria-label="Show the whole book" onClick={() => void setOwner(null)}>
            ×
          </button>
        </span>
      )}
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
