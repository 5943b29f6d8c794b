// The app's export API on a real workspace: previews stop after their first characters, every
// result names the format it is, saves are atomic and can be cancelled (nothing written, an older
// file left as it was), scoring and golden cases are computed once per pack and data, and a saved
// version exports with its model's name, version, note and changelog.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '#shared/api/client';
import { checkPack } from '#shared/pack/validate';
import type { RulePack } from '#shared/pack/schema';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { grantFolder } from '../../../electron/backend/path-grants';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { derivedOnce, scoreCached } from '../../../electron/backend/scoring/scored-cache';
import { closeWorkspace, createSession, switchWorkspace } from '../../../electron/backend/session';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const session = createSession(join(dir.path, 'data'));
grantFolder(session.grants, dir.path); // as `ladder serve --allow` does: the user chose this folder
const backend = createBackendDispatch(session);
const api = createClient((name, args) => backend(name, JSON.parse(JSON.stringify(args))));
const pack = loadPreset('emerging-ready-filters').pack;

beforeAll(async () => {
  const path = join(dir.path, 'book.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 600, seed: 5, endDate: '2026-11-16' }));
  await switchWorkspace(session, path);
});
afterAll(() => {
  closeWorkspace(session);
  dir.cleanup();
});

const leftovers = () => readdirSync(dir.path).filter((f) => f.includes('.ladder-tmp-'));

describe('export API for the app', () => {
  it('previews scored accounts from the first characters only, and says how many rows the file has', async () => {
    const preview = await api.call('export.render', { format: 'scored-csv', pack, previewChars: 1000 });
    expect(preview).toMatchObject({ format: 'scored-csv', dialect: null, truncated: true, bytes: null, rows: 600 });
    expect(preview.content.length).toBe(1000);
    expect(preview.content.startsWith('account_id,score,stage,')).toBe(true);
    const whole = await api.call('export.render', { format: 'scored-csv', pack });
    expect(whole).toMatchObject({ truncated: false, rows: 600 });
    expect(whole.content.startsWith(preview.content)).toBe(true);
    expect(whole.content.trimEnd().split('\r\n')).toHaveLength(601);
    expect(whole.bytes).toBe(Buffer.byteLength(whole.content));
  });

  it('echoes the format and dialect it rendered, and names the file after them', async () => {
    const sql = await api.call('export.render', { format: 'sql', dialect: 'postgres', pack });
    expect(sql).toMatchObject({ format: 'sql', dialect: 'postgres' });
    expect(sql.fileName).toBe('emerging-ready-with-false-positive-filters.postgres.sql');
    const xlsx = await api.call('export.render', { format: 'scored-xlsx', pack, previewChars: 5000 });
    expect(xlsx).toMatchObject({ format: 'scored-xlsx', encoding: 'base64', content: '', rows: 600 });
  });

  it('limits scored rows to the accounts given, and says so', async () => {
    const all = await api.call('export.render', { format: 'scored-csv', pack });
    const ids = all.content
      .split('\r\n')
      .slice(1, 11)
      .map((line) => line.split(',')[0]!);
    const some = await api.call('export.render', { format: 'scored-csv', pack, accounts: ids });
    expect(some.rows).toBe(10);
    expect(
      some.content
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(ids);
  });

  it('saves atomically and reports what it wrote', async () => {
    const path = join(dir.path, 'scored.csv');
    const saved = await api.call('export.save', { format: 'scored-csv', pack, path, jobId: 'save-1' });
    expect(saved).toMatchObject({ format: 'scored-csv', path, rows: 600 });
    expect(readFileSync(path).length).toBe(saved.bytes);
    expect(leftovers()).toEqual([]);
    expect(await api.call('export.progress', { jobId: 'save-1' })).toMatchObject({ running: false });
  });

  it('a cancelled save writes nothing and leaves an older file untouched', async () => {
    const path = join(dir.path, 'kept.csv');
    writeFileSync(path, 'the previous export\n');
    // A pack whose features are not cached yet, so the save has work left when cancel arrives.
    const other = { ...loadPreset('seven-signal-table').pack, name: 'Other' };
    const saving = api.request('export.save', { format: 'scored-csv', pack: other, path, jobId: 'save-2' });
    expect(await api.call('export.cancel', { jobId: 'save-2' })).toEqual({ cancelled: true });
    const result = await saving;
    expect(result).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'The export was cancelled; nothing was written.' },
    });
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
    expect(existsSync(join(dir.path, 'other.csv'))).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(await api.call('export.cancel', { jobId: 'save-2' })).toEqual({ cancelled: false });
  });

  it('scores once per pack and data, and derives the validation block once per scored workspace', async () => {
    const valid = checkPack(pack);
    if (!valid.ok) throw new Error('invalid preset');
    const ws = session.workspace!;
    const a = await scoreCached(ws, valid.value);
    expect(await scoreCached(ws, valid.value)).toBe(a);
    let computed = 0;
    const block = () => ({ n: ++computed });
    expect(derivedOnce(a, 'test', block)).toBe(derivedOnce(a, 'test', block));
    expect(computed).toBe(1);
    const edited = checkPack({ ...pack, signals: pack.signals.map((s, i) => (i ? s : { ...s, weight: 9 })) });
    if (!edited.ok) throw new Error('invalid edit');
    expect(await scoreCached(ws, edited.value)).not.toBe(a);
  });

  it('exports a saved version with its model name, version number, note and changelog', async () => {
    const v1 = await api.call('models.save', { name: 'Q3 expansion model', pack, note: 'Start from the preset' });
    const v2 = await api.call('models.save', { modelId: v1.modelId, pack: v1.pack, note: 'Seat limit 0.9 → 0.85' });
    expect(v2.pack.name).toBe('Q3 expansion model');
    const version = await api.call('models.version', { versionId: v2.id });
    const rendered = await api.call('export.render', { format: 'pack-json', pack: version.pack, validation: false });
    const exported = JSON.parse(rendered.content) as RulePack;
    expect(exported.name).toBe('Q3 expansion model');
    expect(exported.meta).toMatchObject({ version: '2', notes: 'Seat limit 0.9 → 0.85', created: v2.createdAt });
    expect(exported.meta?.changelog).toEqual([
      { version: '1', date: v1.createdAt, notes: 'Start from the preset' },
      { version: '2', date: v2.createdAt, notes: 'Seat limit 0.9 → 0.85' },
    ]);
    expect(rendered.fileName).toBe('q3-expansion-model.ladder-pack.json');
  });
});
