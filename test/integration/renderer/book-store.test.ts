// The book store and the engine worker's heatmap with a real backend and the real engine: my book
// narrows the model's answers to one CSM's accounts, the live heatmap equals `ladder book` (the
// backend's computation) before and after a what-if edit and under my book, a workspace switch
// forgets the owner, and a data change that leaves the owner without accounts forgets it too.
import { checkPack } from '#shared/pack/validate';
import type { RulePackInput } from '#shared/pack/schema';
import { accountScores } from '#shared/engine/engine';
import { bookHeatmap } from '../../../electron/backend/book/book-service';
import { scoreWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { engineSession } from '../../../renderer/src/engine/engine-session';
import { useBookStore } from '../../../renderer/src/store/book-store';
import { useModelStore } from '../../../renderer/src/store/model-store';
import { refreshWorkspaceStores, resetWorkspaceStores } from '../../../renderer/src/store/workspace-lifecycle';
import { connectRendererToDemo, type RendererBackend } from '../../helpers/renderer-backend';

let backend: RendererBackend;
beforeAll(async () => {
  backend = await connectRendererToDemo();
});
afterAll(() => backend?.close());

const book = () => useBookStore.getState();
const model = () => useModelStore.getState();
const settle = () => new Promise((r) => setTimeout(r, 20));
async function idle() {
  for (let i = 0; i < 200; i++) {
    const before = model().engineRevision;
    await settle();
    if (model().engineRevision === before) return;
  }
}
const valid = (pack: RulePackInput) => {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error('invalid pack');
  return checked.value;
};
/** Stage counts of one owner's accounts (or all), scoring the workspace in the backend. */
function stageCounts(pack: RulePackInput, owner: string | null): Record<string, number> {
  const { engine } = scoreWorkspace(backend.session.workspace!, valid(pack));
  const owners = engine.features.categories.get('owner_csm')!;
  const stage = accountScores(engine).stage;
  const counts = Object.fromEntries(engine.model.stages.map((s) => [s.id, 0]));
  for (let i = 0; i < stage.length; i++)
    if (owner === null || owners.dictionary[owners.codes[i]!] === owner) counts[engine.model.stages[stage[i]!]!.id]!++;
  return counts;
}
const shownCounts = () => Object.fromEntries(model().snapshot!.draft.stages.map((s) => [s.id, s.accounts]));

async function liveHeatmap(rows: string, cols: string | null, measure: 'arr' | 'whitespace' | 'accounts') {
  await engineSession.loadBookColumns(90, []);
  const reply = await engineSession.client.send({
    op: 'heatmap',
    slot: 'draft',
    request: { spec: { rows, cols, measure, topN: 15 } },
  });
  if (reply.status !== 'ok') throw new Error(`needs ${reply.fields.join(', ')}`);
  return reply.heatmap;
}
const cut = (h: { rows: string[]; cols: string[]; cells: (number | null)[][]; total: number | null }) => ({
  rows: h.rows,
  cols: h.cols,
  cells: h.cells,
  total: h.total,
});

describe('book store', () => {
  it('opens with the owners and fields of the workspace, and no owner', async () => {
    await model().startFromPreset('emerging-ready-filters');
    await idle();
    await book().open(backend.workspacePath);
    expect(book().owner).toBeNull();
    expect(book().owners.length).toBeGreaterThan(3);
    expect(book().fields.map((f) => f.id)).toEqual(expect.arrayContaining(['owner_csm', 'segment', 'stage']));
    expect(shownCounts()).toEqual(stageCounts(model().draft!, null));
  });

  it('the live heatmap equals the backend computation, and follows a weight edit', async () => {
    const draft = model().draft!;
    const expected = bookHeatmap(backend.session.workspace!, valid(draft), {
      rows: 'owner_csm',
      cols: 'stage',
      measure: 'arr',
    });
    expect(cut(await liveHeatmap('owner_csm', 'stage', 'arr'))).toEqual(cut(expected));

    const signal = draft.signals[0]!;
    model().edit((p) => ({ ...p, signals: p.signals.map((s) => (s.id === signal.id ? { ...s, weight: 9 } : s)) }));
    await idle();
    const edited = model().draft!;
    const after = bookHeatmap(backend.session.workspace!, valid(edited), {
      rows: 'owner_csm',
      cols: 'stage',
      measure: 'arr',
    });
    expect(cut(after)).not.toEqual(cut(expected)); // the edit moved accounts between stages
    expect(cut(await liveHeatmap('owner_csm', 'stage', 'arr'))).toEqual(cut(after));
    model().undo();
    await idle();
  });

  it("my book: the model counts only the owner's accounts, and so does the heatmap", async () => {
    const owner = book().owners[1]!;
    await book().setOwner(owner);
    await idle();
    expect(book().owner).toBe(owner);
    expect(shownCounts()).toEqual(stageCounts(model().draft!, owner));
    const expected = bookHeatmap(backend.session.workspace!, valid(model().draft!), {
      rows: 'segment',
      cols: 'stage',
      measure: 'whitespace',
      owner,
    });
    expect(cut(await liveHeatmap('segment', 'stage', 'whitespace'))).toEqual(cut(expected));
  });

  it('a data change that leaves the owner without accounts forgets the owner', async () => {
    const owner = book().owner!;
    const db = backend.session.workspace!.db;
    const keys = db.prepare('SELECT key FROM accounts WHERE owner_csm = ?').pluck().all(owner) as number[];
    db.prepare('UPDATE accounts SET owner_csm = ? WHERE owner_csm = ?').run(book().owners[0]!, owner);
    try {
      await refreshWorkspaceStores();
      await idle();
      expect(book().owner).toBeNull();
      expect(book().owners).not.toContain(owner);
    } finally {
      const restore = db.prepare('UPDATE accounts SET owner_csm = ? WHERE key = ?');
      db.transaction(() => keys.forEach((k) => restore.run(owner, k)))();
    }
  });

  it('another workspace starts without an owner, a cut or a comparison', async () => {
    await book().open(backend.workspacePath);
    await book().setOwner(book().owners[2]!);
    book().setSpec({ rows: 'region', measure: 'accounts' });
    book().setCompare('2026-09-01');
    resetWorkspaceStores();
    expect(book()).toMatchObject({ workspace: null, owner: null, compare: null, spec: { rows: 'owner_csm' } });
  });
});
