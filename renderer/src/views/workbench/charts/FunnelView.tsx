// The false-positive funnel: candidates for the top stage, what each filter removes, what remains.
import { memo, useMemo } from 'react';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount, formatMoney } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed } from '../format-delta';
import { funnelChart, funnelSteps } from './funnel-chart';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  topColor: string;
  width: number;
}

export const FunnelView = memo(function FunnelView({ baseline, draft, topColor, width }: Props) {
  const { measure, showAccounts } = useWorkbenchUi();
  const steps = useMemo(() => funnelSteps(baseline, draft), [baseline, draft]);
  const options = useMemo(() => funnelChart({ steps, measure, topColor, width }), [steps, measure, topColor, width]);

  if (draft.funnel.removed.length === 0) {
    return (
      <p className="muted empty-note">
        This model has no false-positive filters. Add one in the editor to see which accounts it would stop.
      </p>
    );
  }
  return (
    <div className="chart-panel">
      <PlotFigure
        options={options}
        label="False-positive filter funnel"
        testId="funnel-chart"
        onMarkClick={(mark, index) => {
          const step = steps[index];
          if (mark === 'funnel-step' && step) showAccounts({ funnel: step.key });
        }}
      />
      <table className="data-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Baseline</th>
            <th scope="col">Draft</th>
            <th scope="col">Δ</th>
            <th scope="col">Draft ARR</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{formatCount(s.baseline.accounts)}</td>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ funnel: s.key })}
                  data-testid={`funnel-${s.key}`}
                  data-value={s.draft.accounts}
                >
                  {formatCount(s.draft.accounts)}
                </button>
              </td>
              <td>{signed(s.draft.accounts - s.baseline.accounts)}</td>
              <td>{formatMoney(s.draft.arr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Each filter is credited with the candidates it stops first, in the order the filters are listed.
      </p>
    </div>
  );
});
