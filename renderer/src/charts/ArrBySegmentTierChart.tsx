import { useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ArrBySegmentTier } from '#shared/domain/workspace';
import { formatCount, formatMoney, formatMoneyCompact } from '../format';
import { segmentOrder, tierColors, tierOrder } from './palette';
import { PlotFigure } from './PlotFigure';

/** Stacked bars: ARR per segment, split by plan tier, with each part's ARR and account count on hover. */
export function ArrBySegmentTierChart({ data, width }: { data: ArrBySegmentTier[]; width: number }) {
  const options = useMemo(() => {
    const tiers = tierOrder
      .filter((t) => data.some((d) => d.tier === t))
      .concat([...new Set(data.map((d) => d.tier))].filter((t) => !tierOrder.includes(t)));
    const segments = segmentOrder
      .filter((s) => data.some((d) => d.segment === s))
      .concat([...new Set(data.map((d) => d.segment))].filter((s) => !segmentOrder.includes(s)));
    const totals = segments.map((segment) => {
      const rows = data.filter((d) => d.segment === segment);
      return { segment, arr: rows.reduce((s, d) => s + d.arr, 0), accounts: rows.reduce((s, d) => s + d.accounts, 0) };
    });
    return {
      width,
      height: 340,
      marginLeft: 70,
      marginTop: 36,
      marginBottom: 44,
      style: { fontSize: '12px' },
      x: { domain: segments, label: 'Segment', padding: 0.3 },
      y: { grid: true, label: 'ARR', tickFormat: (v: number) => formatMoneyCompact(v) },
      color: { domain: tiers, range: tiers.map((t) => tierColors[t] ?? '#64748b'), legend: true, label: 'Tier' },
      marks: [
        Plot.barY(data, {
          x: 'segment',
          y: 'arr',
          fill: 'tier',
          order: tiers,
          title: (d: ArrBySegmentTier) =>
            `${d.segment} · ${d.tier}\n${formatMoney(d.arr)} ARR\n${formatCount(d.accounts)} accounts`,
        }),
        // Totals above each bar keep small segments readable next to large ones.
        Plot.text(totals, {
          x: 'segment',
          y: 'arr',
          text: (d: (typeof totals)[number]) => `${formatMoneyCompact(d.arr)} · ${formatCount(d.accounts)} accounts`,
          dy: -10,
          fill: 'currentColor',
          fontSize: 12,
        }),
        Plot.ruleY([0]),
      ],
    } satisfies Plot.PlotOptions;
  }, [data, width]);
  return <PlotFigure options={options} label="ARR by segment and tier" testId="arr-by-segment-tier" />;
}
