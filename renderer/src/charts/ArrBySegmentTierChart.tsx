import { useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ArrBySegmentTier } from '../../../shared/domain/workspace';
import { formatCount, formatMoney, formatMoneyCompact } from '../format';
import { segmentOrder, tierColors, tierOrder } from './palette';
import { PlotFigure } from './PlotFigure';

/** Stacked bars: ARR per segment, split by plan tier, with each part's ARR and account count on hover. */
export function ArrBySegmentTierChart({ data, width }: { data: ArrBySegmentTier[]; width: number }) {
  const options = useMemo(() => {
    const tiers = tierOrder.filter((t) => data.some((d) => d.tier === t)).concat(
      [...new Set(data.map((d) => d.tier))].filter((t) => !tierOrder.includes(t)),
    );
    const segments = segmentOrder.filter((s) => data.some((d) => d.segment === s)).concat(
      [...new Set(data.map((d) => d.segment))].filter((s) => !segmentOrder.includes(s)),
    );
    return {
      width,
      height: 320,
      marginLeft: 70,
      marginBottom: 40,
      x: { domain: segments, label: 'Segment', padding: 0.3 },
      y: { grid: true, label: 'ARR', tickFormat: (v: number) => formatMoneyCompact(v) },
      color: { domain: tiers, range: tiers.map((t) => tierColors[t] ?? '#64748b'), legend: true, label: 'Tier' },
      marks: [
        Plot.barY(data, {
          x: 'segment',
          y: 'arr',
          fill: 'tier',
          order: tiers,
          title: (d: ArrBySegmentTier) => `${d.segment} · ${d.tier}\n${formatMoney(d.arr)} ARR\n${formatCount(d.accounts)} accounts`,
        }),
        Plot.ruleY([0]),
      ],
    } satisfies Plot.PlotOptions;
  }, [data, width]);
  return <PlotFigure options={options} label="ARR by segment and tier" testId="arr-by-segment-tier" />;
}
