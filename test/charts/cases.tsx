// Every chart, named after the case it draws. Each case returns the element the app renders: a
// Plot figure from the chart's own options builder (the function its view calls), or, for the
// movers matrix (an HTML table), the component's markup. Add a case here for every new chart.
import type { PlotOptions } from '@observablehq/plot';
import { renderToStaticMarkup } from 'react-dom/server';
import { stageColors } from '../../renderer/src/charts/stage-colors';
import { arrBySegmentTierChart } from '../../renderer/src/charts/arr-by-segment-tier';
import { ladderChart } from '../../renderer/src/views/workbench/charts/ladder-chart';
import { funnelChart, funnelSteps } from '../../renderer/src/views/workbench/charts/funnel-chart';
import { scoreChart } from '../../renderer/src/views/workbench/charts/score-chart';
import { signalRows, signalsChart } from '../../renderer/src/views/workbench/charts/signals-chart';
import { MoversView } from '../../renderer/src/views/workbench/charts/MoversView';
import { departmentsChart, usageChart } from '../../renderer/src/views/workbench/series-charts';
import { enginesMovers, buildPairs } from '#shared/workbench/movers';
import { closeThresholds, engineFor, largeAccount, pack, withWeight, zeroBook } from './fixtures';
import { calibrateCases } from './calibrate-cases';
import { plotElement } from './snapshot';
import { bookChartCases } from './book-cases';

export interface ChartCase {
  element(): Element;
  /** Plot cases: the options, so the click test can render them through PlotFigure. */
  options?: PlotOptions;
}

const plotCase = (options: PlotOptions, label: string): ChartCase => ({
  options,
  element: () => plotElement(options, label),
});

const baseline = engineFor(pack);
const draft = engineFor(withWeight(pack, 'spread', 6));
const zero = engineFor(pack, zeroBook);
const colors = stageColors(pack);
const width = 640;

export const chartCases: Record<string, ChartCase> = {
  'ladder-weight-edit': plotCase(
    ladderChart({ baseline: baseline.result, draft: draft.result, colors, measure: 'accounts', width }).options,
    'Readiness ladder',
  ),
  'ladder-arr': plotCase(
    ladderChart({ baseline: baseline.result, draft: draft.result, colors, measure: 'arr', width }).options,
    'Readiness ladder (ARR)',
  ),
  'ladder-all-zero-arr': plotCase(
    ladderChart({ baseline: zero.result, draft: zero.result, colors, measure: 'arr', width }).options,
    'Readiness ladder, no ARR',
  ),
  'funnel-two-filters': plotCase(
    funnelChart({ steps: funnelSteps(baseline.result, draft.result), measure: 'accounts', topColor: '#16a34a', width }),
    'False-positive funnel',
  ),
  'score-distribution-accounts': plotCase(
    scoreChart({ baseline: baseline.result, draft: draft.result, pack, colors, measure: 'accounts', width }),
    'Score distribution',
  ),
  'score-distribution-arr': plotCase(
    scoreChart({ baseline: baseline.result, draft: draft.result, pack, colors, measure: 'arr', width }),
    'Score distribution (ARR)',
  ),
  'score-distribution-close-thresholds': plotCase(
    scoreChart({
      baseline: engineFor(closeThresholds).result,
      draft: engineFor(closeThresholds).result,
      pack: closeThresholds,
      colors: stageColors(closeThresholds),
      measure: 'accounts',
      width: 420,
    }),
    'Score distribution, thresholds 5 and 6',
  ),
  'score-distribution-all-zero': plotCase(
    scoreChart({ baseline: zero.result, draft: zero.result, pack, colors, measure: 'accounts', width }),
    'Score distribution, every account at 0',
  ),
  'signal-activity': plotCase(
    signalsChart({ rows: signalRows(baseline.result, draft.result), top: 'Ready', width }),
    'Signal activity',
  ),
  'movers-weight-edit': {
    element() {
      const host = document.createElement('div');
      host.innerHTML = renderToStaticMarkup(
        <MoversView movers={enginesMovers(baseline, draft, buildPairs(baseline, draft))} />,
      );
      return host.firstElementChild!;
    },
  },
  'overview-arr-by-segment-tier': plotCase(
    arrBySegmentTierChart(
      [
        { segment: 'SMB', tier: 'Starter', accounts: 820, arr: 4_100_000 },
        { segment: 'SMB', tier: 'Growth', accounts: 310, arr: 3_000_000 },
        { segment: 'Mid-Market', tier: 'Growth', accounts: 240, arr: 9_600_000 },
        { segment: 'Mid-Market', tier: 'Business', accounts: 130, arr: 8_400_000 },
        { segment: 'Enterprise', tier: 'Business', accounts: 60, arr: 12_000_000 },
        { segment: 'Enterprise', tier: 'Enterprise', accounts: 40, arr: 21_500_000 },
      ],
      width,
    ),
    'ARR by segment and tier',
  ),
  'account-series-usage-millions': plotCase(usageChart(largeAccount, 520), 'Usage per week'),
  'account-series-departments': plotCase(departmentsChart(largeAccount, 520), 'Departments per week'),
  ...calibrateCases,
  ...bookChartCases,
};
