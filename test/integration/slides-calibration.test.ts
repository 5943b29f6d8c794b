// The deck's calibration slides: on the demo (it has outcomes) the headline figures, the stage and reliability
// tables and the lift / capture chart's data are the ones `ladder calibrate --json` reports for the same pack
// (the calibration's own default as-of date, the 90-day horizon); without outcomes, or with too few
// conversions, one slide says why and no calibration number or chart appears. Rendered through LibreOffice
// → PDF → pdftoppm into test-artifacts/slides-calibration/ (look at them).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { formatCount } from '#shared/act/format';
import { fixed, interval, pct } from '#shared/calibrate/format';
import { runCalibration } from '../../electron/backend/calibrate/run-calibration';
import { loadPackArgument } from '../../electron/backend/packs/presets';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const pack = 'preset:emerging-ready-filters';
const demo = join(dir.path, 'demo.ladder');
const artifacts = join(repoRoot, 'test-artifacts', 'slides-calibration');
afterAll(() => dir.cleanup());

interface Deck {
  slides: string[][];
  /** Every chart's series: name → values. */
  charts: Map<string, number[]>[];
}

async function readDeck(path: string): Promise<Deck> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const numbered = (re: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => re.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const slides = await Promise.all(
    numbered(/^ppt\/slides\/slide\d+\.xml$/).map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!));
    }),
  );
  const charts = await Promise.all(
    numbered(/^ppt\/charts\/chart\d+\.xml$/).map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      const series = new Map<string, number[]>();
      for (const [ser] of xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)) {
        const name = unescape(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1]!);
        const val = /<c:val>[\s\S]*?<\/c:val>/.exec(ser)![0];
        series.set(
          name,
          [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])),
        );
      }
      return series;
    }),
  );
  return { slides, charts };
}

