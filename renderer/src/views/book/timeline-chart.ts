// The ladder over time as a chart: one stacked bar per as-of date, a segment per stage in ladder
// order and stage colours, accounts or ARR. Options in, options out (no React, no DOM), so the
// chart tests draw exactly what the view draws.
import * as Plot from '@observablehq/plot';
import type { TimelinePoint } from '#shared/api/book-contract';
import { interactive } from '../../charts/interactive';
import { formatCount, formatDate, formatMoney } from '../../format';

export type TimelineMeasure = 'accounts' | 'arr';

export interface TimelineChartInput {
  points: readonly TimelinePoint[];
  stages: readonly { id: string; label: string }[];
  colors: ReadonlyMap<string, string>;
  measure: TimelineMeasure;
  width: number;
}

const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Dec 15", with the year ("Dec 15 ’25") on the first date and wherever the year changes. */
export function dateTicks(dates: readonly string[]): (iso: string) => string {
  return (iso) => {
    const at = dates.indexOf(iso);
    const label = monthDay.format(new Date(`${iso}T00:00:00Z`));
    const newYear = at <= 0 || dates[at - 1]!.slice(0, 4) !== iso.slice(0, 4);
    return newYear ? `${label} ’${iso.slice(2, 4)}` : label;
  };
}

export function timelineChart({ points, stages, colors, measure, width }: TimelineChartInput): Plot.PlotOptions {
  const rows = points.flatMap((p) => p.stages.map((s) => ({ asOf: p.asOf, ...s })));
  const order = stages.map((s) => s.label);
  const dates = points.map((p) => p.asOf);
  return {
    width: Math.max(360, width - 16),
    height: 270,
    marginLeft: 64,
    x: { type: 'band', domain: dates, label: null, tickFormat: dateTicks(dates) },
    y: {
      label: measure === 'accounts' ? 'Accounts' : 'ARR ($)',
      tickFormat: measure === 'arr' ? '$~s' : ',d',
      grid: true,
    },
    color: { domain: order, range: stages.map((s) => colors.get(s.id) ?? '#94a3b8'), legend: true },
    marks: [
      Plot.barY(rows, {
        x: 'asOf',
        y: measure,
        fill: 'label',
        order,
        ...interactive({
          name: 'timeline-bar',
          data: rows,
          describe: (r) => [
            `${r.label} on ${formatDate(r.asOf)}`,
            `${formatCount(r.accounts)} accounts`,
            `${formatMoney(r.arr)} ARR`,
          ],
        }),
      }),
      Plot.ruleY([0]),
    ],
  };
}
