// An account's weekly series: active users against seats, non-admin users, departments. Weeks far
// above the account's usual level (1.8× its median) are marked as spikes.
import { useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { AccountDetail } from '#shared/domain/models';
import { PlotFigure } from '../../charts/PlotFigure';
import { useElementWidth } from '../../components/useElementWidth';
import { isSet } from '#shared/missing';

interface Point {
  date: Date;
  series: string;
  value: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
}

export function AccountSeries({ detail }: { detail: AccountDetail }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const { usage, departments, spikes } = useMemo(() => {
    const rows = detail.periods.map(
      (p) =>
        ({ ...p, date: new Date(`${String(p.period_start)}T00:00:00Z`) }) as Record<string, unknown> & { date: Date },
    );
    const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
    const usage: Point[] = rows.flatMap((r) => [
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
  }, [detail]);
  const seats = detail.seatsLicensed;
  const usageOptions = useMemo(
    () =>
      ({
        width: width - 8,
        height: 220,
        marginLeft: 48,
        style: { fontSize: '11px' },
        y: { grid: true, label: 'Users / seats' },
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
            title: () => 'Spike: over 1.8× the usual weekly active users',
          }),
        ],
      }) satisfies Plot.PlotOptions,
    [usage, spikes, seats, width],
  );
  const deptOptions = useMemo(
    () =>
      ({
        width: width - 8,
        height: 120,
        marginLeft: 48,
        style: { fontSize: '11px' },
        y: { grid: true, label: 'Departments', tickFormat: 'd' },
        x: { label: null },
        marks: [
          Plot.areaY(departments, { x: 'date', y: 'value', curve: 'step-after', fill: '#8b5cf6', fillOpacity: 0.25 }),
          Plot.line(departments, { x: 'date', y: 'value', curve: 'step-after', stroke: '#8b5cf6' }),
        ],
      }) satisfies Plot.PlotOptions,
    [departments, width],
  );
  if (detail.periods.length === 0) return <p className="muted">No period metrics for this account.</p>;
  return (
    <section ref={ref} aria-label="Weekly series">
      <h3>
        Usage over time{spikes.length ? ` · ${spikes.length} spike week${spikes.length > 1 ? 's' : ''} marked` : ''}
      </h3>
      <PlotFigure
        options={usageOptions}
        label="Active users, non-admin users and seats used per week"
        testId="series-usage"
      />
      <PlotFigure options={deptOptions} label="Departments active per week" testId="series-departments" />
    </section>
  );
}
