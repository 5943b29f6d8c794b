// What the heatmap shows: rows, columns, measure, how many values before "Other", the outcome
// window, and the comparison date of the Δ mode.
import { bookMeasures, measureInfo, type BookMeasure } from '#shared/book/fields';
import { useShallow } from 'zustand/react/shallow';
import { useBookStore } from '../../store/book-store';

const topChoices = [5, 10, 15, 25, 50];
const dayChoices = [30, 90, 180, 365];

export function HeatmapControls({ asOf, onDownload }: { asOf: string | null; onDownload?: () => void }) {
  const { spec, fields, compare, setSpec, setCompare } = useBookStore(
    useShallow((s) => ({
      spec: s.spec,
      fields: s.fields,
      compare: s.compare,
      setSpec: s.setSpec,
      setCompare: s.setCompare,
    })),
  );
  const choices = fields.length ? fields : [{ id: spec.rows, label: spec.rows }];
  const usesWindow = spec.measure === 'won_arr' || spec.measure === 'conversion';
  const compareValid = compare === null || (asOf !== null && compare < asOf);
  return (
    <div className="heat-controls" role="group" aria-label="Heatmap settings">
      <label>
        Rows{' '}
        <select aria-label="Rows" value={spec.rows} onChange={(e) => setSpec({ rows: e.target.value })}>
          {choices.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Columns{' '}
        <select
          aria-label="Columns"
          value={spec.cols ?? ''}
          onChange={(e) => setSpec({ cols: e.target.value || null })}
        >
          <option value="">None (totals)</option>
          {choices
            .filter((f) => f.id !== spec.rows)
            .map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
        </select>
      </label>
      <label>
        Measure{' '}
        <select
          aria-label="Measure"
          value={spec.measure}
          onChange={(e) => setSpec({ measure: e.target.value as BookMeasure })}
        >
          {bookMeasures.map((m) => (
            <option key={m} value={m} title={measureInfo[m].description}>
              {measureInfo[m].label}
            </option>
          ))}
        </select>
      </label>
      <label title="Values past this many are summed as Other">
        Top{' '}
        <select aria-label="Top values" value={spec.topN} onChange={(e) => setSpec({ topN: Number(e.target.value) })}>
          {topChoices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {usesWindow && (
        <label title="Won expansions closing in this many days before the as-of date">
          Last{' '}
          <select
            aria-label="Outcome window"
            value={spec.days}
            onChange={(e) => setSpec({ days: Number(e.target.value) })}
          >
            {dayChoices.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="compare" title="Show the change since an earlier as-of date">
        <input
          type="checkbox"
          aria-label="Compare with an earlier date"
          checked={compare !== null}
          onChange={(e) => setCompare(e.target.checked ? (asOf ? shiftDays(asOf, -91) : null) : null)}
        />{' '}
        Δ since{' '}
        <input
          type="date"
          aria-label="Comparison date"
          value={compare ?? ''}
          disabled={compare === null}
          max={asOf ?? undefined}
          aria-invalid={!compareValid}
          onChange={(e) => e.target.value && setCompare(e.target.value)}
        />
      </label>
      <span className="spacer" />
      {onDownload && (
        <button onClick={onDownload} title="The table as CSV (the same file as ladder book --out F.csv)">
          Download CSV
        </button>
      )}
    </div>
  );
}

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
