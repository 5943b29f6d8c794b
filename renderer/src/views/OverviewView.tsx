// The first screen: what is in the open workspace, at a glance.
import type { Overview } from '#shared/domain/workspace';
import { ArrBySegmentTierChart } from '../charts/ArrBySegmentTierChart';
import { StatTile } from '../components/StatTile';
import { useElementWidth } from '../components/useElementWidth';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../format';

function lastImportText(overview: Overview): { value: string; detail?: string } {
  const last = overview.lastImport;
  if (last) {
    return {
      value: last.fileName,
      detail: `${formatCount(last.rowsImported)} ${last.kind} rows · ${formatDateTime(last.finishedAt)}${last.undone ? ' · undone' : ''}`,
    };
  }
  if (overview.demo) return { value: 'None yet', detail: `Demo data, seed ${overview.demo.seed}` };
  return { value: 'None yet' };
}

export function OverviewView({ overview }: { overview: Overview }) {
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>();
  const range = overview.periodRange;
  const last = lastImportText(overview);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <header className="view-header">
        <h1 id="overview-title">Workspace overview</h1>
        <p className="muted" title={overview.workspace.path}>
          {overview.workspace.name}
          {overview.demo && <span className="badge">Demo book of business</span>}
        </p>
      </header>
      <div className="stat-grid">
        <StatTile
          label="Accounts"
          value={formatCount(overview.accounts)}
          raw={overview.accounts}
          testId="stat-accounts"
        />
        <StatTile label="Total ARR" value={formatMoney(overview.arr)} raw={overview.arr} testId="stat-arr" />
        <StatTile
          label="Owners (CSMs)"
          value={formatCount(overview.owners)}
          raw={overview.owners}
          testId="stat-owners"
        />
        <StatTile
          label="Period range"
          value={range ? `${formatDate(range.from)} – ${formatDate(range.to)}` : 'No period data'}
          detail={range ? `${formatCount(range.periods)} periods` : 'Import usage metrics to see trends'}
          raw={range ? `${range.from}/${range.to}` : ''}
          testId="stat-periods"
        />
        <StatTile label="Last import" value={last.value} detail={last.detail} testId="stat-last-import" />
      </div>
      <div className="card" ref={chartRef}>
        <h2>ARR by segment and tier</h2>
        <p className="muted small">Hover a bar for its ARR and number of accounts.</p>
        <ArrBySegmentTierChart data={overview.arrBySegmentTier} width={chartWidth - 32} />
      </div>
    </section>
  );
}
