// The feature build reads account and period rows through an SQL callback (row-callback.ts) and
// falls back to stepping rows with ORDER BY when they arrive out of order. Property: on random,
// messy workspaces (gaps in keys, day / week / month rows, nulls, text in number columns, custom
// JSON, orphan periods, dates that are not canonical ISO text) both paths give the same bytes.
import fc from 'fast-check';
import { join } from 'node:path';
import { addDays, isoToDay } from '#shared/dates';
import { loadAccountColumns, readAccountKeys, type AccountColumns } from '../../electron/backend/features/accounts';
import { loadPeriodChunk, type PeriodChunk, type PeriodInput } from '../../electron/backend/features/periods';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { loadPreset } from '../../electron/backend/packs/presets';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { connect, type Db } from '../../electron/backend/store/sqlite';
import { readRowsByCallback, rowsOutOfOrder } from '../../electron/backend/features/row-callback';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
const chunkBytes = (c: PeriodChunk) => ({
  accounts: c.layout.accounts,
  offsets: bytes(c.layout.offsets),
  periods: bytes(c.layout.periods),
  grain: bytes(c.layout.grain),
  current: c.layout.current,
  asOfDay: c.layout.asOfDay,
  columns: [...c.columns].map(([k, v]) => [k, bytes(v)]),
});
const accountBytes = (a: AccountColumns) => ({
  keys: bytes(a.keys),
  ids: a.ids,
  names: a.names,
  arr: bytes(a.arr),
  segment: bytes(a.segment),
  numeric: [...a.numeric].map(([k, v]) => [k, bytes(v)]),
  categories: [...a.categories].map(([k, v]) => [k, bytes(v.codes), v.dictionary]),
});

const inputs: PeriodInput[] = [
  { id: 'active_users', source: { column: 'active_users' }, fill: 'zero' },
  { id: 'seats_used', source: { column: 'seats_used' }, fill: 'missing' },
  { id: 'custom.logins', source: { customKey: 'logins' }, fill: 'zero' },
  { id: 'custom.Plan Tier', source: { customKey: 'Plan Tier' }, fill: 'missing' },
];

function chunks(db: Db, keys: Int32Array, asOf: string, size: number, path: 'auto' | 'rows' | 'callback') {
  const out = [];
  for (let from = 0; from < keys.length; from += size) {
    const to = Math.min(keys.length, from + size);
    out.push(
      chunkBytes(
        loadPeriodChunk(db, keys, from, to, inputs, { asOf, asOfDay: isoToDay(asOf), defaultGrain: 'week' }, path),
      ),
    );
  }
  return out;
}

const firstDay = '2025-01-01';
const cell = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('n/a', '') },
);
const periodArb = fc.record({
  day: fc.integer({ min: 0, max: 200 }),
  grain: fc.constantFrom('week', 'week', 'day', 'month'),
  users: cell,
  seats: cell,
  logins: cell,
  tier: cell,
  /** Written as '2025-01-06 00:00:00' rather than '2025-01-06': the same day, another text. */
  oddText: fc.boolean(),
});
const accountArb = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  periods: fc.array(periodArb, { maxLength: 10 }),
  segment: fc.constantFrom(null, 'SMB', 'Mid-Market', 'Enterprise'),
  region: fc.constantFrom(null, '', 'EMEA', 'NA'),
  arr: cell,
  renewal: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
});
const caseArb = fc.record({
  accounts: fc.array(accountArb, { minLength: 1, maxLength: 12 }),
  orphans: fc.array(fc.record({ key: fc.integer({ min: 1, max: 60 }), day: fc.integer({ min: 0, max: 200 }) }), {
    maxLength: 3,
  }),
  oddDates: fc.boolean(),
  asOfDay: fc.integer({ min: 0, max: 220 }),
  chunk: fc.integer({ min: 1, max: 5 }),
});

