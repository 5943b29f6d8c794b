// Read-only summaries of a workspace: the overview screen and `ladder info`.
import type { ArrBySegmentTier, ImportRecord, Overview, PatternShare, WorkspaceInfo } from '#shared/domain/workspace';
import type { Workspace } from '../store/open-workspace';
import type { Db } from '../store/sqlite';
import { all, type ImportRow, type MetaRow } from '../store/rows';

const count = (db: Db, sql: string): number => Number(db.prepare(sql).pluck().get() ?? 0);

function periodRange(db: Db): Overview['periodRange'] {
  // Both ends come from the periods_by_start index, so this stays instant on millions of rows.
  const from = db.prepare('SELECT min(period_start) FROM periods').pluck().get() as string | null;
  if (!from) return null;
  const to = db.prepare('SELECT max(period_start) FROM periods').pluck().get() as string;
  // Hop from one distinct date to the next through the index instead of scanning every row.
  const periods = count(
    db,
    `WITH RECURSIVE d(x) AS (
       SELECT min(period_start) FROM periods
       UNION ALL SELECT (SELECT min(period_start) FROM periods WHERE period_start > x) FROM d WHERE x IS NOT NULL)
     SELECT count(x) FROM d`,
  );
  return { from, to, periods };
}

type ImportSummaryRow = Pick<
  ImportRow,
  'id' | 'file_name' | 'kind' | 'rows_imported' | 'rows_rejected' | 'finished_at' | 'undone_at'
>;

const toImportRecord = (r: ImportSummaryRow): ImportRecord => ({
  id: r.id,
  fileName: r.file_name,
  kind: r.kind,
  rowsImported: r.rows_imported,
  rowsRejected: r.rows_rejected,
  finishedAt: r.finished_at,
  undone: r.undone_at !== null,
});

function imports(db: Db, limit: number): ImportRecord[] {
  return all<ImportSummaryRow>(
    db,
    'SELECT id, file_name, kind, rows_imported, rows_rejected, finished_at, undone_at FROM imports ORDER BY id DESC LIMIT ?',
    limit,
  ).map(toImportRecord);
}

function meta(db: Db): Map<string, string> {
  return new Map(all<MetaRow>(db, 'SELECT key, value FROM workspace_meta').map((r) => [r.key, r.value]));
}

function demoInfo(db: Db): WorkspaceInfo['demo'] {
  const m = meta(db);
  const seed = m.get('demo.seed');
  if (seed === undefined) return null;
  return { seed: Number(seed), generatedAt: m.get('demo.generatedAt') ?? '', weeks: Number(m.get('demo.weeks') ?? 0) };
}

function arrBySegmentTier(db: Db, owner: string | null): ArrBySegmentTier[] {
  return db
    .prepare(
      `SELECT coalesce(segment, 'Unknown') AS segment, coalesce(tier, 'Unknown') AS tier,
              count(*) AS accounts, coalesce(sum(arr), 0) AS arr
       FROM accounts WHERE @owner IS NULL OR owner_csm = @owner GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all({ owner }) as ArrBySegmentTier[];
}

function patternShares(db: Db): PatternShare[] {
  return (
    db
      .prepare(
        'SELECT pattern, label, designed_share, accounts, share FROM demo_pattern_shares ORDER BY designed_share DESC, pattern',
      )
      .all() as {
      pattern: string;
      label: string;
      designed_share: number;
      accounts: number;
      share: number;
    }[]
  ).map((r) => ({
    pattern: r.pattern,
    label: r.label,
    designedShare: r.designed_share,
    accounts: r.accounts,
    share: r.share,
  }));
}

function totals(db: Db, owner: string | null = null): { accounts: number; arr: number; owners: number } {
  const row = db
    .prepare(
      `SELECT count(*) AS accounts, coalesce(sum(arr), 0) AS arr,
              count(DISTINCT owner_csm) AS owners FROM accounts WHERE @owner IS NULL OR owner_csm = @owner`,
    )
    .get({ owner }) as { accounts: number; arr: number; owners: number };
  return row;
}

/** The overview; with `owner`, the counts and the chart cover that CSM's accounts only. */
export function readOverview(ws: Workspace, owner?: string): Overview {
  const { db } = ws;
  const demo = demoInfo(db);
  return {
    workspace: { path: ws.path, name: ws.name },
    ...totals(db, owner ?? null),
    periodRange: periodRange(db),
    lastImport: imports(db, 1)[0] ?? null,
    demo: demo && { seed: demo.seed, generatedAt: demo.generatedAt },
    arrBySegmentTier: arrBySegmentTier(db, owner ?? null),
    owner: owner ?? null,
  };
}

export function readInfo(ws: Workspace): WorkspaceInfo {
  const { db } = ws;
  return {
    path: ws.path,
    formatVersion: Number(db.pragma('user_version', { simple: true })),
    ...totals(db),
    periodRows: count(db, 'SELECT count(*) FROM periods'),
    users: count(db, 'SELECT count(*) FROM users'),
    outcomes: count(db, 'SELECT count(*) FROM outcomes'),
    tickets: count(db, 'SELECT count(*) FROM tickets'),
    periodRange: periodRange(db),
    imports: imports(db, 1000),
    models: count(db, 'SELECT count(*) FROM models'),
    demo: demoInfo(db),
    patterns: patternShares(db),
  };
}
