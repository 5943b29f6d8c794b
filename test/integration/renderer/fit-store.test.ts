// How the model fits the data, against a real backend: the badges and the banner show the diagnosis
// of the latest draft, even when an older draft's diagnosis (a slow first feature build) answers
// last; the start panel's preset fits follow the data when another workspace opens.
import { join } from 'node:path';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { switchWorkspace } from '../../../electron/backend/session';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { setApiTransport } from '../../../renderer/src/api';
import { useFitStore } from '../../../renderer/src/store/fit-store';
import { useModelStore } from '../../../renderer/src/store/model-store';
import { connectRendererToDemo, type RendererBackend } from '../../helpers/renderer-backend';
import { tempDir } from '../../helpers/temp';
import type { RulePackInput } from '#shared/pack/schema';

let backend: RendererBackend;
/** Answers of packs.diagnose held back until the test releases them. */
const held: (() => void)[] = [];
let holdNext = false;

beforeAll(async () => {
  backend = await connectRendererToDemo();
  const dispatch = createBackendDispatch(backend.session);
  setApiTransport(async (name, args) => {
    const hold = name === 'packs.diagnose' && holdNext;
    if (hold) holdNext = false;
    const answer = await dispatch(name, JSON.parse(JSON.stringify(args ?? {})));
    if (hold) await new Promise<void>((release) => held.push(release));
    return answer;
  });
});
const dir = tempDir();
afterAll(() => {
  vi.useRealTimers();
  backend?.close();
  dir.cleanup();
});

const fit = () => useFitStore.getState();
const preset = loadPreset('seven-signal-table').pack as RulePackInput;
const misspelt: RulePackInput = {
  ...preset,
  signals: preset.signals.map((s, i) => (i === 0 ? { ...s, metric: 'custom.sets_used' } : s)),
};

/** Runs the store's debounce, then lets the backend answer. */
async function diagnose(pack: RulePackInput) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fit().diagnose(pack);
  vi.runOnlyPendingTimers();
  vi.useRealTimers();
}

describe('the draft diagnostics in the renderer', () => {
  it('an older diagnosis answering after a newer one does not replace it', async () => {
    holdNext = true;
    await diagnose(misspelt);
    await expect.poll(() => held.length).toBe(1);
    await diagnose(preset);
    await expect.poll(() => fit().diagnosedPack).toBe(preset);
    expect(fit().diagnosis!.diagnostics).toEqual([]);

    held.shift()!();
    await new Promise((r) => setTimeout(r, 50));
    expect(fit().diagnosedPack).toBe(preset);
    expect(fit().diagnosis!.summary).toBeNull();
  });

  it('the latest draft with a misspelt name gets its badge', async () => {
    await diagnose(misspelt);
    await expect.poll(() => fit().diagnosedPack).toBe(misspelt);
    expect(fit().diagnosis!.diagnostics).toContainEqual(
      expect.objectContaining({ part: 'signal', id: preset.signals[0]!.id, kind: 'unknown_name' }),
    );
  });
});

describe('the start panel after the data changes', () => {
  it('forgets the preset fits of the previous workspace, and the next load describes the new one', async () => {
    await fit().loadPresetFits();
    expect(fit().presetFits!.find((f) => f.id === 'seven-signal-table')!.line).toBeNull();

    const other = join(dir.path, 'accounts-only.ladder');
    const ws = await openWorkspace(other, { create: true });
    ws.db.prepare("INSERT INTO accounts (key, id, name, arr) VALUES (1, 'A-1', 'Alpha', 1000)").run();
    ws.db.close();
    await switchWorkspace(backend.session, other);
    // What App does when the workspace or its data changes, with no model open.
    await useModelStore.getState().reloadData();
    expect(fit().presetFits).toBeNull();

    await fit().loadPresetFits();
    expect(fit().presetFits!.find((f) => f.id === 'seven-signal-table')!.line).toMatch(
      /^None of its 8 inputs has data here/,
    );
  });
});
