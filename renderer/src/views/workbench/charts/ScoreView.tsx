// Score distribution of the draft (bars) and the baseline (outline), with the stage thresholds.
import { memo, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import type { RulePackInput } from '#shared/pack/schema';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount } from '../../../format';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  pack: RulePackInput;
  colors: Map<string, string>;
  width: number;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export const ScoreView = memo(function ScoreView({ baseline, draft, pack, colors, width }: Props) {
  const options = useMemo(() => {
    const thresholds = pack.ladder.stages.filter((s, i, all) => !s.gateOnly && all.filter((x) => !x.gateOnly)[0] !== s);
    return {
      width,
      height: 320,
      marginLeft: 60,
      marginTop: 30,
      style: { fontSize: '12px' },
      x: { label: 'Score', tickFormat: fmt },
      y: { grid: true, label: 'Accounts', tickFormat: formatCount },
      marks: [
        Plot.rectY(draft.histogram.bins, {
          x1: 'from',
          x2: 'to',
          y: 'accounts',
          fill: '#3b82f6',
          fillOpacity: 0.75,
          inset: 0.5,
          title: (b: { from: number; to: number; accounts: number }) =>
            `Draft: ${formatCount(b.accounts)} accounts scoring ${fmt(b.from)}–${fmt(b.to)}`,
        }),
        Plot.rectY(baseline.histogram.bins, {
          x1: 'from',
          x2: 'to',
          y: 'accounts',
          fill: 'none',
          stroke: 'currentColor',
          strokeOpacity: 0.6,
          strokeDasharray: '3,2',
        }),
        Plot.ruleX(thresholds, {
          x: (s: (typeof thresholds)[number]) => s.minScore ?? 0,
          stroke: (s: (typeof thresholds)[number]) => colors.get(s.id) ?? '#64748b',
          strokeWidth: 2,
        }),
        Plot.text(thresholds, {
          x: (s: (typeof thresholds)[number]) => s.minScore ?? 0,
          frameAnchor: 'top',
          dy: -14,
          text: (s: (typeof thresholds)[number]) => `${s.label} ≥ ${fmt(s.minScore ?? 0)}`,
          fill: (s: (typeof thresholds)[number]) => colors.get(s.id) ?? '#64748b',
          fontWeight: 600,
        }),
        Plot.ruleY([0]),
      ],
    } satisfies Plot.PlotOptions;
  }, [baseline, draft, pack, colors, width]);
  return (
    <div className="chart-panel">
      <PlotFigure options={options} label="Score distribution with stage thresholds" testId="score-chart" />
      <p className="muted small">
        Blue bars: the draft. Dashed outline: the baseline. Vertical lines: the minimum score of each stage (stages also
        need enough distinct signals).
      </p>
    </div>
  );
});
