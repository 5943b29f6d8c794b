// Baseline stage × draft stage: how many accounts (and how much ARR) each edit moves. A cell opens
// its accounts.
import { memo } from 'react';
import type { MoversMatrix } from '#shared/workbench/movers';
import { formatCount, formatMoneyCompact } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';

export const MoversView = memo(function MoversView({
  movers,
  fromLabel = 'Baseline',
  toLabel = 'Draft',
  onCell,
}: {
  movers: MoversMatrix;
  fromLabel?: string;
  toLabel?: string;
  onCell?: (from: string, to: string) => void;
}) {
  const showAccounts = useWorkbenchUi((s) => s.showAccounts);
  const open = onCell ?? ((from: string, to: string) => showAccounts({ baselineStage: from, stage: to }));
  const max = Math.max(
    1,
    ...movers.accounts.flatMap((row, i) => row.filter((_, j) => movers.from[i]!.id !== movers.to[j]!.id)),
  );
  return (
    <div className="chart-panel">
      <p className="movers-summary" data-testid="movers-summary">
        {formatCount(movers.moved.accounts)} accounts ({formatMoneyCompact(movers.moved.arr)} ARR) change stage.
      </p>
      <table className="movers" data-testid="movers-table">
        <caption className="muted small">
          Rows: {fromLabel} stage. Columns: {toLabel} stage. Select a cell to see its accounts.
        </caption>
        <thead>
          <tr>
            <th scope="col">
              {fromLabel} ↓ / {toLabel} →
            </th>
            {movers.to.map((s) => (
              <th scope="col" key={s.id}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {movers.from.map((from, i) => (
            <tr key={from.id}>
              <th scope="row">{from.label}</th>
              {movers.to.map((to, j) => {
                const n = movers.accounts[i]![j]!;
                const same = from.id === to.id;
                const intensity = same ? 0 : Math.min(1, n / max);
                return (
                  <td
                    key={to.id}
                    className={same ? 'diagonal' : ''}
                    style={
                      same ? undefined : { background: `rgb(59 130 246 / ${(0.08 + intensity * 0.5).toFixed(2)})` }
                    }
                  >
                    <button
                      className="cell"
                      disabled={n === 0}
                      data-testid={`mover-${from.id}-${to.id}`}
                      onClick={() => open(from.id, to.id)}
                      title={`${formatCount(n)} accounts from ${from.label} to ${to.label}, ${formatMoneyCompact(movers.arr[i]![j]!)} ARR`}
                    >
                      <span className="n">{formatCount(n)}</span>
                      <span className="arr">{formatMoneyCompact(movers.arr[i]![j]!)}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
