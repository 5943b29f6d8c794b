// The calibration methods through the dispatcher: a run with progress and cancel, drill-downs that
// add up to the report's numbers, and validation sets that hold exactly the held-out accounts.
import { join } from 'node:path';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../../electron/backend/session';
import { decodeFeatures } from '#shared/engine/arrow-features';
import type { CalibrationResult } from '#shared/api/calibrate-contract';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let session: Session;
let dispatch: ReturnType<typeof createBackendDispatch>;
let result: CalibrationResult;

const preset = () => loadPreset('seven-signal-table').pack;
const value = <T>(r: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
};

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 1200, seed: 3, endDate: '2026-11-16' }));
  session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, path);
  dispatch = createBackendDispatch(session);
  result = value(await dispatch('calibrate.run', { pack: preset() }));
});
afterAll(() => {
  closeWorkspace(session);
  dir.cleanup();
});

describe('calibration API', () => {
  it('runs a backtest and returns the report', () => {
    expect(result.runId).toBeGreaterThan(0);
    expect(result.report.asOf).toEqual(['2026-08-16']);
    expect(result.validationSets).toBe(1);
  });

  it('reports progress while running, and cancel stops it with code "cancelled"', async () => {
    session.featureChunkAccounts = 100;
    const running = dispatch('calibrate.run', { pack: preset(), every: '4w' });
    const seen: number[] = [];
    for (let i = 0; i < 200 && seen.length < 3; i++) {
      await new Promise((r) => setImmediate(r));
      const p = value<{ running: boolean; accountsDone: number; datesDone: number }>(
        await dispatch('calibrate.progress', {}),
      );
      if (p.running) seen.push(p.datesDone * 10_000 + p.accountsDone);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]!);
    expect(value(await dispatch('calibrate.cancel', {}))).toEqual({ cancelled: true });
    await expect(running).resolves.toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: 'The calibration was cancelled.' },
    });
    expect(value(await dispatch('calibrate.progress', {}))).toMatchObject({ running: false });
    session.featureChunkAccounts = undefined;
    // The last finished run is still there for drill-downs.
    expect(
      value<{ total: number }>(
        await dispatch('calibrate.accounts', {
          runId: result.runId,
          selection: { kind: 'decile', decile: 1, model: 'current' },
        }),
      ).total,
    ).toBeGreaterThan(0);
  });

  it('drill-downs add up to the report: stages, deciles, signals', async () => {
    const { report, runId } = result;
    for (const stage of report.model.stages) {
      const all = value<{ total: number }>(
        await dispatch('calibrate.accounts', { runId, selection: { kind: 'stage', stage: stage.id } }),
      );
      const pos = value<{ total: number; rows: { label: string }[] }>(
        await dispatch('calibrate.accounts', {
          runId,
          selection: { kind: 'stage', stage: stage.id },
          label: 'positive',
        }),
      );
      expect(all.total).toBe(stage.accounts);
      expect(pos.total).toBe(stage.positives);
      expect(pos.rows.every((r) => r.label === 'positive')).toBe(true);
    }
    let total = 0;
    for (let d = 1; d <= 10; d++)
      total += value<{ total: number }>(
        await dispatch('calibrate.accounts', { runId, selection: { kind: 'decile', decile: d, model: 'suggested' } }),
      ).total;
    expect(total).toBe(report.labels.heldOut.positives + report.labels.heldOut.negatives);
    const fired = value<{ total: number; rows: { part: string }[] }>(
      await dispatch('calibrate.accounts', {
        runId,
        selection: { kind: 'signal', signal: 'headcount_growth', fired: true },
        limit: 5,
      }),
    );
    const training = report.labels.training.positives + report.labels.training.negatives;
    expect(fired.total).toBe(Math.round(report.signals.find((s) => s.id === 'headcount_growth')!.fireRate * training));
    expect(fired.rows).toHaveLength(5);
    expect(fired.rows.every((r) => r.part === 'training')).toBe(true);
    // Each candidate of a threshold scan lists the training accounts it fires for, and how many converted.
    for (const c of report.signals.find((s) => s.id === 'headcount_growth')!.scan) {
      const selection = { kind: 'threshold', signal: 'headcount_growth', threshold: c.threshold } as const;
      const at = value<{ total: number }>(await dispatch('calibrate.accounts', { runId, selection }));
      const converted = value<{ total: number }>(
        await dispatch('calibrate.accounts', { runId, selection, label: 'positive' }),
      );
      expect([at.total, converted.total], String(c.threshold)).toEqual([c.fired, c.positives]);
    }
    expect(
      (await dispatch('calibrate.accounts', {
        runId,
        selection: { kind: 'threshold', signal: 'renewal_window', threshold: 30 },
      })) as { ok: boolean },
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bins = report.model.reliability;
    let inBins = 0;
    for (let b = 0; b < bins.length; b++)
      inBins += value<{ total: number }>(
        await dispatch('calibrate.accounts', { runId, selection: { kind: 'reliability', bin: b } }),
      ).total;
    expect(inBins).toBe(report.model.accounts);
    expect(
      await dispatch('calibrate.accounts', { runId: runId + 99, selection: { kind: 'stage', stage: 'ready' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('serves the held-out accounts with their labels, and more columns on request', async () => {
    const bytes = value<Uint8Array>(await dispatch('calibrate.validation', { runId: result.runId, set: 0 }));
    const payload = decodeFeatures(bytes);
    const { heldOut } = result.report.labels;
    expect(payload.accounts).toBe(heldOut.positives + heldOut.negatives);
    const labels = Array.from(payload.columns.get('__label')!);
    expect(labels.filter((y) => y === 1)).toHaveLength(heldOut.positives);
    expect(labels.every((y) => y === 0 || y === 1)).toBe(true);
    const more = {
      ...preset(),
      signals: [...preset().signals, { ...preset().signals[0]!, id: 'extra', metric: 'nps', threshold: 30 }],
    };
    const extra = decodeFeatures(
      value<Uint8Array>(
        await dispatch('calibrate.validationColumns', {
          runId: result.runId,
          set: 0,
          pack: more,
          have: Object.values(payload.signatures!),
        }),
      ),
    );
    expect([...extra.columns.keys()]).toEqual(['nps']);
    expect(extra.accounts).toBe(payload.accounts);
  });
});
