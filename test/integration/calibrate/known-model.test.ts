// Calibration recovers a model it was given: outcomes drawn from a logistic model with stated
// coefficients give suggested points in the coefficients' order and a held-out AUC within 0.02 of
// the true model's; outcomes that ignore the behaviours give the verdict too-little-signal.
import { join } from 'node:path';
import { aucWithCi } from '#shared/calibrate/roc';
import { groupsOfAccounts } from '#shared/calibrate/groups';
import { checkPack } from '#shared/pack/validate';
import { runCalibration } from '../../../electron/backend/calibrate/run-calibration';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';
import { behaviours, syntheticAsOf, syntheticPack, writeSyntheticWorkspace } from '../../helpers/synthetic-outcomes';

const dir = tempDir();
afterAll(() => dir.cleanup());

// The true model: log-odds −2.4 + 2.0·pricing + 1.2·exec + 0.6·exploratory + 0·invites.
const model = { intercept: -2.4, coefficients: [2.0, 1.2, 0.6, 0], rates: [0.3, 0.35, 0.4, 0.5] };
const valid = () => {
  const checked = checkPack(syntheticPack());
  if (!checked.ok) throw new Error('synthetic pack is invalid');
  return checked.value;
};

describe('a workspace drawn from a known logistic model', () => {
  let ws: Workspace;
  let truth: Map<string, number>;
  beforeAll(async () => {
    const path = join(dir.path, 'known.ladder');
    ({ truth } = await writeSyntheticWorkspace(path, 20_000, model, { seed: 11 }));
    ws = await openWorkspace(path);
  });
  afterAll(() => ws?.db.close());

  it('suggests points in the order of the true coefficients, the zero one flagged for removal', async () => {
    const { report } = await runCalibration(ws, valid(), { asOf: [syntheticAsOf] });
    expect(report.split).toEqual({ kind: 'holdout', share: 0.3, seed: 1 });
    const w = report.suggested.weights;
    expect(w.pricing_page_views).toBeGreaterThan(w.exec_meetings!);
    expect(w.exec_meetings).toBeGreaterThan(w.tickets_exploratory!);
    expect(w.tickets_exploratory).toBeGreaterThan(w.invites_sent!);
    expect(w.invites_sent).toBe(0);
    expect(report.suggested.removal.map((r) => r.id)).toEqual(['invites_sent']);
    // Fitted coefficients land near the true ones (20,000 accounts, 70 % of them for training).
    const fitted = Object.fromEntries(report.suggested.coefficients.map((c) => [c.id, c.coefficient]));
    behaviours.forEach((b, j) => expect(Math.abs(fitted[b]! - model.coefficients[j]!)).toBeLessThan(0.2));
    expect(report.verdict).toBe('calibrated');
  });

  it('the suggestion’s held-out AUC is within 0.02 of the true model’s on the same accounts', async () => {
    const { report, state } = await runCalibration(ws, valid(), { asOf: [syntheticAsOf] });
    const [date] = state.dates;
    const { engine, labels, part } = date!.input;
    const held = part.kind === 'holdout' ? part.heldOut : new Uint8Array();
    const scores: number[] = [];
    const ys: number[] = [];
    engine.features.accountIds.forEach((id, i) => {
      if (held[i] !== 1 || labels.labels[i]! < 0) return;
      scores.push(truth.get(id)!);
      ys.push(labels.labels[i]!);
    });
    const trueAuc = aucWithCi(groupsOfAccounts(scores, ys)).auc;
    expect(report.labels.heldOut.positives + report.labels.heldOut.negatives).toBe(ys.length);
    expect(Math.abs(report.suggested.heldOut.auc - trueAuc)).toBeLessThan(0.02);
    expect(Math.abs(report.suggested.regression.auc - trueAuc)).toBeLessThan(0.02);
    // The pack as given (equal weights) ranks worse than the truth.
    expect(report.suggested.current.auc).toBeLessThan(report.suggested.heldOut.auc);
  });
});

describe('outcomes that ignore the behaviours', () => {
  it('say in one sentence that the data hold too little signal', async () => {
    const path = join(dir.path, 'random.ladder');
    await writeSyntheticWorkspace(path, 4000, model, { seed: 12, random: true });
    const ws = await openWorkspace(path);
    const { report } = await runCalibration(ws, valid(), { asOf: [syntheticAsOf] });
    ws.db.close();
    expect(report.labels.positives).toBeGreaterThan(100); // plenty of positives: the signal is what is missing
    expect(report.verdict).toBe('too-little-signal');
    expect(report.verdictReason).toMatch(
      /^The data hold too little signal to calibrate: .*cannot be told apart from chance\.$/,
    );
    expect(report.suggested.heldOut.aucCi[0]).toBeLessThanOrEqual(0.5);
  });

  it('fewer than 30 positives: too little signal, whatever the AUC', async () => {
    const path = join(dir.path, 'few.ladder');
    await writeSyntheticWorkspace(path, 300, { ...model, intercept: -5 }, { seed: 13 });
    const ws = await openWorkspace(path);
    const { report } = await runCalibration(ws, valid(), { asOf: [syntheticAsOf] });
    ws.db.close();
    expect(report.labels.positives).toBeLessThan(30);
    expect(report.verdict).toBe('too-little-signal');
    expect(report.verdictReason).toMatch(/at least 30 are needed/);
  });
});
