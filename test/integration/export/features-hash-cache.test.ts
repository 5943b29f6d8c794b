// The pack document's featuresSha256 is cached per set of feature sources (pack-document.ts): a
// weight or threshold edit reuses it, and every cached value equals the hash computed afresh — for
// edited packs, packs reading other metrics, and after the workspace's data changed.
import { join } from 'node:path';
import type { RulePack } from '#shared/pack/schema';
import { checkPack, type ValidPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { featuresSha256, validationBlock } from '../../../electron/backend/export/pack-document';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { scoreCached } from '../../../electron/backend/scoring/scored-cache';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let ws: Workspace;

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 600, weeks: 20, seed: 5, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

const valid = (pack: RulePack): ValidPack => {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
};

async function hashes(v: ValidPack) {
  const scored = await scoreCached(ws, v, '2026-11-02');
  const relation = featuresRelation(scored.engine.features, v);
  return {
    cached: validationBlock(ws, v, scored).dataset.featuresSha256,
    fresh: featuresSha256(relation, false),
    again: featuresSha256(relation),
  };
}

describe('the cached features hash', () => {
  it('equals the hash computed afresh for every preset and edits of it', async () => {
    const seen = new Map<string, string>();
    for (const { id } of listPresets()) {
      const base = loadPreset(id);
      const edited = structuredClone(base.pack);
      edited.signals[0]!.weight += 1.5;
      edited.signals.at(-1)!.threshold = 123.25;
      for (const v of [base, valid(edited)]) {
        const h = await hashes(v);
        expect(h.cached).toBe(h.fresh);
        expect(h.again).toBe(h.fresh);
        seen.set(`${id}:${v === base}`, h.fresh);
      }
      // A weight or threshold edit reads the same features: the same hash.
      expect(seen.get(`${id}:false`)).toBe(seen.get(`${id}:true`));
    }
    // Presets reading other metrics hash other relations.
    expect(new Set(seen.values()).size).toBeGreaterThan(1);
  });

  it('follows the data: another workspace state gives the fresh hash of its own features', async () => {
    const v = loadPreset('seven-signal-table');
    const before = await hashes(v);
    ws.db
      .prepare('UPDATE periods SET seats_used = seats_used + 1 WHERE account_key IN (SELECT key FROM accounts LIMIT 5)')
      .run();
    // The data stamp follows imports; a new workspace connection stands for a changed file here.
    ws.db.close();
    ws = await openWorkspace(join(dir.path, 'demo.ladder'));
    const after = await hashes(v);
    expect(after.cached).toBe(after.fresh);
    expect(after.fresh).not.toBe(before.fresh);
  });
});
