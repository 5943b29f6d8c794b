// The readiness ladder: accounts (or ARR) per stage, baseline beside draft, with the deltas.
// Bars and table cells open the accounts behind them.
import { memo, useMemo } from 'react';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount, formatMoney } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed, signedMoney } from '../format-delta';
import { ladderChart } from './ladder-chart';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  colors: Map<string, string>;
  width: number;
}

export const LadderView = memo(function LadderView({ baseline, draft, colors, width }: Props) {
  const { measure, showAccounts } = useWorkbenchUi();
  const rows = useMemo(
    () =>
      draft.stages.map((s) => {
        const b = baseline.stages.find((x) => x.id === s.id);
        return { id: s.id, label: s.label, draft: s, baseline: b ?? { accounts: 0, arr: 0 } };
      }),
    [baseline, draft],
  );
  const { options, bars } = useMemo(
    () => ladderChart({ baseline, draft, colors, measure, width }),
    [baseline, draft, colors, measure, width],
  );

  return (
    <div className="chart-panel">
      <p className="muted small legend-line">
        <span className="legend-swatch faded" aria-hidden="true" /> Baseline{' '}
        <span className="legend-swatch" aria-hidden="true" /> Draft — select a bar or a number to see its accounts.
      </p>
      <PlotFigure
        options={options}
        label="Readiness ladder, baseline and draft"
        testId="ladder-chart"
        onMarkClick={(mark, index) => {
          const d = bars[index];
          if (mark === 'ladder-bar' && d) showAccounts(d.filter);
        }}
      />
      <table className="data-table" data-testid="ladder-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Baseline</th>
            <th scope="col">Draft</th>
            <th scope="col">Δ accounts</th>
            <th scope="col">Baseline ARR</th>
            <th scope="col">Draft ARR</th>
            <th scope="col">Δ ARR</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((r) => (
            <tr key={r.id} data-stage={r.id}>
              <th scope="row">
                <span className="swatch" style={{ background: colors.get(r.id) }} aria-hidden="true" />
                {r.label}
              </th>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ baselineStage: r.id })}
                  data-testid={`baseline-${r.id}`}
                  data-value={r.baseline.accounts}
                >
                  {formatCount(r.baseline.accounts)}
                </button>
              </td>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ stage: r.id })}
                  data-testid={`draft-${r.id}`}
                  data-value={r.draft.accounts}
                >
                  {formatCount(r.draft.accounts)}
                </button>
              </td>
              <td
                className={
                  r.draft.accounts - r.baseline.accounts > 0
                    ? 'up'
                    : r.draft.accounts < r.baseline.accounts
                      ? 'down'
                      : ''
                }
              >
                {signed(r.draft.accounts - r.baseline.accounts)}
              </td>
              <td>{formatMoney(r.baseline.arr)}</td>
              <td>{formatMoney(r.draft.arr)}</td>
              <td>{signedMoney(r.draft.arr - r.baseline.arr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
