// The Calibrate tab end to end in real Chromium (browser mode) on the demo book: run a backtest of
// the seven-signal preset, check the cards against `ladder calibrate` of the same pack, apply the
// suggested weights and see the draft's held-out AUC move to the suggestion's, undo, drill into a
// decile. Screenshots go to test-artifacts/calibrate-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startApp, type RunningApp } from '../helpers/app-process';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'demo.ladder');
let app: RunningApp;
let browser: Browser;
let page: Page;
let cli: any;

const card = async (id: string, side: 'draft' | 'baseline') =>
  Number(await page.getByTestId(`card-${id}`).getAttribute(`data-${side}`));

/** A screenshot of the window scrolled to one part of the tab (the whole tab is too tall to read at once). */
async function shot(name: string, testId = 'calibrate-view') {
  await page.getByTestId(testId).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  // Two animation frames: the scroll and any chart it brought into view are painted before the shot.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: artifactPath(`calibrate-${name}.png`) });
}

beforeAll(async () => {
  expect(ladder(['demo', '--workspace', workspace, '--end-date', '2026-11-16']).status).toBe(0);
  const run = ladder(['calibrate', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--json']);
  expect(run.status, run.stderr).toBe(0);
  cli = JSON.parse(run.stdout);
  app = await startApp(
    process.execPath,
    [join(repoRoot, 'dist', 'node', 'cli.js'), 'serve', '--workspace', workspace],
    {
      LADDER_DATA_DIR: join(dir.path, 'data'),
    },
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('Calibrate tab', () => {
  it('runs a backtest of the preset; the cards match ladder calibrate', async () => {
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor();
    await page.getByRole('tab', { name: 'Calibrate' }).click();
    await shot('empty');
    await page.getByTestId('calibrate-run').click();
    await page.getByTestId('calibrate-verdict').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('calibrate-verdict').getAttribute('data-verdict')).toBe(cli.verdict);
    await expect.poll(() => card('auc', 'draft')).toBeGreaterThan(0);
    expect(await card('auc', 'draft')).toBeCloseTo(cli.model.auc, 9);
    expect(await card('auc', 'baseline')).toBeCloseTo(cli.model.auc, 9);
    expect(await card('precision', 'draft')).toBeCloseTo(cli.model.readyPrecision, 9);
    expect(await card('lift', 'draft')).toBeCloseTo(cli.model.liftTopDecile, 9);
    await shot('report');
    await shot('charts', 'calibrate-gains');
    await shot('signals', 'suggested-weights');
  });

  it('Apply to draft moves the draft’s AUC to the suggestion’s; Undo brings it back', async () => {
    await page.getByTestId('apply-suggestion').click();
    await expect.poll(() => card('auc', 'draft')).not.toBeCloseTo(cli.model.auc, 6);
    expect(await card('auc', 'draft')).toBeCloseTo(cli.suggested.heldOut.auc, 9);
    expect(await card('auc', 'baseline')).toBeCloseTo(cli.model.auc, 9);
    for (const [id, w] of Object.entries(cli.suggested.weights))
      expect(Number(await page.getByTestId(`weight-${id}`).inputValue()), id).toBe(w);
    await expect.poll(() => page.getByTestId('apply-suggestion').textContent()).toBe('Applied to the draft');
    await shot('applied', 'suggested-weights');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card('auc', 'draft')).toBeCloseTo(cli.model.auc, 9);
  });

  it('a weight drag updates the draft’s AUC; a chart point opens its accounts', async () => {
    await page.getByTestId('weight-headcount_growth').fill('12');
    await expect.poll(() => card('auc', 'draft')).not.toBeCloseTo(cli.model.auc, 6);
    // The edited draft is no longer the pack the run ranked: only the baseline's and the suggestion's tenths list accounts.
    const dots = page.getByTestId('calibrate-gains').locator('[data-mark="gains-point"]');
    await expect.poll(() => dots.count()).toBe(20);
    await dots.nth(2).click();
    await page.getByTestId('calibrate-drill').waitFor();
    await expect
      .poll(async () => Number(await page.getByTestId('drill-total').getAttribute('data-value')))
      .toBeGreaterThan(0);
    await shot('drill', 'calibrate-drill');
    await page.getByTestId('signal-row-headcount_growth').click();
    await page.getByTestId('calibrate-scan').waitFor();
    await shot('scan', 'calibrate-scan');
    // A candidate threshold lists the training accounts the signal would fire for there.
    const candidate = page.getByTestId('calibrate-scan-chart').locator('[data-mark="scan-threshold"]').first();
    const fires = Number(/fires for (\d+)/.exec((await candidate.getAttribute('data-tip')) ?? '')?.[1]);
    await candidate.click();
    await expect.poll(async () => Number(await page.getByTestId('drill-total').getAttribute('data-value'))).toBe(fires);
  });
});
