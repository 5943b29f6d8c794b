// The model store with the real engine and a real backend: loading a preset, same-frame answers
// for weight edits that match the engine, threshold edits through the engine, undo/redo grouping,
// validation issues, saving versions.
import { checkPack } from '#shared/pack/validate';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { editClock, useModelStore } from '../../../renderer/src/store/model-store';
import { connectRendererToDemo, type RendererBackend } from '../../helpers/renderer-backend';
import type { RulePackInput } from '#shared/pack/schema';

let backend: RendererBackend;
// Edit grouping reads this clock, moved by hand: no test depends on how long another one took.
let clock = 0;
const realClock = editClock.now;
beforeAll(async () => {
  editClock.now = () => clock;
  backend = await connectRendererToDemo();
});
afterAll(() => {
  editClock.now = realClock;
  backend?.close();
});

const store = () => useModelStore.getState();
const settle = () => new Promise((r) => setTimeout(r, 20));
async function idle() {
  // Wait until the worker has answered the latest draft.
  for (let i = 0; i < 200; i++) {
    const before = store().engineRevision;
    await settle();
    if (store().engineRevision === before) return;
  }
}
function engineResult(pack: RulePackInput) {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error('invalid');
  return scoreWorkspace(backend.session.workspace!, checked.value).engine.result;
}
const withWeight = (pack: RulePackInput, id: string, weight: number): RulePackInput => ({
  ...pack,
  signals: pack.signals.map((s) => (s.id === id ? { ...s, weight } : s)),
});

describe('model store', () => {
  it('opens a preset with baseline and draft equal to the engine run by the backend', async () => {
    await store().startFromPreset('seven-signal-table');
    await idle();
    expect(store().status).toBe('ready');
    expect(store().accounts).toBe(400);
    const expected = scoreWorkspace(backend.session.workspace!, loadPreset('seven-signal-table')).engine.result;
    expect(store().snapshot!.baseline).toEqual(expected);
    expect(store().snapshot!.draft).toEqual(expected);
  });

  it('answers a weight edit in the same call (before the worker replies), with the engine numbers', async () => {
    const draft = store().draft!;
    store().edit((p) => withWeight(p, 'feature_graduation', 7), 'weight:feature_graduation');
    const immediate = store().snapshot!;
    const expected = engineResult(withWeight(draft, 'feature_graduation', 7));
    expect(immediate.draft).toEqual(expected);
    await idle();
    expect(store().snapshot!.draft).toEqual(expected);
    const moved = immediate.movers.moved.accounts;
    expect(moved).toBeGreaterThan(0);
  });

  it('groups a slider drag into one undo step; undo and redo restore exactly', async () => {
    clock += 10_000; // a new drag, long after the last edit
    const before = store().past.length;
    const start = store().draft!.signals.find((s) => s.id === 'feature_graduation')!.weight;
    for (const w of [7.5, 8, 8.5, 9]) {
      store().edit((p) => withWeight(p, 'feature_graduation', w), 'weight:feature_graduation');
      clock += 100; // one drag: each step well inside the grouping window
    }
    expect(store().past.length).toBe(before + 1);
    await idle();
    store().undo();
    await idle();
    expect(store().draft!.signals.find((s) => s.id === 'feature_graduation')!.weight).toBe(start);
    expect(store().snapshot!.draft).toEqual(engineResult(store().draft!));
    store().redo();
    await idle();
    expect(store().draft!.signals.find((s) => s.id === 'feature_graduation')!.weight).toBe(9);
    // A pause longer than the grouping window starts a new undo step, even on the same slider.
    clock += 1_000;
    store().edit((p) => withWeight(p, 'feature_graduation', 9.5), 'weight:feature_graduation');
    expect(store().past.length).toBe(before + 2);
    await idle();
  });

  it('a threshold edit goes through the engine worker and equals a fresh engine run', async () => {
    const next = {
      ...store().draft!,
      signals: store().draft!.signals.map((s) => (s.id === 'seat_limit' ? { ...s, threshold: 0.6 } : s)),
    };
    store().edit(() => next);
    await idle();
    expect(store().snapshot!.draft).toEqual(engineResult(next));
  });

  it('an invalid draft reports issues and keeps the last valid views', async () => {
    const valid = store().snapshot;
    store().edit((p) => ({
      ...p,
      signals: p.signals.map((s, i) => (i === 0 ? { ...s, metric: 'no_such_metric' } : s)),
    }));
    await idle();
    await settle();
    expect(store().issues).toEqual([{ path: 'signals[0].metric', message: 'Unknown metric "no_such_metric".' }]);
    expect(store().snapshot).toBe(valid);
    store().undo();
    await idle();
    expect(store().issues).toEqual([]);
  });

  it('saves versions: the draft becomes the baseline, and the version can be reopened', async () => {
    expect(await store().save('graduation weighted', 'Store test model')).toBe(true);
    const source = store().source;
    expect(source).toMatchObject({ kind: 'version', modelName: 'Store test model', version: 1 });
    await idle();
    expect(store().snapshot!.baseline).toEqual(store().snapshot!.draft);
    store().edit((p) => withWeight(p, 'power_users', 1));
    expect(await store().save('fewer points for power users')).toBe(true);
    expect(store().source).toMatchObject({ version: 2 });
    if (source?.kind !== 'version') throw new Error('expected a version');
    await store().startFromVersion(source.versionId);
    await idle();
    expect(store().source).toMatchObject({ version: 1 });
    expect(store().draft!.signals.find((s) => s.id === 'power_users')!.weight).toBe(3);
    // And the engine agrees with a fresh run of that version's pack.
    expect(store().snapshot!.draft).toEqual(engineResult(store().draft!));
  });
});
