// The demo's outcomes follow its planted patterns, so calibration on the demo must recover them:
// true expanders (and growing accounts with an executive sponsor) convert, look-alikes do not; the
// suggested weights beat the seven-signal preset on held-out AUC; and per-signal lift ranks the
// signals the generator made predictive (headcount growth, executive engagement) above those it
// gave to the look-alikes too (seat saturation, feature graduation).
import { join } from 'node:path';
import { positive } from '#shared/calibrate/labels';
import { runCalibration, type CalibrationRun } from '../../../electron/backend/calibrate/run-calibration';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';
import { isSet } from '#shared/missing';

const dir = tempDir();
let ws: Workspace;
let run: CalibrationRun;
let patternOf: Map<string, string>;

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 2000, seed: 20240601, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
  patternOf = new Map(
    ws.db
      .prepare('SELECT a.id, ap.pattern FROM accounts a JOIN account_patterns ap ON ap.account_key = a.key')
      .raw()
      .all() as [string, string][],
  );
  run = await runCalibration(ws, loadPreset('seven-signal-table'), {});
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

const lookalikes = ['single_champion', 'launch_spike', 'admin_only', 'no_buying_path', 'unhappy_high_usage'];

describe('calibration on the demo book', () => {
  it('uses the last date whose 90-day horizon the data cover, with a seeded 30 % hold-out', () => {
    expect(run.report.asOf).toEqual(['2026-08-16']);
    expect(run.report.split).toEqual({ kind: 'holdout', share: 0.3, seed: 1 });
    const { training, heldOut } = run.report.labels;
    expect(training.positives + heldOut.positives).toBe(run.report.labels.positives);
    expect(heldOut.positives + heldOut.negatives).toBeGreaterThan(
      0.25 * (run.report.labels.positives + run.report.labels.negatives),
    );
  });

  it('true expanders convert and look-alikes do not', () => {
    const { engine, labels } = run.state.dates[0]!.input;
    const rate: Record<string, { pos: number; n: number }> = {};
    engine.features.accountIds.forEach((id, i) => {
      if (labels.labels[i]! < 0) return;
      const r = (rate[patternOf.get(id)!] ??= { pos: 0, n: 0 });
      r.n++;
      if (labels.labels[i] === positive) r.pos++;
    });
    const conv = (p: string) => rate[p]!.pos / rate[p]!.n;
    expect(conv('true_expander')).toBeGreaterThan(0.4);
    for (const p of [...lookalikes, 'healthy_narrow']) expect(conv(p), p).toBeLessThan(0.1);
  });

  it('the suggested weights beat the seven-signal preset on held-out AUC', () => {
    const { suggested, verdict } = run.report;
    expect(verdict).toBe('calibrated');
    expect(suggested.heldOut.auc).toBeGreaterThan(suggested.current.auc + 0.01);
    expect(suggested.current.auc).toBe(run.report.model.auc);
  });

  it('per-signal lift ranks the planted predictors above the signals look-alikes share', () => {
    const lift = Object.fromEntries(run.report.signals.map((s) => [s.id, s.lift]));
    const planted = Math.min(lift.headcount_growth!, lift.exec_engagement!);
    const shared = Math.max(lift.seat_limit!, lift.feature_graduation!);
    expect(planted).toBeGreaterThan(shared);
    // And the suggestion agrees: the planted predictors get more points than seat saturation.
    const w = run.report.suggested.weights;
    expect(w.headcount_growth).toBeGreaterThan(w.seat_limit!);
    expect(w.exec_engagement).toBeGreaterThanOrEqual(w.seat_limit!);
  });

  it('flags signals that read the account snapshot as recorded after the outcome', () => {
    const flags = Object.fromEntries(run.report.signals.map((s) => [s.id, s.leakage]));
    expect(flags.seat_limit).toContain('recorded-after-outcome'); // seats_licensed is today's contract
    expect(flags.renewal_window).toContain('recorded-after-outcome');
    expect(flags.exec_engagement).not.toContain('recorded-after-outcome');
    expect(run.report.warnings.some((w) => w.includes('seats_licensed'))).toBe(true);
  });

  it('every 4 weeks: splits by time, with training dates whose horizon ends before the evaluation', async () => {
    const timed = await runCalibration(ws, loadPreset('seven-signal-table'), { every: '4w' });
    const { split } = timed.report;
    if (split.kind !== 'time') throw new Error('expected a time split');
    expect(timed.report.asOf[timed.report.asOf.length - 1]).toBe('2026-08-16');
    expect(split.test.length).toBeGreaterThanOrEqual(1);
    expect(split.train.length).toBeGreaterThanOrEqual(1);
    expect(split.train.every((d) => d < split.test[0]!)).toBe(true);
    expect(timed.report.dates.map((d) => d.part)).toContain('gap');
    expect(timed.report.dates.every((d) => isSet(d.auc) || d.positives === 0)).toBe(true);
    expect(timed.report.model.auc).toBeGreaterThan(0.6);
  });
});
