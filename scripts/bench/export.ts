// Export part: how soon the export dialog's preview appears on a large demo workspace, through the
// same API call the dialog makes (`export.render` with its 64 kB preview). Figures: the first
// preview of a session (features computed for the date, the pack scored), a preview after a weight
// edit (a new pack: features cached, scoring again), a format change on the same pack (its features
// relation), the pack document with its golden cases, and, as the anchor measured in the
// same run on the same data, rendering the whole scored file for a new pack — what a preview cost
// before previews stopped at their first characters. Last, the app's own order: a fresh session
// whose workbench has loaded the model (`features.load`, untimed) before the Export view's first
// preview, which reuses those features.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createClient } from '#shared/api/client';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { closeWorkspace, createSession, switchWorkspace } from '../../electron/backend/session';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 100_000);
const runs = option('runs', 5);
const previewChars = 64 * 1024; // as renderer/src/views/export/ExportDialog.tsx asks
const dir = benchDir('ladder-bench-export-');

try {
  const path = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, endDate: '2026-11-16' }));
  }
  const session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, path);
  const backend = createBackendDispatch(session);
  const api = createClient((name, args) => backend(name, args));
  const base = loadPreset('emerging-ready-filters').pack;
  let edit = 0;
  /** A pack no earlier call has scored: one signal's weight moved, as a drag in the editor does. */
  const freshPack = () => {
    const pack = structuredClone(base);
    pack.signals[0]!.weight = 1 + (++edit % 40) / 4;
    return pack;
  };
  const time = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const preview = (pack: typeof base, format: 'scored-csv' | 'features-csv' | 'pack-json') =>
    api.call('export.render', { format, pack, previewChars });

  const coldMs = await time(() => preview(base, 'scored-csv'));
  log(`first preview in ${round(coldMs, 0)} ms`);
  const afterEdit: number[] = [];
  const formatChange: number[] = [];
  const packDocument: number[] = [];
  const whole: number[] = [];
  let wholeBytes = 0;
  for (let i = 0; i < runs; i++) {
    const pack = freshPack();
    afterEdit.push(await time(() => preview(pack, 'scored-csv')));
    formatChange.push(await time(() => preview(pack, 'features-csv')));
    packDocument.push(await time(() => preview(pack, 'pack-json')));
    const other = freshPack();
    whole.push(
      await time(async () => {
        wholeBytes = (await api.call('export.render', { format: 'scored-csv', pack: other })).bytes ?? 0;
      }),
    );
  }
  closeWorkspace(session);

  const appSession = createSession(join(dir.path, 'data-app'));
  await switchWorkspace(appSession, path);
  const appBackend = createBackendDispatch(appSession);
  const appApi = createClient((name, args) => appBackend(name, args));
  await appApi.call('features.load', { pack: base });
  const afterModelMs = await time(() =>
    appApi.call('export.render', { format: 'scored-csv', pack: base, previewChars }),
  );
  log(`first preview after the workbench loaded the model in ${round(afterModelMs, 0)} ms`);
  closeWorkspace(appSession);

  const previewMs = median(afterEdit);
  const fullRenderMs = median(whole);
  console.log(
    JSON.stringify({
      accounts,
      previewChars,
      firstPreviewMs: round(coldMs),
      firstPreviewAfterModelMs: round(afterModelMs),
      previewMs: round(previewMs),
      formatChangeMs: round(median(formatChange)),
      packPreviewMs: round(median(packDocument)),
      fullRenderMs: round(fullRenderMs),
      fullRenderBytes: wholeBytes,
      ratio: round(previewMs / fullRenderMs, 3),
    }),
  );
} finally {
  dir.cleanup();
}
