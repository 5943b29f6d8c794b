// How often each signal fires (draft vs baseline) and its share among the top stage's accounts.
import { memo, useMemo } from 'react';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed } from '../format-delta';
import { percent, signalRows, signalsChart } from './signals-chart';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  width: number;
}

export const SignalsView = memo(function SignalsView({ baseline, draft, width }: Props) {
  const showAccounts = useWorkbenchUi((s) => s.showAccounts);
  const top = draft.stages.find((s) => s.id === draft.funnel.stage)?.label ?? 'top stage';
  const rows = useMemo(() => signalRows(baseline, draft), [baseline, draft]);
  const options = useMemo(() => signalsChart({ rows, top, width }), [rows, top, width]);
  return (
    <div className="chart-panel">
      <PlotFigure
        options={options}
        label="Signal activity"
        testId="signals-chart"
        onMarkClick={(mark, index) => mark === 'signal-bar' && rows[index] && showAccounts({ signal: rows[index].id })}
      />
      <table className="data-table" data-testid="signals-table">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Firing (draft)</th>
            <th scope="col">Δ vs baseline</th>
            <th scope="col">Share of {top}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ signal: r.id })}
                  data-testid={`signal-${r.id}-fired`}
                  data-value={r.fired}
                >
                  {formatCount(r.fired)}
                </button>
              </td>
              <td>{signed(r.fired - r.before)}</td>
              <td>{percent(r.shareOfTop)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Bars: accounts where the signal fires in the draft; ticks: the baseline.</p>
    </div>
  );
});
