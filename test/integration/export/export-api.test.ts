// The export API through the real dispatcher and handlers, on a real workspace: every format
// renders, previews are cut to size, files are saved, pack text is imported with its golden cases
// re-run, and bad input is refused with a sentence — changing nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createDispatcher } from '#shared/api/dispatch';
import { exportFormats } from '#shared/export/formats';
import { handlers } from '../../../electron/backend/api/handlers';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { createSession, switchWorkspace } from '../../../electron/backend/session';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const session = createSession(dir.path);
const dispatch = createDispatcher(handlers, session, (e) => {
  throw e;
});
const pack = loadPreset('emerging-ready-filters').pack;
const call = async (name: string, args: unknown) => dispatch(name, args);

beforeAll(async () => {
  const path = join(dir.path, 'w.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 150, seed: 5, endDate: '2026-06-01' }));
  await switchWorkspace(session, path);
});
afterAll(() => {
  session.workspace?.db.close();
  dir.cleanup();
});

describe('export API', () => {
  it.each(exportFormats)('renders %s', async (format) => {
    const result = await call('export.render', { format, pack, dialect: 'postgres' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { fileName: string; content: string; encoding: string; bytes: number };
    expect(value.fileName.startsWith('emerging-ready-with-false-positive-filters')).toBe(true);
    expect(value.bytes).toBeGreaterThan(100);
    if (format === 'scored-xlsx') {
      expect(value.encoding).toBe('base64');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(value.content, 'base64') as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.rowCount).toBe(151);
    } else if (value.encoding === 'base64') {
      expect(Buffer.from(value.content, 'base64').subarray(0, 4).toString()).toBe('PAR1'); // Parquet's magic number
    } else expect(Buffer.byteLength(value.content)).toBe(value.bytes);
  });

  it('cuts previews to the asked size and says so', async () => {
    const result = await call('export.render', { format: 'scored-csv', pack, previewChars: 500 });
    expect(result).toMatchObject({ ok: true, value: { truncated: true } });
    if (result.ok) expect((result.value as { content: string }).content).toHaveLength(500);
  });

  it('exports only the accounts of the current view when given', async () => {
    const result = await call('export.render', {
      format: 'scored-csv',
      pack,
      accounts: ['ACC-0000007', 'ACC-0000003', 'nobody'],
    });
    if (!result.ok) throw new Error(result.error.message);
    const lines = (result.value as { content: string }).content.trimEnd().split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['account_id', 'ACC-0000003', 'ACC-0000007']);
  });

  it('saves a file where asked', async () => {
    const path = join(dir.path, 'out', '..', 'pack.sql');
    const result = await call('export.save', { format: 'sql', pack, dialect: 'sqlite', path });
    expect(result).toMatchObject({ ok: true, value: { path: join(dir.path, 'pack.sql') } });
    expect(readFileSync(join(dir.path, 'pack.sql'), 'utf8')).toMatch(/compiled for SQLite/);
  });

  it('imports pack text (YAML or JSON) and re-runs its golden cases', async () => {
    const rendered = await call('export.render', { format: 'pack-yaml', pack });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const read = await call('export.readPack', { text: (rendered.value as { content: string }).content });
    expect(read).toMatchObject({ ok: true, value: { format: 'yaml', goldenMismatches: [] } });
    if (read.ok) expect((read.value as { goldenCases: number }).goldenCases).toBeGreaterThan(5);
  });

  it('refuses bad packs, table names and arguments with a sentence, writing nothing', async () => {
    const broken = { ...pack, signals: [{ ...pack.signals[0]!, metric: 'nope' }] };
    await expect(call('export.render', { format: 'sql', pack: broken })).resolves.toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'This is not a valid rule pack: signals[0].metric: Unknown metric "nope".',
      },
    });
    // The workbench words the same invalid pack the same way (one describer), naming the model.
    await expect(call('features.load', { pack: broken })).resolves.toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'The model is not a valid rule pack: signals[0].metric: Unknown metric "nope".',
      },
    });
    await expect(call('export.readPack', { text: 'a: &x 1\nb: *x\n' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: /not valid YAML/ },
    });
    await expect(call('export.render', { format: 'sql', pack, table: 'a b' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: /is not a table name/ },
    });
    await expect(call('export.render', { format: 'pdf', pack })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const path = join(dir.path, 'never.sql');
    await expect(call('export.save', { format: 'sql', pack: broken, path })).resolves.toMatchObject({ ok: false });
    expect(existsSync(path)).toBe(false);
    await expect(call('dialog.saveFile', { defaultName: 'x.sql' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});
