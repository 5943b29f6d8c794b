// `ladder calibrate` as users script it: the JSON keys it documents, --out writing a valid pack with
// the suggested weights, repeated --as-of, and usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackArgument } from '../../../electron/backend/packs/presets';
import { ladder } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'demo.ladder');
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '1500', '--end-date', '2026-11-16']).status).toBe(0);
});
afterAll(() => dir.cleanup());

describe('ladder calibrate', () => {
  it('--json prints the documented keys; --out writes a valid pack with the suggested weights', () => {
    const out = join(dir.path, 'suggested.json');
    const run = ladder([
      'calibrate',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
      '--json',
      '--out',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      'asOf',
      'horizonDays',
      'split',
      'labels',
      'model',
      'signals',
      'suggested',
      'verdict',
      'warnings',
    ]);
    expect(json.asOf).toEqual(['2026-08-16']);
    expect(json.horizonDays).toBe(90);
    expect(json.split.kind).toBe('holdout');
    for (const k of ['positives', 'negatives', 'excluded']) expect(typeof json.labels[k]).toBe('number');
    for (const k of [
      'auc',
      'aucCi',
      'prAuc',
      'brier',
      'liftTopDecile',
      'captureTopDecile',
      'readyPrecision',
      'readyRecall',
      'stages',
      'reliability',
    ])
      expect(json.model, k).toHaveProperty(k);
    expect(json.model.aucCi).toHaveLength(2);
    expect(json.model.stages.map((s: any) => s.id)).toEqual(['not_ready', 'emerging', 'ready']);
    expect(json.signals).toHaveLength(7);
    for (const s of json.signals)
      for (const k of [
        'id',
        'fireRate',
        'convFired',
        'convNotFired',
        'lift',
        'liftCi',
        'iv',
        'auc',
        'suggestedThreshold',
        'leakage',
      ])
        expect(s, `${s.id}.${k}`).toHaveProperty(k);
    // A signal that never fires has no conversion: null in JSON, not a made-up number.
    expect(json.signals.find((s: any) => s.id === 'renewal_window').convFired).toBeNull();
    expect(Object.keys(json.suggested.weights).sort()).toEqual(json.signals.map((s: any) => s.id).sort());
    for (const w of Object.values(json.suggested.weights)) expect(Number.isInteger(w) && (w as number) >= 0).toBe(true);
    expect(json.suggested.heldOut).toEqual(
      expect.objectContaining({ auc: expect.any(Number), aucCi: expect.any(Array), liftTopDecile: expect.any(Number) }),
    );
    expect(typeof json.suggested.regression.auc).toBe('number');
    expect(['calibrated', 'too-little-signal']).toContain(json.verdict);
    expect(json.warnings[0]).toMatch(/^The (suggested|data)/);

    const written = loadPackArgument(out).pack; // validates
    for (const s of written.signals) expect(s.weight).toBe(json.suggested.weights[s.id]);
    expect(written.validation).toBeUndefined();
    expect(written.meta?.changelog?.at(-1)?.notes).toMatch(/^Weights suggested by calibration on 2026-08-16/);
    expect(readFileSync(out, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('takes repeated --as-of dates and splits by time', () => {
    const run = ladder([
      'calibrate',
      '--workspace',
      workspace,
      '--pack',
      'preset:emerging-ready-filters',
      '--as-of',
      '2026-02-03',
      '--as-of',
      '2026-08-18',
      '--as-of',
      '2026-05-05',
      '--horizon',
      '60',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.asOf).toEqual(['2026-02-03', '2026-05-05', '2026-08-18']);
    expect(json.horizonDays).toBe(60);
    expect(json.split).toEqual({
      kind: 'time',
      train: ['2026-02-03', '2026-05-05'],
      test: ['2026-08-18'],
      gap: [],
      overlap: false,
    });
    // Tuesdays: each date's own week is counted whole, days after it included — said, not hidden.
    expect(json.warnings).toContainEqual(
      expect.stringMatching(/^2026-02-03, 2026-05-05, 2026-08-18 fall inside a calendar week: .* such as 2026-02-01/),
    );
  });

  it('prints a readable summary without --json', () => {
    const run = ladder(['calibrate', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--every', '8w']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Split: by time/);
    expect(run.stdout).toMatch(/Suggested points: seat_limit \d+/);
  });

  it('usage errors exit 2; a bad date or interval exits 1 with one sentence', () => {
    const base = ['calibrate', '--workspace', workspace, '--pack', 'preset:seven-signal-table'];
    expect(ladder([...base, '--as-of', '2026-01-05', '--every', '4w']).status).toBe(2);
    expect(ladder([...base, '--horizon', '0']).status).toBe(2);
    expect(ladder([...base, '--thresholds']).status).toBe(2);
    expect(ladder(['calibrate', '--pack', 'preset:seven-signal-table']).status).toBe(2);
    const badDate = ladder([...base, '--as-of', '2026-02-30']);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr.trim()).toBe('"2026-02-30" is not a date; use YYYY-MM-DD.');
    const badEvery = ladder([...base, '--every', 'fortnightly']);
    expect(badEvery.status).toBe(1);
    expect(badEvery.stderr).toMatch(/is not an interval/);
  });
});