let run = 0;
describe('the callback read of account and period rows', () => {
  it('equals the row-by-row read, bit for bit, on random messy workspaces', async () => {
    let fastPeriods = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ accounts, orphans, oddDates, asOfDay, chunk }) => {
        const ws = await openWorkspace(join(dir.path, `r${run++}.ladder`), { create: true });
        const db = ws.db;
        db.pragma('foreign_keys = OFF'); // orphan periods: rows of an account the table does not have
        const insertAccount = db.prepare(
          'INSERT INTO accounts (key, id, name, segment, region, arr, renewal_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const insertPeriod = db.prepare(
          `INSERT OR REPLACE INTO periods (account_key, period_start, grain, active_users, seats_used, custom)
           VALUES (?, ?, ?, ?, ?, ?)`,
        );
        let key = 0;
        const used = new Set<number>();
        for (const [a, account] of accounts.entries()) {
          key += account.gap;
          used.add(key);
          const renewal = account.renewal === null ? null : addDays(firstDay, account.renewal);
          insertAccount.run(key, `A${a}`, `Account ${a}`, account.segment, account.region, account.arr, renewal);
          for (const p of account.periods) {
            const iso = addDays(firstDay, p.day);
            const custom = JSON.stringify({ logins: p.logins, 'Plan Tier': p.tier });
            insertPeriod.run(key, oddDates && p.oddText ? `${iso} 00:00:00` : iso, p.grain, p.users, p.seats, custom);
          }
        }
        for (const o of orphans)
          if (!used.has(o.key)) insertPeriod.run(o.key, addDays(firstDay, o.day), 'week', 1, 1, null);
        const asOf = addDays(firstDay, asOfDay);

        const rowsAccounts = loadAccountColumns(db, asOf, 'rows');
        expect(accountBytes(loadAccountColumns(db, asOf, 'callback'))).toEqual(accountBytes(rowsAccounts));
        expect(accountBytes(loadAccountColumns(db, asOf, 'auto'))).toEqual(accountBytes(rowsAccounts));

        const keys = rowsAccounts.keys;
        expect(bytes(readAccountKeys(db))).toEqual(bytes(keys));
        const want = chunks(db, keys, asOf, chunk, 'rows');
        expect(chunks(db, keys, asOf, chunk, 'auto')).toEqual(want);
        let fast: ReturnType<typeof chunks> | null = null;
        try {
          fast = chunks(db, keys, asOf, chunk, 'callback');
        } catch (error) {
          // Only two texts naming one day may push the callback path off (the row path then reads).
          expect(oddDates).toBe(true);
          expect(String(error)).toMatch(/did not arrive in key order/);
        }
        if (fast) {
          fastPeriods++;
          expect(fast).toEqual(want);
        }
        db.close();
      }),
      { numRuns: 80 },
    );
    expect(fastPeriods).toBeGreaterThan(40); // the fast path did run, not only its fallback
  });

  it('builds the same feature table through either path on the demo workspace', async () => {
    const path = join(dir.path, 'demo.ladder');
    await writeDemoWorkspace(path, demoDefaults({ accounts: 400, weeks: 20, seed: 3, endDate: '2026-11-16' }));
    const ws = await openWorkspace(path);
    const valid = loadPreset('seven-signal-table');
    const table = (chunkAccounts: number) => {
      const { table } = buildFeatureTable(ws.db, valid, '2026-10-05', chunkAccounts);
      return [...table.columns].map(([k, v]) => [k, bytes(v)]);
    };
    const keys = loadAccountColumns(ws.db, '2026-10-05', 'rows').keys;
    expect(chunks(ws.db, keys, '2026-10-05', 150, 'callback')).toEqual(chunks(ws.db, keys, '2026-10-05', 150, 'rows'));
    expect(table(7)).toEqual(table(50_000));
    ws.db.close();
  });

  it('stops when a handler finds the rows out of order, passes other errors on, and stays out of views', () => {
    const db = connect(':memory:');
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3), (4)');
    const read = (order: 'ASC' | 'DESC', seen: number[]) =>
      readRowsByCallback(
        db,
        // LIMIT keeps the subquery's ORDER BY: the rows come in the order asked for.
        (call) => `SELECT count(${call}(x)) FROM (SELECT x FROM t ORDER BY x ${order} LIMIT 10)`,
        [],
        (row) => {
          if (seen.length > 0 && (row[0] as number) <= seen.at(-1)!) rowsOutOfOrder();
          seen.push(row[0] as number);
        },
      );
    const ascending: number[] = [];
    expect(read('ASC', ascending)).toBe(true);
    expect(ascending).toEqual([1, 2, 3, 4]);
    const descending: number[] = [];
    expect(read('DESC', descending)).toBe(false);
    expect(descending).toEqual([4]);
    const failure = new Error('disk on fire');
    expect(() =>
      readRowsByCallback(
        db,
        (call) => `SELECT count(${call}(x)) FROM t`,
        [],
        () => {
          throw failure;
        },
      ),
    ).toThrow(failure);
    // A view stored in a workspace file cannot reach the callback (directOnly).
    db.exec('CREATE VIEW v AS SELECT ladder_feature_row(x) FROM t');
    expect(() => db.prepare('SELECT * FROM v').all()).toThrow(/unsafe use of ladder_feature_row/);
    db.close();
  });
});
