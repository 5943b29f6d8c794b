// Every account with its baseline and draft stage: virtualised (only visible rows are rendered
// and fetched from the worker), sortable, filterable by what was clicked in a chart.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountPage, AccountRow, SortKey } from '#shared/workbench/queries';
import type { RulePackInput } from '#shared/pack/schema';
import { engineSession } from '../../engine/engine-session';
import { formatCount, formatMoney } from '../../format';
import { useModelStore } from '../../store/model-store';
import { useWorkbenchUi, type AccountFilter } from '../../store/workbench-ui-store';
import { AccountFilters } from './AccountFilters';
import { messageOf } from '#shared/error-message';

const rowHeight = 38;
const viewportRows = 16;
const block = 120;

const columns: { key: SortKey | null; label: string; className?: string }[] = [
  { key: 'name', label: 'Account' },
  { key: 'segment', label: 'Segment' },
  { key: 'owner', label: 'Owner' },
  { key: 'arr', label: 'ARR', className: 'num' },
  { key: 'whitespace', label: 'Whitespace', className: 'num' },
  { key: 'score', label: 'Score', className: 'num' },
  { key: 'stage', label: 'Stage' },
  { key: null, label: 'Top signals' },
  { key: null, label: 'Filters hit' },
];

/** Why the row sits where it does, baseline and draft: the gate or filter that moved it off its score's stage. */
function stageTitle(row: AccountRow, labels: Map<string, string>): string {
  const side = (name: string, s: AccountRow['draft']) =>
    `${name}: ${labels.get(s.stage)}${s.movedBy.length ? ` (moved there by ${s.movedBy.join(', ')})` : ''}`;
  return `${side('Baseline', row.baseline)}\n${side('Draft', row.draft)}`;
}

const fmtScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function AccountsView({ pack }: { pack: RulePackInput }) {
  const snapshot = useModelStore((s) => s.engineRevision);
  const { filter, sort, descending, setSort, openAccount } = useWorkbenchUi();
  const [page, setPage] = useState<{ key: string; total: number; rows: Map<number, AccountRow> }>({
    key: '',
    total: 0,
    rows: new Map(),
  });
  const [first, setFirst] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const stageLabel = useMemo(() => new Map(pack.ladder.stages.map((s) => [s.id, s.label])), [pack]);
  const key = useMemo(() => JSON.stringify({ filter, sort, descending }), [filter, sort, descending]);
  const loading = useRef(new Set<string>());

  const fetchBlock = useCallback(
    async (offset: number) => {
      const id = `${key}@${offset}`;
      if (loading.current.has(id)) return;
      loading.current.add(id);
      try {
        const result: AccountPage = await engineSession.client.send({
          op: 'query',
          baseline: 'baseline',
          draft: 'draft',
          query: { ...filter, sort, descending, offset, limit: block },
        });
        setError(null);
        setPage((prev) => {
          const rows = prev.key === key ? new Map(prev.rows) : new Map<number, AccountRow>();
          result.rows.forEach((r, k) => rows.set(offset + k, r));
          return { key, total: result.total, rows };
        });
      } catch (e) {
        setError(messageOf(e));
      } finally {
        loading.current.delete(id);
      }
    },
    [key, filter, sort, descending],
  );

  // New query or new scores: start again from the top block visible now.
  useEffect(() => {
    loading.current.clear();
    setPage((p) => ({ key, total: p.key === key ? p.total : 0, rows: new Map() }));
    void fetchBlock(Math.floor(first / block) * block);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, snapshot]);

  useEffect(() => {
    const start = Math.floor(first / block) * block;
    for (const offset of [start, start + block]) {
      if (offset < Math.max(page.total, block) && !page.rows.has(offset)) void fetchBlock(offset);
    }
  }, [first, page, fetchBlock]);

  const visible = Array.from({ length: viewportRows + 4 }, (_, k) => first + k).filter((i) => i < page.total);
  const onKey = (event: React.KeyboardEvent, i: number, row: AccountRow | undefined) => {
    if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      openAccount(row.index);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(page.total - 1, i + (event.key === 'ArrowDown' ? 1 : -1)));
      const el = scroller.current;
      if (el && (next < first || next >= first + viewportRows))
        el.scrollTop = Math.max(0, next - (event.key === 'ArrowDown' ? viewportRows - 1 : 0)) * rowHeight;
      requestAnimationFrame(() => el?.querySelector<HTMLElement>(`[data-row="${next}"]`)?.focus());
    }
  };

  return (
    <div className="accounts-view">
      <AccountFilters pack={pack} total={page.total} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div
        className="accounts-table"
        role="table"
        aria-label="Accounts"
        aria-rowcount={page.total + 1}
        data-testid="accounts-table"
      >
        <div className="row header" role="row">
          {columns.map((c) => (
            <div
              role="columnheader"
              key={c.label}
              className={c.className}
              aria-sort={c.key && c.key === sort ? (descending ? 'descending' : 'ascending') : undefined}
            >
              {c.key ? (
                <button className="sort" onClick={() => setSort(c.key!)} title={`Sort by ${c.label.toLowerCase()}`}>
                  {c.label}
                  {c.key === sort ? (descending ? ' ▾' : ' ▴') : ''}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
        <div
          className="scroller"
          ref={scroller}
          style={{ height: viewportRows * rowHeight }}
          onScroll={(e) => setFirst(Math.floor(e.currentTarget.scrollTop / rowHeight))}
        >
          <div style={{ height: page.total * rowHeight, position: 'relative' }}>
            {visible.map((i) => {
              const row = page.rows.get(i);
              const moved = row && row.baseline.stage !== row.draft.stage;
              return (
                <div
                  key={i}
                  role="row"
                  aria-rowindex={i + 2}
                  data-row={i}
                  tabIndex={0}
                  className={moved ? 'row moved' : 'row'}
                  style={{ top: i * rowHeight, height: rowHeight }}
                  onClick={() => row && openAccount(row.index)}
                  onKeyDown={(e) => onKey(e, i, row)}
                >
                  {row ? (
                    <>
                      <div role="cell" className="name" title={`${row.name} (${row.id})`}>
                        {row.name}
                      </div>
                      <div role="cell">{row.segment}</div>
                      <div role="cell">{row.owner}</div>
                      <div role="cell" className="num">
                        {formatMoney(row.arr)}
                      </div>
                      <div
                        role="cell"
                        className="num"
                        title={row.whitespace === null ? 'Unknown: an input is missing' : undefined}
                      >
                        {row.whitespace === null ? '—' : formatMoney(row.whitespace)}
                      </div>
                      <div role="cell" className="num">
                        {row.baseline.score === row.draft.score
                          ? fmtScore(row.draft.score)
                          : `${fmtScore(row.baseline.score)} → ${fmtScore(row.draft.score)}`}
                      </div>
                      <div role="cell" className="stage-cell" title={stageTitle(row, stageLabel)}>
                        {row.baseline.stage === row.draft.stage
                          ? stageLabel.get(row.draft.stage)
                          : `${stageLabel.get(row.baseline.stage)} → ${stageLabel.get(row.draft.stage)}`}
                        {row.draft.movedBy.length > 0 && (
                          <span className="moved-by" data-testid="moved-by">
                            {row.draft.movedBy.join(', ')}
                          </span>
                        )}
                      </div>
                      <div role="cell" className="signals" title={row.topSignals.join(', ')}>
                        {row.topSignals.join(', ') || '—'}
                      </div>
                      <div role="cell" className="signals" title={row.filtersHit.join(', ')}>
                        {row.filtersHit.join(', ') || '—'}
                      </div>
                    </>
                  ) : (
                    <div role="cell" className="muted">
                      Loading…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {page.key === key && page.total === 0 && <p className="muted empty-note">No account matches these filters.</p>}
      <p className="muted small">
        {formatCount(page.total)} accounts. Select a row (or press Enter on it) to see why it sits where it does.
      </p>
    </div>
  );
}

export type { AccountFilter };
