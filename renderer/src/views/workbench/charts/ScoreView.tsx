// Score distribution of the draft (bars) and the baseline (outline), with the stage thresholds, in
// accounts or ARR as the "Show" control says.
import { memo, useMemo } from 'react';
import type { ModelResult } from '#shared/engine/aggregate';
import type { RulePackInput } from '#shared/pack/schema';
import { PlotFigure } from '../../../charts/PlotFigure';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { scoreChart } from './score-chart';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  pack: RulePackInput;
  colors: Map<string, string>;
  width: number;
}

export const ScoreView = memo(function ScoreView({ baseline, draft, pack, colors, width }: Props) {
  const measure = useWorkbenchUi((s) => s.measure);
  const options = useMemo(
    () => scoreChart({ baseline, draft, pack, colors, measure, width }),
    [baseline, draft, pack, colors, measure, width],
  );
  return (
    <div className="chart-panel">
      <PlotFigure
        options={options}
        label={`Score distribution (${measure === 'arr' ? 'ARR' : 'accounts'}) with stage thresholds`}
        testId="score-chart"
      />
      <p className="muted small">
        Blue bars: the draft{measure === 'arr' ? ', ARR per score' : ''}. Dashed outline: the baseline. Vertical lines:
        the minimum score of each stage (stages also need enough distinct signals).
      </p>
    </div>
  );
});
