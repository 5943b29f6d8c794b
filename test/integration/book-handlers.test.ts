// The book API through the real dispatcher and handlers on a real demo workspace, each answer
// checked against an independent computation: SQL over the workspace file for counts, owners and
// outcomes, and a fresh scoring of the workspace at each date for stages. My book is remembered per
// workspace across sessions; the leaderboard's stale Ready, the flow matrix and its accounts, the
// timeline, the whitespace summary and the owner's overview all agree with those.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '#shared/api/dispatch';
import { addDays } from '#shared/dates';
import { accountScores } from '#shared/engine/engine';
import { isSet } from '#shared/missing';
import { handlers } from '../../electron/backend/api/handlers';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../electron/backend/scoring/score-workspace';
import { createSession, switchWorkspace, type Session } from '../../electron/backend/session';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const dataDir = join(dir.path, 'data');
const path = join(dir.path, 'book.ladder');
const other = join(dir.path, 'other.ladder');
const valid = loadPreset('emerging-ready-filters');
const pack = valid.pack;
let session: Session;
let db: Database.Database;

function dispatcherFor(s: Session) {
  const dispatch = createDispatcher(handlers, s, (e) => {
    throw e;
  });
  return async <T>(name: string, args: unknown): Promise<T> => {
    const reply = await dispatch(name, args);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
    return reply.value as T;
  };
}
let call: ReturnType<typeof dispatcherFor>;

/** Each account's stage id and owner as of a date, from a fresh scoring of the workspace. */
function stagesAt(asOf: string): Map<string, { stage: string; owner: string | null; arr: number }> {
  const { engine } = scoreWorkspace(session.workspace!, valid, asOf);
  const stage = accountScores(engine).stage;
  const owners = new Map(
    (
      db.prepare('SELECT id, owner_csm, arr FROM accounts').all() as {
        id: string;
        owner_csm: string | null;
        arr: number;
      }[]
    ).map((r) => [r.id, r]),
  );
  return new Map(
    engine.features.accountIds.map((id, i) => [
      id,
      { stage: engine.model.stages[stage[i]!]!.id, owner: owners.get(id)!.owner_csm, arr: owners.get(id)!.arr },
    ]),
  );
}

const ownersBySize = () =>
  db.prepare('SELECT owner_csm FROM accounts GROUP BY 1 ORDER BY count(*) DESC, 1').pluck().all() as string[];

beforeAll(async () => {
  await writeDemoWorkspace(path, demoDefaults({ accounts: 600, seed: 11, endDate: '2026-11-16' }));
  await writeDemoWorkspace(other, demoDefaults({ accounts: 120, seed: 12, endDate: '2026-11-16' }));
  session = createSession(dataDir);
  await switchWorkspace(session, path);
  call = dispatcherFor(session);
  db = new Database(path, { readonly: true });
});
afterAll(() => {
  db?.close();
  session?.workspace?.db.close();
  dir.cleanup();
});

