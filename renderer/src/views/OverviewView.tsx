// The first screen: what is in the open workspace, at a glance.
import type { Overview } from '#shared/domain/workspace';
import { ArrBySegmentTierChart } from '../charts/ArrBySegmentTierChart';
import { StatTile } from '../components/StatTile';
import { useElementWidth } from '../components/useElementWidth';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../format';
import { useEffect, useState } from 'react';
import type { WhitespaceSummary } from '#shared/api/book-contract';
import { api } from '../api';
import { useBookStore } from '../store/book-store';
import { useModelStore } from '../store/model-store';

/** The overview as counted for my book (the whole workspace's when no owner is picked). */
function useBookOverview(overview: Overview): { shown: Overview; whitespace: WhitespaceSummary | null } {
  const owner = useBookStore((s) => s.owner);
  const draft = useModelStore((s) => s.draft);
  const [mine, setMine] = useState<Overview | null>(null);
  const [whitespace, setWhitespace] = useState<WhitespaceSummary | null>(null);
  useEffect(() => {
    let live = true;
    if (!owner) setMine(null);
    else void api.request('workspace.overview', { owner }).then((r) => live && r.ok && setMine(r.value));
    return () => {
      live = false;
    };
  }, [owner, overview]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api
        .request('book.whitespace', { ...(draft ? { pack: draft } : {}), ...(owner ? { owner } : {}) })
        .then((r) => live && setWhitespace(r.ok ? r.value : null));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [owner, draft, overview]);
  return { shown: owner && mine?.owner === owner ? mine : overview, whitespace };
}

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

export function OverviewView({ overview: all }: { overview: Overview }) {
  const { shown: overview, whitespace } = useBookOverview(all);
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
          {overview.owner && (
            <span className="badge" data-testid="overview-owner">
              My book: {overview.owner}
            </span>
          )}
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
          label="Whitespace"
          value={whitespace ? formatMoney(whitespace.whitespace) : '…'}
          detail={
            whitespace
              ? `${whitespace.source === 'pack' ? 'The model’s potential' : 'Default potential'}${whitespace.unknown ? ` · ${formatCount(whitespace.unknown)} accounts lack inputs` : ''}`
              : undefined
          }
          raw={whitespace?.whitespace ?? ''}
          testId="stat-whitespace"
        />
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
