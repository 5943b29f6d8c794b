// The account drawer's weekly series as Plot options: active users, non-admin users and seats used
// against the seats licensed, spike weeks marked; and departments active. Y ticks are compact
// (1.2k, 3M) and the left margin fits the widest one, so no tick is clipped.
import * as Plot from '@observablehq/plot';
import { isSet } from '#shared/missing';
import type { AccountDetail } from '#shared/domain/models';
import { interactive } from '../../charts/interactive';
import { formatDate } from '../../format';

export interface SeriesPoint {
  date: Date;
  series: string;
  value: number;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const formatTick = (v: number) => compact.format(v);

/** A left margin wide enough for the longest tick label of values up to `max`. */
export const marginFor = (max: number) => Math.max(36, 12 + 7 * formatTick(max).length);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
}

export function seriesData(detail: AccountDetail) {
  const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
  const rows = detail.periods.map((p): Record<string, unknown> & { date: Date } => ({
    ...p,
    date: new Date(`${String(p.period_start)}T00:00:00Z`),
  }));
  const usage: SeriesPoint[] = rows.flatMap((r) => [
    { date: r.date, series: 'Active users', value: num(r.active_users) },
    { date: r.date, series: 'Non-admin active', value: num(r.non_admin_active_users) },
    { date: r.date, series: 'Seats used', value: num(r.seats_used) },
  ]);
  const typical = median(rows.map((r) => num(r.active_users)).filter((v) => isSet(v)));
  const spikes = rows
    .filter((r) => num(r.active_users) > 1.8 * typical)
    .map((r) => ({ date: r.date, value: num(r.active_users) }));
  const departments = rows.map((r) => ({ date: r.date, value: num(r.departments_active) }));
  return { usage, departments, spikes };
}

export function usageChart(detail: AccountDetail, width: number): Plot.PlotOptions {
  const { usage, spikes } = seriesData(detail);
  const seats = detail.seatsLicensed;
  const max = Math.max(0, seats ?? 0, ...usage.map((p) => (isSet(p.value) ? p.value : 0)));
  return {
    width,
    height: 220,
    marginLeft: marginFor(max),
    style: { fontSize: '11px' },
    y: { grid: true, label: 'Users / seats', tickFormat: formatTick, domain: [0, max || 1], nice: true },
    x: { label: null },
    color: {
      legend: true,
      domain: ['Active users', 'Non-admin active', 'Seats used'],
      range: ['#2563eb', '#16a34a', '#f59e0b'],
    },
    marks: [
      ...(seats
        ? [
            Plot.ruleY([seats], { stroke: '#dc2626', strokeDasharray: '4,3' }),
            Plot.text([seats], {
              y: (d: number) => d,
              frameAnchor: 'right',
              dy: -6,
              text: () => `${seats} seats licensed`,
              fill: '#dc2626',
            }),
          ]
        : []),
      Plot.line(usage, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(spikes, {
        x: 'date',
        y: 'value',
        r: 5,
        stroke: '#dc2626',
        fill: 'white',
        ...interactive({
          name: 'spike',
          data: spikes,
          describe: (s) => [
            `Week of ${formatDate(s.date.toISOString())}`,
            `${s.value} active users`,
            'Spike: over 1.8× the usual weekly active users',
          ],
        }),
      }),
    ],
  } satisfies Plot.PlotOptions;
}

export function departmentsChart(detail: AccountDetail, width: number): Plot.PlotOptions {
  const { departments } = seriesData(detail);
  const max = Math.max(0, ...departments.map((d) => (isSet(d.value) ? d.value : 0)));
  return {
    width,
    height: 120,
    marginLeft: marginFor(max),
    style: { fontSize: '11px' },
    y: { grid: true, label: 'Departments', tickFormat: 'd', domain: [0, max || 1], nice: true },
    x: { label: null },
    marks: [
      Plot.areaY(departments, { x: 'date', y: 'value', curve: 'step-after', fill: '#8b5cf6', fillOpacity: 0.25 }),
      Plot.line(departments, { x: 'date', y: 'value', curve: 'step-after', stroke: '#8b5cf6' }),
    ],
  } satisfies Plot.PlotOptions;
}
