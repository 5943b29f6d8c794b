// The book-of-business heatmap against direct SQL over the workspace, for every measure and the
// cuts a CS leader makes (owner × stage, segment × region, tier × value-journey stage, account
// manager alone, an owner's book): the stage and whitespace come from the compiled SQL of the pack
// run inside a copy of the workspace, the rest from the accounts and outcomes tables.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { bookMeasures, defaultOutcomeDays, type BookMeasure } from '#shared/book/fields';
import { compileSql } from '#shared/compile/sql';
import { addDays } from '#shared/dates';
import { scoredBook, type ScoredBook } from '../../electron/backend/book/book-service';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { featuresRelation } from '../../electron/backend/export/features-relation';
import { loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../electron/backend/scoring/score-workspace';
import { openWorkspace, type Workspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const path = join(dir.path, 'demo.ladder');
const valid = loadPreset('emerging-ready-filters');
let ws: Workspace;
let sql: Database.Database;
let asOf: string;
let book: ScoredBook;

beforeAll(async () => {
  await writeDemoWorkspace(path, demoDefaults({ accounts: 2000, seed: 3, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
  const scored = scoreWorkspace(ws, valid);
  asOf = scored.asOf;
  book = scoredBook(ws, valid);
  // A copy of the workspace with the features relation and the pack's compiled SQL as tables.
  const copy = join(dir.path, 'copy.ladder');
  copyFileSync(path, copy);
  sql = new Database(copy);
  const relation = featuresRelation(scored.build.table, valid);
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  sql.exec(
    `CREATE TABLE ladder_features (${relation.columns.map((c) => `${q(c.name)} ${c.type === 'text' ? 'TEXT' : 'REAL'}`).join(', ')})`,
  );
  const insert = sql.prepare(`INSERT INTO ladder_features VALUES (${relation.columns.map(() => '?').join(', ')})`);
  sql.transaction(() => {
    for (const row of relation.rows()) insert.run(...row);
  })();
  sql.exec(`CREATE TABLE scored AS ${compileSql(valid, { dialect: 'sqlite' })}`);
});
afterAll(() => {
  sql?.close();
  ws?.db.close();
  dir.cleanup();
});

const measureSql: Record<BookMeasure, string> = {
  accounts: 'count(*)',
  arr: 'sum(round(coalesce(a.arr, 0) * 100)) / 100.0',
  ready_arr: "sum(CASE WHEN s.stage = 'ready' THEN round(coalesce(a.arr, 0) * 100) ELSE 0 END) / 100.0",
  whitespace: 'coalesce(sum(round(s.whitespace * 100)), 0) / 100.0',
  won_arr: 'sum(round(coalesce(w.amount, 0) * 100)) / 100.0',
  conversion: 'CAST(sum(w.amount IS NOT NULL) AS REAL) / count(*)',
};

const stageLabels: Record<string, string> = {
  health_first: 'Health first',
  not_ready: 'Not ready',
  emerging: 'Emerging',
  ready: 'Ready',
};

/** GROUP BY over accounts ⋈ scored ⋈ won expansions: value per (row label, column label). */
function bySql(
  measure: BookMeasure,
  rows: string,
  cols: string | null,
  owner?: string,
  days = defaultOutcomeDays,
): Map<string, number> {
  const expr = (field: string) => (field === 'stage' ? 's.stage' : `coalesce(a.${field}, '(blank)')`);
  const out = sql
    .prepare(
      `WITH won AS (
         SELECT account_key, sum(coalesce(amount, 0)) AS amount FROM outcomes
         WHERE won = 1 AND is_expansion = 1 AND close_date > @from AND close_date <= @asOf GROUP BY account_key)
       SELECT ${expr(rows)} AS r, ${cols ? expr(cols) : "'All accounts'"} AS c, ${measureSql[measure]} AS v
       FROM accounts a JOIN scored s ON s.account_id = a.id LEFT JOIN won w ON w.account_key = a.key
       WHERE @owner IS NULL OR a.owner_csm = @owner
       GROUP BY 1, 2`,
    )
    .all({ from: addDays(asOf, -days), asOf, owner: owner ?? null }) as {
    r: string;
    c: string;
    v: number;
  }[];
  const label = (field: string | null, v: string) => (field === 'stage' ? stageLabels[v]! : v);
  return new Map(out.map((x) => [`${label(rows, x.r)}|${label(cols, x.c)}`, x.v]));
}

const cuts: [string, string | null, string?][] = [
  ['owner_csm', 'stage'],
  ['segment', 'region'],
  ['tier', 'journey_stage'],
  ['owner_am', null],
  ['stage', 'industry'],
  ['industry', 'stage', 'Grace Whitfield'],
];

describe.each(bookMeasures)('%s', (measure) => {
  it.each(cuts)('by %s × %s (owner %s) equals SQL, cell by cell and on the margins', (rows, cols, owner) => {
    const h = book.cut({ rows, ...(cols ? { cols } : {}), measure, ...(owner ? { owner } : {}) });
    const expected = bySql(measure, rows, cols, owner);
    expect(h.rows.some((r) => r.startsWith('Other'))).toBe(false); // every value shown: nothing to re-group
    let cellsChecked = 0;
    h.rows.forEach((r, i) =>
      h.cols.forEach((c, j) => {
        const want = expected.get(`${r}|${c}`);
        if (want === undefined) expect(h.counts[i]![j], `${r} × ${c} has no accounts`).toBe(0);
        else {
          expect(h.cells[i]![j], `${r} × ${c}`).toBeCloseTo(want, 9);
          cellsChecked++;
        }
      }),
    );
    expect(cellsChecked).toBe(expected.size);
    const totalOf = (filter: (key: string) => boolean) => {
      const keys = [...expected.keys()].filter(filter);
      return measure === 'conversion' ? null : keys.reduce((s, k) => s + expected.get(k)!, 0);
    };
    if (measure !== 'conversion') {
      h.rows.forEach((r, i) =>
        expect(h.rowTotals[i]).toBeCloseTo(
          totalOf((k) => k.startsWith(`${r}|`))!,
          6,
        ),
      );
      h.cols.forEach((c, j) =>
        expect(h.colTotals[j]).toBeCloseTo(
          totalOf((k) => k.endsWith(`|${c}`))!,
          6,
        ),
      );
      expect(h.total).toBeCloseTo(
        totalOf(() => true)!,
        6,
      );
    } else {
      const all = bySql('conversion', rows, null, owner);
      const total = sql
        .prepare(
          `SELECT CAST(count(DISTINCT o.account_key) AS REAL) / (SELECT count(*) FROM accounts WHERE @owner IS NULL OR owner_csm = @owner)
           FROM outcomes o JOIN accounts a ON a.key = o.account_key
           WHERE o.won = 1 AND o.is_expansion = 1 AND o.close_date > @from AND o.close_date <= @asOf AND (@owner IS NULL OR a.owner_csm = @owner)`,
        )
        .pluck()
        .get({ from: addDays(asOf, -defaultOutcomeDays), asOf, owner: owner ?? null }) as number;
      h.rows.forEach((r, i) => expect(h.rowTotals[i]).toBeCloseTo(all.get(`${r}|All accounts`)!, 12));
      expect(h.total).toBeCloseTo(total, 12);
    }
  });
});

it('the measures are not vacuous on the demo: Ready ARR, whitespace, won ARR and conversions are all positive', () => {
  for (const measure of ['ready_arr', 'whitespace', 'won_arr', 'conversion'] as const)
    expect(book.cut({ rows: 'segment', measure }).total, measure).toBeGreaterThan(0);
});

it.each([30, 365])('won ARR and conversion over the last %i days (another window) equal SQL', (days) => {
  for (const measure of ['won_arr', 'conversion'] as const) {
    const h = book.cut({ rows: 'owner_csm', cols: 'segment', measure, days });
    const expected = bySql(measure, 'owner_csm', 'segment', undefined, days);
    h.rows.forEach((r, i) =>
      h.cols.forEach((c, j) =>
        expect(h.cells[i]![j] ?? 0, `${measure} ${r} × ${c}`).toBeCloseTo(expected.get(`${r}|${c}`) ?? 0, 9),
      ),
    );
  }
  const won = (d: number) => book.cut({ rows: 'segment', measure: 'won_arr', days: d }).total!;
  expect(won(days)).not.toBe(won(defaultOutcomeDays)); // the window is really applied
});