describe('my book', () => {
  it('is remembered per workspace, in the data folder, across sessions', async () => {
    const [mine] = ownersBySize();
    expect(await call('book.owner', {})).toEqual({ owner: null });
    await call('book.setOwner', { owner: mine });

    // Another workspace keeps its own choice (none yet); coming back finds it again.
    const second = createSession(dataDir);
    await switchWorkspace(second, other);
    const callOther = dispatcherFor(second);
    expect(await callOther('book.owner', {})).toEqual({ owner: null });
    await switchWorkspace(second, path);
    expect(await callOther('book.owner', {})).toEqual({ owner: mine });
    second.workspace!.db.close();

    await call('book.setOwner', { owner: null });
    expect(await call('book.owner', {})).toEqual({ owner: null });
  });

  it('refuses an owner nobody is, and changes nothing', async () => {
    const [mine] = ownersBySize();
    await call('book.setOwner', { owner: mine });
    await expect(call('book.setOwner', { owner: 'Nobody Atall' })).rejects.toThrow(
      /No account is owned by "Nobody Atall"/,
    );
    expect(await call('book.owner', {})).toEqual({ owner: mine });
    await call('book.setOwner', { owner: null });
  });

  it('a damaged preference file means no owner, not a broken app', async () => {
    writeFileSync(join(dataDir, 'book.json'), '{"owners": [1, 2');
    expect(await call('book.owner', {})).toEqual({ owner: null });
    const [mine] = ownersBySize();
    await call('book.setOwner', { owner: mine });
    expect(await call('book.owner', {})).toEqual({ owner: mine });
    await call('book.setOwner', { owner: null });
  });

  it("the overview of one owner's book counts exactly their accounts", async () => {
    const owner = ownersBySize()[1]!;
    const truth = db
      .prepare('SELECT count(*) AS accounts, sum(arr) AS arr FROM accounts WHERE owner_csm = ?')
      .get(owner) as { accounts: number; arr: number };
    const overview = await call<{ accounts: number; arr: number; owner: string }>('workspace.overview', { owner });
    expect(overview).toMatchObject({ accounts: truth.accounts, owner });
    expect(overview.arr).toBeCloseTo(truth.arr, 6);
  });

  it("the whitespace summary is the sum of the engine's whitespace over the owner's accounts", async () => {
    const owner = ownersBySize()[0]!;
    const { engine, asOf } = scoreWorkspace(session.workspace!, valid);
    const ownerOf = new Map(
      (db.prepare('SELECT id, owner_csm FROM accounts').all() as { id: string; owner_csm: string }[]).map((r) => [
        r.id,
        r.owner_csm,
      ]),
    );
    let cents = 0;
    let unknown = 0;
    let accounts = 0;
    engine.features.accountIds.forEach((id, i) => {
      if (ownerOf.get(id) !== owner) return;
      accounts++;
      const w = engine.potential.whitespace[i]!;
      if (isSet(w)) cents += Math.round(w * 100);
      else unknown++;
    });
    expect(cents).toBeGreaterThan(0);
    const summary = await call('book.whitespace', { pack, owner });
    expect(summary).toEqual({ asOf, whitespace: cents / 100, accounts, unknown, source: 'default' });
  });
  it("scored exports of my book hold exactly the owner's accounts (within a given view too)", async () => {
    const owner = ownersBySize()[3]!;
    const theirs = db.prepare('SELECT id FROM accounts WHERE owner_csm = ? ORDER BY id').pluck().all(owner) as string[];
    const ids = (csv: string) =>
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]!)
        .sort();
    const all = await call<{ content: string }>('export.render', { format: 'scored-csv', pack, owner });
    expect(ids(all.content)).toEqual(theirs);
    const view = [...theirs.slice(0, 3), ...(db.prepare('SELECT id FROM accounts LIMIT 5').pluck().all() as string[])];
    const some = await call<{ content: string }>('export.render', {
      format: 'scored-csv',
      pack,
      owner,
      accounts: view,
    });
    expect(ids(some.content)).toEqual([...new Set(view.filter((id) => theirs.includes(id)))].sort());
    await expect(call('export.render', { format: 'scored-csv', pack, owner: 'Nobody Atall' })).rejects.toThrow(
      /No account is owned by "Nobody Atall"/,
    );
  });
});

describe('owner leaderboard', () => {
  it('Ready accounts, Ready ARR and stale Ready per CSM agree with scoring both dates and the outcomes table', async () => {
    const board = await call<{
      asOf: string;
      since: string;
      staleWeeks: number;
      rows: { owner: string; accounts: number; ready: number; readyArr: number; stale: number; newReady: number }[];
    }>('book.leaderboard', { pack, staleWeeks: 6 });
    expect(board.since).toBe(addDays(board.asOf, -42));
    const now = stagesAt(board.asOf);
    const then = stagesAt(board.since);
    const opened = new Set(
      db
        .prepare(
          `SELECT DISTINCT a.id FROM outcomes o JOIN accounts a ON a.key = o.account_key WHERE o.is_expansion = 1
             AND substr(coalesce(o.opened_date, o.close_date), 1, 10) > ?
             AND substr(coalesce(o.opened_date, o.close_date), 1, 10) <= ?`,
        )
        .pluck()
        .all(board.since, board.asOf) as string[],
    );
    const expected = new Map<
      string,
      { accounts: number; ready: number; readyCents: number; stale: number; fresh: number }
    >();
    for (const [id, a] of now) {
      const key = a.owner ?? '(blank)';
      const e = expected.get(key) ?? { accounts: 0, ready: 0, readyCents: 0, stale: 0, fresh: 0 };
      expected.set(key, e);
      e.accounts++;
      if (a.stage !== 'ready') continue;
      e.ready++;
      e.readyCents += Math.round(a.arr * 100);
      if (then.get(id)!.stage !== 'ready') e.fresh++;
      else if (!opened.has(id)) e.stale++;
    }
    expect(board.rows.map((r) => r.owner).sort()).toEqual([...expected.keys()].sort());
    for (const row of board.rows) {
      const e = expected.get(row.owner)!;
      expect({ ...row, readyArr: Math.round(row.readyArr * 100) }).toMatchObject({
        accounts: e.accounts,
        ready: e.ready,
        readyArr: e.readyCents,
        stale: e.stale,
        newReady: e.fresh,
      });
    }
    // Sorted by Ready ARR, and the demo has stale Ready accounts to show.
    expect(board.rows.map((r) => r.readyArr)).toEqual([...board.rows.map((r) => r.readyArr)].sort((a, b) => b - a));
    expect(board.rows.reduce((n, r) => n + r.stale, 0)).toBeGreaterThan(0);
  });
});

