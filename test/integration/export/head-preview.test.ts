// A preview of a features or scored CSV made before the pack's features are computed comes from
// the first accounts only (app-export.ts). For every preset, with and without edits, and as of two
// dates, it equals the first characters of the whole file, bit for bit, and says how many rows the
// whole file has; when the first accounts do not fill the preview, or only some accounts are
// exported (given ids, an owner's book), the whole workspace is scored as before.
import { join } from 'node:path';
import type { RulePack } from '#shared/pack/schema';
import { checkPack, type ValidPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { prepareExport } from '../../../electron/backend/export/app-export';
import { collectText } from '../../../electron/backend/export/export-writer';
import type { ExportJob } from '../../../electron/backend/export/export-jobs';
import { produceExport, renderExport, type ExportRequest } from '../../../electron/backend/export/export-service';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { scoreReady } from '../../../electron/backend/scoring/scored-cache';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const path = join(dir.path, 'demo.ladder');

beforeAll(async () => {
  await writeDemoWorkspace(path, demoDefaults({ accounts: 500, weeks: 30, seed: 9, endDate: '2026-11-16' }));
});
afterAll(() => dir.cleanup());

const job = (): ExportJob => ({
  controller: new AbortController(),
  progress: { phase: 'features', done: 0, total: 0 },
});
const valid = (pack: RulePack): ValidPack => {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
};
const edited = (v: ValidPack) => {
  const pack = structuredClone(v.pack);
  pack.signals[0]!.weight += 2;
  pack.signals.at(-1)!.threshold = 3.5;
  return valid(pack);
};

/** A fresh connection each time: nothing cached, so the head path is the one taken. */
async function preview(v: ValidPack, request: ExportRequest, chars: number, headAccounts: number) {
  const ws = await openWorkspace(path);
  try {
    const output = await prepareExport(ws, v, request, job(), { chars, headAccounts });
    if (output.kind !== 'text') throw new Error('not text');
    return {
      ...(await collectText(output, job(), chars)),
      rows: output.rows,
      head: output.headAccounts,
      cachedAfter: scoreReady(ws, v, request.asOf),
    };
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 0));
    ws.db.close();
  }
}

async function whole(ws: Workspace, v: ValidPack, request: ExportRequest) {
  const output = produceExport(ws, v, request);
  return { text: (await renderExport(output)).toString('utf8'), rows: output.rows };
}

describe('the preview from the first accounts', () => {
  it('equals the first characters of the whole file for every preset, edit, format and date', async () => {
    const ws = await openWorkspace(path);
    for (const { id } of listPresets()) {
      for (const v of [loadPreset(id), edited(loadPreset(id))]) {
        for (const format of ['scored-csv', 'features-csv'] as const) {
          for (const asOf of ['2026-11-16', '2026-08-03']) {
            const request: ExportRequest = { format, asOf };
            const want = await whole(ws, v, request);
            const got = await preview(v, request, 1500, 60);
            expect(got.text, `${id} ${format} ${asOf}`).toBe(want.text.slice(0, 1500));
            expect(got.complete).toBe(false);
            expect(got.rows).toBe(want.rows);
            expect(got.rows).toBe(500);
            expect(got.head).toBe(60); // made from the first 60 accounts
          }
        }
      }
    }
    ws.db.close();
  });

  it('scores the whole workspace when the head would not fill the preview or only some accounts are asked for', async () => {
    const v = loadPreset('seven-signal-table');
    const ws = await openWorkspace(path);
    const full = await whole(ws, v, { format: 'scored-csv' });
    // Five accounts cannot fill 20,000 characters: the whole file is scored, and cached.
    const short = await preview(v, { format: 'scored-csv' }, 20_000, 5);
    expect(short.text).toBe(full.text.slice(0, 20_000));
    expect(short.head).toBeUndefined();
    expect(short.cachedAfter).toBe(true);
    const ids = ['ACC-0000400', 'ACC-0000002'];
    const some = await preview(v, { format: 'scored-csv', accounts: ids }, 100, 1);
    const wantSome = await whole(ws, v, { format: 'scored-csv', accounts: ids });
    expect(some.text).toBe(wantSome.text.slice(0, 100));
    expect(some.rows).toBe(2);
    expect(some.head).toBeUndefined();
    const owner = ws.db.prepare('SELECT owner_csm FROM accounts WHERE key > 300 LIMIT 1').pluck().get() as string;
    const book = await preview(v, { format: 'scored-csv', owner }, 200, 200);
    const wantBook = await whole(ws, v, { format: 'scored-csv', owner });
    expect(book.text).toBe(wantBook.text.slice(0, 200));
    expect(book.rows).toBe(wantBook.rows);
    expect(book.rows).toBeLessThan(500);
    expect(book.head).toBeUndefined();
    ws.db.close();
  });
});
