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
const month = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/**
 * "Dec 15", with the year on the first date and wherever it changes: "Nov 24 ’25" when there is
 * room, "Jan ’26" when there is less; with thin bars only every other (or third…) date is labelled,
 * so labels never run into each other.
 */
export function dateTicks(dates: readonly string[], barWidth = Infinity): (iso: string) => string {
  const step = barWidth >= 56 ? 1 : Math.ceil(56 / barWidth);
  const room = barWidth * step;
  return (iso) => {
    const at = dates.indexOf(iso);
    if (at % step !== 0) return '';
    const day = new Date(`${iso}T00:00:00Z`);
    const newYear = at <= 0 || dates[at - step]!.slice(0, 4) !== iso.slice(0, 4);
    if (!newYear) return monthDay.format(day);
    return room >= 72 ? `${monthDay.format(day)} ’${iso.slice(2, 4)}` : `${month.format(day)} ’${iso.slice(2, 4)}`;
  };
}

export function timelineChart({ points, stages, colors, measure, width }: TimelineChartInput): Plot.PlotOptions {
  const rows = points.flatMap((p) => p.stages.map((s) => ({ asOf: p.asOf, ...s })));
  const order = stages.map((s) => s.label);
  const dates = points.map((p) => p.asOf);
  const chartWidth = Math.max(360, width - 16);
  const barWidth = (chartWidth - 84) / Math.max(1, dates.length);
  return {
    width: chartWidth,
    height: 270,
    marginLeft: 64,
    x: { type: 'band', domain: dates, label: null, tickFormat: dateTicks(dates, barWidth) },
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
