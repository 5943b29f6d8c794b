// The overview's chart as Plot options: ARR per segment, stacked by plan tier, each part with its
// ARR and account count as its tooltip; the segment's total above each bar.
import * as Plot from '@observablehq/plot';
import type { ArrBySegmentTier } from '#shared/domain/workspace';
import { formatCount, formatMoney, formatMoneyCompact } from '../format';
import { interactive } from './interactive';
import { segmentOrder, tierColors, tierOrder } from './palette';

const ordered = (known: readonly string[], seen: string[]) =>
  known.filter((k) => seen.includes(k)).concat([...new Set(seen)].filter((s) => !known.includes(s)));

export function arrBySegmentTierChart(data: ArrBySegmentTier[], width: number): Plot.PlotOptions {
  const tiers = ordered(
    tierOrder,
    data.map((d) => d.tier),
  );
  const segments = ordered(
    segmentOrder,
    data.map((d) => d.segment),
  );
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
        ...interactive({
          name: 'segment-tier',
          data,
          describe: (d) => [
            `${d.segment} · ${d.tier}`,
            `${formatMoney(d.arr)} ARR`,
            `${formatCount(d.accounts)} accounts`,
          ],
        }),
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
}
