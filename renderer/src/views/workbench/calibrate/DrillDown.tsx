// The accounts behind the number the analyst clicked, as the calibration saw them.
import { useEffect, useRef } from 'react';
import { formatCount, formatDate } from '../../../format';
import { useCalibrateStore } from './calibrate-store';
import { fixed } from './format';

export function DrillDown() {
  const drill = useCalibrateStore((s) => s.drill);
  const ref = useRef<HTMLElement>(null);
  // The list opens above the charts: bring it into view when a new selection opens it.
  const selection = drill?.selection;
  useEffect(() => {
    if (selection) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selection]);
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const close = useCalibrateStore((s) => s.closeDrill);
  if (!drill) return null;
  const filter = (label?: 'positive' | 'negative') => void openDrill(drill.title, drill.selection, label);
  return (
    <section ref={ref} className="card calibrate-drill" aria-labelledby="drill-title" data-testid="calibrate-drill">
      <header className="drill-head">
        <h3 id="drill-title">{drill.title}</h3>
        <span className="muted small" data-testid="drill-total" data-value={drill.total}>
          {drill.loading
            ? 'Loading…'
            : `${formatCount(drill.total)} account${drill.total === 1 ? '' : 's'}${drill.total > drill.rows.length ? `, the first ${formatCount(drill.rows.length)} shown` : ''}`}
        </span>
        <span className="spacer" />
        <div role="group" aria-label="Show" className="segmented">
          {(
            [
              [undefined, 'All'],
              ['positive', 'Converted'],
              ['negative', 'Did not'],
            ] as const
          ).map(([label, text]) => (
            <button key={text} aria-pressed={drill.label === label} onClick={() => filter(label)}>
              {text}
            </button>
          ))}
        </div>
        <button onClick={close} aria-label="Close the account list">
          Close
        </button>
      </header>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Name</th>
              <th scope="col">As of</th>
              <th scope="col">Part</th>
              <th scope="col">Outcome</th>
              <th scope="col">Score</th>
              <th scope="col">Stage</th>
              <th scope="col">Segment</th>
            </tr>
          </thead>
          <tbody>
            {drill.rows.map((r) => (
              <tr key={`${r.asOf}:${r.accountId}`}>
                <td>{r.accountId}</td>
                <td>{r.name}</td>
                <td>{formatDate(r.asOf)}</td>
                <td>{r.part}</td>
                <td className={r.label === 'positive' ? 'up' : undefined}>
                  {r.label === 'positive' ? 'expanded' : 'did not'}
                </td>
                <td>{Number.isInteger(r.score) ? r.score : fixed(r.score, 2)}</td>
                <td>{r.stage}</td>
                <td>{r.segment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
