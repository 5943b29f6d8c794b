// Plays & alerts end to end in real Chromium (browser mode): the Model view's funnel shows what
// `ladder funnel --json` computes, the alerts preview is `ladder alerts` for the same dates, and the deck
// downloads as a PPTX with the slides the CLI writes. Screenshots go to test-artifacts/act-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import type { PlayFunnel } from '#shared/act/play-funnel';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startApp, type RunningApp } from '../helpers/app-process';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'demo.ladder');
const pack = 'preset:emerging-ready-filters';
const asOf = '2026-06-01';
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '600', '--end-date', asOf]).status).toBe(0);
  app = await startApp(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--workspace', workspace], {
    LADDER_DATA_DIR: join(dir.path, 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await page.getByTestId('preset-emerging-ready-filters').click();
  await page.getByTestId('ladder-table').waitFor();
  await page.getByRole('tab', { name: 'Plays & alerts' }).click();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('plays & alerts', { timeout: 300_000 }, () => {
  it('the funnel by signal shows what ladder funnel computes', async () => {
    const from = '2025-12-01';
    await page.getByLabel('Funnel start').fill(from);
    const cli = JSON.parse(
      ladder(['funnel', '--workspace', workspace, '--pack', pack, '--from', from, '--json']).stdout,
    );
    const shown = () =>
      page
        .getByTestId('funnel-signals')
        .evaluate((table) =>
          [...table.querySelectorAll('tbody tr')].map((tr) => [
            tr.getAttribute('data-row'),
            ...[...tr.querySelectorAll('td')].slice(0, 4).map((td) => Number(td.textContent!.replace(/,/g, ''))),
          ]),
        );
    const expected = (cli as PlayFunnel).signals.map((r) => [
      r.id,
      r.fired.accounts,
      r.played.accounts,
      r.opened.accounts,
      r.won.accounts,
    ]);
    await expect.poll(shown, { timeout: 120_000 }).toEqual(expected);
    await page.screenshot({ path: artifactPath('act-funnel-1440x900.png'), fullPage: true });
  });

  it('the alerts preview is ladder alerts for the same dates, and downloads', async () => {
    const since = '2026-05-04';
    await page.getByLabel('Alerts since').fill(since);
    await page.getByTestId('alerts-preview').click();
    const cli = ladder(['alerts', '--workspace', workspace, '--pack', pack, '--since', since, '--as-of', asOf]);
    expect(cli.status).toBe(0);
    await expect.poll(() => page.getByTestId('alerts-text').textContent(), { timeout: 120_000 }).toBe(cli.stdout);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('alerts-save').click()]);
    const file = join(dir.path, 'downloaded-alerts.txt');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(cli.stdout);
    await page.screenshot({ path: artifactPath('act-alerts-1440x900.png') });
  });

  it('Save slides downloads the deck', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('slides-save').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`model-review-${asOf}.pptx`);
    const file = join(dir.path, 'deck.pptx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const out = join(dir.path, 'cli.pptx');
    const cli = JSON.parse(ladder(['slides', '--workspace', workspace, '--pack', pack, '--out', out, '--json']).stdout);
    expect(slides).toHaveLength(cli.decks[0].slides);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Downloaded model-review-.*slides\)/);
  });

  it('Export → Slides downloads the deck of the chosen preset', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-preset-seven-signal-table').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('export-slides').click(),
    ]);
    const file = join(dir.path, 'export-deck.pptx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain('Seven-signal table');
    await expect.poll(() => page.getByTestId('export-slides-status').textContent()).toMatch(/slides\)\.$/);
  });
});
