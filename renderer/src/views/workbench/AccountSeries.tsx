// An account's weekly series: active users against seats, non-admin users, departments. Weeks far
// above the account's usual level (1.8× its median) are marked as spikes.
import { useMemo } from 'react';
import type { AccountDetail } from '#shared/domain/models';
import { PlotFigure } from '../../charts/PlotFigure';
import { useElementWidth } from '../../components/useElementWidth';
import { departmentsChart, seriesData, usageChart } from './series-charts';

export function AccountSeries({ detail }: { detail: AccountDetail }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const spikes = useMemo(() => seriesData(detail).spikes.length, [detail]);
  const usageOptions = useMemo(() => usageChart(detail, width - 8), [detail, width]);
  const deptOptions = useMemo(() => departmentsChart(detail, width - 8), [detail, width]);
  if (detail.periods.length === 0) return <p className="muted">No period metrics for this account.</p>;
  return (
    <section ref={ref} aria-label="Weekly series">
      <h3>Usage over time{spikes ? ` · ${spikes} spike week${spikes > 1 ? 's' : ''} marked` : ''}</h3>
      <PlotFigure
        options={usageOptions}
        label="Active users, non-admin users and seats used per week"
        testId="series-usage"
      />
      <PlotFigure options={deptOptions} label="Departments active per week" testId="series-departments" />
    </section>
  );
}
