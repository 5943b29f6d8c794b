// The workbench's backend methods through the dispatcher: feature tables as Arrow bytes that
// decode to the engine's features, progress while they are computed, cancel, models and versions,
// account detail.
import { join } from 'node:path';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { loadPreset } from '../../electron/backend/packs/presets';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../electron/backend/session';
import { decodeFeatures } from '#shared/engine/arrow-features';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
let session: Session;
let dispatch: ReturnType<typeof createBackendDispatch>;

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 1200, seed: 3, endDate: '2026-11-16' }));
  session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, path);
  dispatch = createBackendDispatch(session);
});
afterAll(() => {
  closeWorkspace(session);
  dir.cleanup();
});

const preset = () => loadPreset('seven-signal-table').pack;

describe('workbench API', () => {
  it('features.load returns Arrow bytes equal to the feature table the CLI scores', async () => {
    const result = await dispatch('features.load', { pack: preset() });
    if (!result.ok) throw new Error(result.error.message);
    const payload = decodeFeatures(result.value as Uint8Array);
    const expected = buildFeatureTable(session.workspace!.db, loadPreset('seven-signal-table'), '2026-11-16');
    expect(payload.asOf).toBe('2026-11-16');
    expect(payload.base!.ids).toEqual(expected.table.accountIds);
    for (const [key, column] of expected.table.columns)
      expect(Array.from(payload.columns.get(key)!), key).toEqual(Array.from(column));
    // Asking again with those columns in hand sends none of them, and no accounts.
    const again = await dispatch('features.load', {
      pack: preset(),
      have: Object.values(payload.signatures!),
      includeAccounts: false,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(decodeFeatures(again.value as Uint8Array).columns.size).toBe(0);
  });

  it('reports progress while computing, and cancel stops it with code "cancelled"', async () => {
    session.featureChunkAccounts = 100;
    const pack = {
      ...preset(),
      metrics: [...preset().metrics, { id: 'fresh', label: 'Fresh', expr: 'rolling_mean(active_users, 4)' }],
      signals: [...preset().signals, { ...preset().signals[0]!, id: 'fresh_signal', metric: 'fresh' }],
    };
    const loading = dispatch('features.load', { pack, asOf: '2026-10-05' });
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setImmediate(r));
      const p = await dispatch('features.progress', {});
      if (p.ok && (p.value as { loading: boolean }).loading)
        seen.push((p.value as { accountsDone: number }).accountsDone);
      if (seen.length >= 3) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]!);
    await expect(dispatch('features.cancel', {})).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(loading).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await expect(dispatch('features.progress', {})).resolves.toMatchObject({ ok: true, value: { loading: false } });
    session.featureChunkAccounts = undefined;
  });

  it('saves models as numbered versions and reads them back', async () => {
    const first = await dispatch('models.save', { name: 'API model', pack: preset(), note: 'first' });
    expect(first).toMatchObject({ ok: true, value: { version: 1, note: 'first' } });
    const modelId = (first as { ok: true; value: { modelId: number } }).value.modelId;
    expect(
      await dispatch('models.save', { modelId, pack: { ...preset(), name: 'Renamed' }, note: 'second' }),
    ).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await dispatch('models.save', { name: 'API model', pack: preset(), note: 'clash' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await dispatch('models.save', { name: 'Bad', pack: { ...preset(), signals: [] }, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const versions = await dispatch('models.versions', { modelId });
    expect(versions).toMatchObject({
      ok: true,
      value: [
        { version: 2, packName: 'Renamed' },
        { version: 1, packName: 'Seven-signal table' },
      ],
    });
    expect(await dispatch('models.list', {})).toMatchObject({ ok: true, value: [{ name: 'API model', versions: 2 }] });
  });

  it('returns one account with its weekly series up to the as-of date', async () => {
    const detail = await dispatch('accounts.detail', { accountId: 'ACC-0000001', asOf: '2026-06-01' });
    if (!detail.ok) throw new Error(detail.error.message);
    const value = detail.value as { id: string; periods: { period_start: string }[] };
    expect(value.id).toBe('ACC-0000001');
    expect(value.periods.every((p) => p.period_start <= '2026-06-01')).toBe(true);
    expect(value.periods.length).toBeGreaterThan(20);
    expect(await dispatch('accounts.detail', { accountId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