function writeSlides(workspace: string, out: string) {
  const run = ladder(['slides', '--workspace', workspace, '--pack', pack, '--out', out, '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).decks[0].slides as number;
}

function calibrateJson(workspace: string) {
  const run = ladder(['calibrate', '--workspace', workspace, '--pack', pack, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** The cells after a table's header row (the header's last cell is `lastHead`), in rows of `width`. */
function tableRows(texts: string[], lastHead: string, width: number): string[][] {
  const cells = texts.slice(texts.indexOf(lastHead) + 1);
  return Array.from({ length: Math.floor(cells.length / width) }, (_, i) => cells.slice(i * width, i * width + width));
}

const slideTitled = (deck: Deck, title: string) => deck.slides.find((s) => s[0] === title);

beforeAll(() => {
  expect(ladder(['demo', '--workspace', demo, '--accounts', '500', '--end-date', '2026-06-01']).status).toBe(0);
});

describe('the calibration slides', () => {
  const deckPath = join(dir.path, 'calibrated.pptx');

  it('show the figures `ladder calibrate --json` reports for the same pack and date', async () => {
    const slideCount = writeSlides(demo, deckPath);
    const json = calibrateJson(demo);
    expect(json.labels.positives).toBeGreaterThanOrEqual(30);
    const deck = await readDeck(deckPath);
    expect(deck.slides).toHaveLength(slideCount);

    const lift = slideTitled(deck, 'Calibration: lift and capture by score decile')!;
    expect(lift).toBeDefined();
    expect(lift[1]).toContain(`within ${json.horizonDays} days of`);
    const m = json.model;
    const headline = new Map(tableRows(lift, 'On held-out accounts', 2).map(([k, v]) => [k!, v!]));
    expect(headline.get('ROC AUC')).toBe(`${fixed(m.auc)} (95 % CI ${interval(m.aucCi)})`);
    expect(headline.get('PR AUC')).toBe(fixed(m.prAuc));
    expect(headline.get('Brier score')).toBe(fixed(m.brier));
    expect(headline.get('Top-decile lift')).toBe(`${fixed(m.liftTopDecile, 2)}×`);
    expect(headline.get('Top-decile capture')).toBe(pct(m.captureTopDecile));
    expect(headline.get('Ready precision')).toBe(pct(m.readyPrecision));
    expect(headline.get('Ready recall')).toBe(pct(m.readyRecall));
    expect(headline.get('Labels')).toBe(
      `${formatCount(json.labels.positives)} positive, ${formatCount(json.labels.negatives)} negative, ${formatCount(json.labels.excluded)} excluded`,
    );
    expect(headline.get('Suggested weights')).toBe(
      `AUC ${fixed(json.suggested.heldOut.auc)} (95 % CI ${interval(json.suggested.heldOut.aucCi)})`,
    );
    // The verdict sentence, then the warnings (the demo's snapshot signals may include the outcome).
    const [verdict, ...warnings] = json.warnings as string[];
    expect(lift).toContain(verdict);
    expect(json.verdict).toBe('too-little-signal');
    expect(warnings.some((w) => w.includes('may include the outcome'))).toBe(true);
    for (const w of warnings.slice(0, 3)) expect(lift).toContain(w.length <= 230 ? w : `${w.slice(0, 229)}…`);

    // The chart's data: capture and lift at each tenth of the list, as the calibration computed them.
    const chart = deck.charts.find((c) => c.has('Lift'))!;
    const ws = await openWorkspace(demo);
    try {
      const { report } = await runCalibration(ws, loadPackArgument(pack), {});
      expect(report.asOf).toEqual(json.asOf);
      const deciles = report.model.deciles;
      expect(chart.get('Lift')).toHaveLength(10);
      chart.get('Lift')!.forEach((v, k) => expect(v).toBeCloseTo(deciles[k]!.lift, 9));
      chart.get('Conversions captured')!.forEach((v, k) => expect(v).toBeCloseTo(100 * deciles[k]!.capture, 9));
      expect(chart.get('Lift')![0]).toBeCloseTo(m.liftTopDecile, 9);
    } finally {
      ws.db.close();
    }

    const stages = slideTitled(deck, 'Calibration: conversion by stage')!;
    expect(tableRows(stages, 'Conversion rate', 5)).toEqual(
      [...m.stages]
        .reverse()
        .map((s: Record<string, number | string | null>) => [
          s.label,
          formatCount(s.accounts as number),
          pct(s.shareOfAccounts as number),
          pct(s.shareOfConversions as number),
          pct(s.conversion as number),
        ]),
    );
    const reliability = slideTitled(deck, 'Calibration: reliability')!;
    const rows = tableRows(reliability, 'Observed', 5);
    expect(rows).toHaveLength(m.reliability.length);
    rows.forEach((row, i) => {
      const bin = m.reliability[i];
      expect(row.slice(2)).toEqual([formatCount(bin.accounts), formatCount(bin.positives), pct(bin.observed)]);
    });
    const observed = deck.charts.find((c) => c.has('Observed (held out)'))!;
    observed.get('Observed (held out)')!.forEach((v, i) => expect(v).toBeCloseTo(100 * m.reliability[i].observed, 9));
  });

  it('without outcomes: one slide says why, with no calibration figure or chart, and nothing crashes', async () => {
    const bare = join(dir.path, 'no-outcomes.ladder');
    copyFileSync(demo, bare);
    const db = new Database(bare);
    db.prepare('DELETE FROM outcomes').run();
    db.close();
    const out = join(dir.path, 'no-outcomes.pptx');
    const slideCount = writeSlides(bare, out);
    const deck = await readDeck(out);
    expect(deck.slides).toHaveLength(slideCount);
    expect(deck.slides.filter((s) => s[0]!.startsWith('Calibration'))).toHaveLength(1);
    const why = slideTitled(deck, 'Calibration against outcomes')!;
    expect(why.join(' ')).toContain('holds no outcomes');
    expect(deck.slides.flat()).not.toContain('ROC AUC');
    expect(deck.charts.some((c) => c.has('Lift') || c.has('Observed (held out)'))).toBe(false);
  });

  it('with too few conversions: the slide gives the calibration’s own reason instead of figures', async () => {
    const few = join(dir.path, 'few.ladder');
    copyFileSync(demo, few);
    const db = new Database(few);
    // Keep a dozen won outcomes: fewer than the 30 positives calibration needs.
    db.prepare('DELETE FROM outcomes WHERE rowid NOT IN (SELECT rowid FROM outcomes WHERE won = 1 LIMIT 12)').run();
    db.close();
    const json = calibrateJson(few);
    expect(json.verdict).toBe('too-little-signal');
    expect(json.labels.positives).toBeLessThan(30);
    const out = join(dir.path, 'few.pptx');
    writeSlides(few, out);
    const deck = await readDeck(out);
    const why = slideTitled(deck, 'Calibration against outcomes')!;
    expect(why).toContain(json.warnings[0]);
    expect(deck.slides.flat()).not.toContain('ROC AUC');
    expect(deck.charts.some((c) => c.has('Lift'))).toBe(false);
  });

  it('open in LibreOffice and render to PNGs', () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const profile = join(dir.path, 'lo-profile');
    for (const deck of [deckPath, join(dir.path, 'no-outcomes.pptx')]) {
      const convert = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artifacts, deck],
        { encoding: 'utf8' },
      );
      expect(convert.status, convert.stderr).toBe(0);
    }
    for (const name of ['calibrated', 'no-outcomes']) {
      const pdf = join(artifacts, `${name}.pdf`);
      const render = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(artifacts, name)], { encoding: 'utf8' });
      expect(render.status, render.stderr).toBe(0);
      const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
      const pngs = readdirSync(artifacts).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(10);
      if (pages) expect(pngs).toHaveLength(Number(pages));
    }
  });
});