describe('the ladder over time', () => {
  const from = '2026-08-24';
  const to = '2026-11-16';

  it('the flow matrix cross-tabulates the stages of the two dates, and a cell lists exactly its accounts', async () => {
    const a = stagesAt(from);
    const b = stagesAt(to);
    const flow = await call<{ stages: { id: string }[]; accounts: number[][]; up: { accounts: number } }>('book.flow', {
      pack,
      from,
      to,
    });
    const ids = flow.stages.map((s) => s.id);
    const truth = ids.map(() => ids.map(() => 0));
    for (const [id, x] of a) truth[ids.indexOf(x.stage)]![ids.indexOf(b.get(id)!.stage)]! += 1;
    expect(flow.accounts).toEqual(truth);
    expect(flow.up.accounts).toBeGreaterThan(0);

    const cell = await call<{ total: number; rows: { id: string; from: string; to: string }[] }>('book.flowAccounts', {
      pack,
      from,
      to,
      fromStage: 'emerging',
      toStage: 'ready',
    });
    const moved = [...a].filter(([id, x]) => x.stage === 'emerging' && b.get(id)!.stage === 'ready').map(([id]) => id);
    expect(cell.total).toBe(moved.length);
    expect(cell.rows.map((r) => r.id).sort()).toEqual(moved.slice(0, 200).sort());
  });

  it("per owner: only the owner's accounts move", async () => {
    const owner = ownersBySize()[2]!;
    const a = stagesAt(from);
    const b = stagesAt(to);
    const flow = await call<{ accounts: number[][]; byOwner: { owner: string; up: number; down: number }[] }>(
      'book.flow',
      {
        pack,
        from,
        to,
        owner,
      },
    );
    const mine = [...a].filter(([, x]) => x.owner === owner);
    expect(flow.accounts.flat().reduce((s, n) => s + n, 0)).toBe(mine.length);
    expect(flow.byOwner.map((o) => o.owner)).toEqual([owner]);
    const moved = mine.filter(([id, x]) => b.get(id)!.stage !== x.stage).length;
    expect(flow.byOwner[0]!.up + flow.byOwner[0]!.down).toBe(moved);
  });

  it('refuses dates in the wrong order', async () => {
    await expect(call('book.flow', { pack, from: to, to: from })).rejects.toThrow(/must be before/);
  });

  it('the timeline counts each stage as scoring the workspace at that date does', async () => {
    const { points } = await call<{
      points: { asOf: string; accounts: number; stages: { id: string; accounts: number }[] }[];
    }>('book.timeline', { pack, weeks: 8 });
    expect(points.length).toBeGreaterThan(3);
    expect(points.at(-1)!.asOf).toBe('2026-11-16');
    for (const point of [points[0]!, points.at(-1)!]) {
      const truth = new Map<string, number>();
      for (const x of stagesAt(point.asOf).values()) truth.set(x.stage, (truth.get(x.stage) ?? 0) + 1);
      expect(Object.fromEntries(point.stages.map((s) => [s.id, s.accounts]))).toEqual(
        Object.fromEntries(point.stages.map((s) => [s.id, truth.get(s.id) ?? 0])),
      );
      expect(point.accounts).toBe(600);
    }
  });

  it('a running timeline can be cancelled, and says so', async () => {
    const running = call('book.timeline', { pack, weeks: 1 });
    await expect.poll(async () => (await call<{ running: boolean }>('book.progress', {})).running).toBe(true);
    expect(await call('book.cancel', {})).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow(/cancelled/);
    expect(await call('book.progress', {})).toEqual({ running: false, done: 0, total: 0 });
  });
});
