// Calibration computes every as-of date's features in one pass over the periods; each date's
// columns must equal what the feature builder computes for that date alone — for every preset,
// in small chunks of accounts, including dates before any period and after the last one.
import { join } from 'node:path';
import { computeFeaturesForDates } from '../../../electron/backend/calibrate/features-by-date';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { buildFeatureTable, loadAccountInputs } from '../../../electron/backend/features/build';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let ws: Workspace;
beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 700, seed: 5, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

it('equals the per-date feature builder for every preset and date', async () => {
  const dates = ['2025-10-01', '2026-01-12', '2026-05-18', '2026-08-18', '2026-11-16', '2027-01-04'];
  for (const { id } of listPresets()) {
    const valid = loadPreset(id);
    const inputs = dates.map((d) => loadAccountInputs(ws.db, d));
    const together = await computeFeaturesForDates(ws.db, valid, dates, inputs, { chunkAccounts: 250 });
    dates.forEach((d, k) => {
      const alone = buildFeatureTable(ws.db, valid, d, 250).table.columns;
      expect([...together[k]!.keys()].sort(), `${id} ${d}`).toEqual([...alone.keys()].sort());
      for (const [key, column] of alone)
        expect(Array.from(together[k]!.get(key)!), `${id} ${d} ${key}`).toEqual(Array.from(column));
    });
  }
});
