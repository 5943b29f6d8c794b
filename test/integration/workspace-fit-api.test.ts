// How models fit the workspace, through the dispatcher, on an imported sparse workspace (accounts
// with a custom field, weekly events): the metric catalogue (custom metrics with source, type, fill
// rule and share), each preset's fit, a pack's diagnostics, and "Start from my columns".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../electron/backend/session';
import type { MetricCatalogue } from '#shared/domain/metric-catalogue';
import { loadFeatures } from '../../electron/backend/features/cache';
import { loadPreset } from '../../electron/backend/packs/presets';
import type { RulePackInput } from '#shared/pack/schema';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
let session: Session;
let dispatch: ReturnType<typeof createBackendDispatch>;

async function call<T>(method: string, args: unknown): Promise<T> {
  const result = await dispatch(method as never, args as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  const path = join(dir.path, 'own.ladder');
  // A CRM export with a numeric custom column ("Adoption Index") and a yes/no one ("Has SSO").
  const accounts = join(dir.path, 'accounts.csv');
  writeFileSync(
    accounts,
    [
      'Account ID,Account Name,ARR,Seats Licensed,Adoption Index,Has SSO',
      'ACME-001,Acme Analytics,120000,40,81,true',
      'BOLT-002,Bolt Logistics,48000,15,42,false',
      'COVE-003,Cove Retail,30000,10,,false',
      'DUNE-004,Dune Health,90000,25,67,true',
    ].join('\n'),
  );
  for (const [file, kind] of [
    [accounts, 'accounts'],
    [join(fixtures, 'sparse-events.csv'), 'events'],
  ] as const) {
    const run = ladder(['import', file, '--workspace', path, '--kind', kind]);
    expect(run.status, run.stderr).toBe(0);
  }
  session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, path);
  dispatch = createBackendDispatch(session);
});
afterAll(() => {
  closeWorkspace(session);
  dir.cleanup();
});

describe('workspace fit API', () => {
  it('workspace.metrics lists canonical and custom metrics with source, type, fill rule and share', async () => {
    const catalogue = await call<MetricCatalogue>('workspace.metrics', {});
    expect(catalogue).toMatchObject({ accounts: 4, sampledAccounts: null, ambiguous: [] });
    const byId = new Map(catalogue.metrics.map((m) => [m.id, m]));
    // Headers keep their spaces in the workspace; expressions write them with underscores.
    expect(byId.get('custom.Has_SSO')).toMatchObject({ source: 'account custom', type: 'bool', accounts: 4 });
    expect(byId.get('custom.Adoption_Index')).toMatchObject({
      source: 'account custom',
      type: 'number',
      accounts: 3,
      share: 0.75,
    });
    expect(byId.get('custom.events')).toMatchObject({
      source: 'period custom',
      type: 'number',
      level: 'period',
      fill: 'zero',
      accounts: 2,
      share: 0.5,
    });
    expect(byId.get('active_users')).toMatchObject({ source: 'period', fill: 'zero', accounts: 2 });
    expect(byId.get('seats_used')).toMatchObject({ fill: 'missing', accounts: 0, share: 0 });
    expect(byId.get('arr')).toMatchObject({ source: 'account', accounts: 4, share: 1 });
  });

  it('packs.fit says per preset which inputs have no data', async () => {
    const fits = await call<{ id: string; missing: string[]; line: string | null }[]>('packs.fit', {});
    const seven = fits.find((f) => f.id === 'seven-signal-table')!;
    expect(seven.missing).toContain('seats_used');
    expect(seven.missing).not.toContain('seats_licensed');
    expect(seven.line).toMatch(/^No data here for 7 of its 8 inputs: /);
  });

  it('packs.diagnose reports blind signals with the banner line', async () => {
    const pack = JSON.parse(
      (await import('node:fs')).readFileSync(join(fixtures, 'misspelt-custom.pack.json'), 'utf8'),
    ) as RulePackInput;
    const diagnosis = await call<{ summary: string | null; diagnostics: { id: string; kind: string }[] }>(
      'packs.diagnose',
      { pack, asOf: '2026-03-30' },
    );
    expect(diagnosis.summary).toBe('1 of 3 signals has no data in this workspace');
    expect(diagnosis.diagnostics).toContainEqual(expect.objectContaining({ id: 'busy_typo', kind: 'unknown_name' }));
  });

  it('concurrent requests for the same feature columns compute them once (the editor and its diagnostics)', async () => {
    const valid = loadPreset('two-signals-window');
    const [a, b] = await Promise.all([
      loadFeatures(session.workspace!, valid, '2026-03-23'),
      loadFeatures(session.workspace!, valid, '2026-03-23'),
    ]);
    for (const [key, column] of a.payload.columns) expect(b.payload.columns.get(key), key).toBe(column);
  });

  it('packs.fromColumns builds a valid model from the fields with data that scores every account', async () => {
    const pack = await call<RulePackInput>('packs.fromColumns', { asOf: '2026-03-30' });
    const metrics = pack.signals.map((s) => s.metric);
    // Canonical and custom fields with data; none of the fields without data.
    expect(metrics).toContain('arr');
    expect(metrics).toContain('seats_licensed');
    expect(metrics).toContain('custom.Adoption_Index');
    expect(pack.metrics?.map((m) => m.expr)).toContain('rolling_sum(custom.events, 4)');
    expect(metrics).not.toContain('seats_used');
    for (const s of pack.signals) expect(s.weight).toBe(1);
    const arr = pack.signals.find((s) => s.metric === 'arr')!;
    // ARR 30k, 48k, 90k, 120k: the 75th percentile is 97,500.
    expect(arr).toMatchObject({ operator: '>', threshold: 97_500 });
    const sso = pack.signals.find((s) => s.metric === 'custom.Has_SSO');
    expect(sso).toMatchObject({ operator: '==', threshold: 1 });
    const stages = pack.ladder.stages;
    expect(stages.map((s) => s.id)).toEqual(['not_ready', 'emerging', 'ready']);
    // It validates and scores: the diagnose call builds features and runs the engine on it.
    const diagnosis = await call<{ accounts: number; summary: string | null }>('packs.diagnose', { pack });
    expect(diagnosis).toMatchObject({ accounts: 4, summary: null });
  });
});
