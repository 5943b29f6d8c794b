// The workbench on a user's own sparse data (issue 9) in real Chromium: the start panel says what
// each preset lacks, a preset shows the diagnostics banner and badges, the metric picker lists the
// custom period metric with its fill rule and share, and "Start from my columns" builds a model that
// scores. Screenshots go to test-artifacts/own-data-*.png.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startApp, type RunningApp } from '../helpers/app-process';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
const workspace = join(dir.path, 'own.ladder');
let app: RunningApp;
let browser: Browser;
let page: Page;

async function shot(name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: artifactPath(`own-data-${name}.png`) });
}

beforeAll(async () => {
  for (const [file, kind] of [
    ['sparse-accounts.csv', 'accounts'],
    ['sparse-events.csv', 'events'],
  ] as const) {
    const run = ladder(['import', join(fixtures, file), '--workspace', workspace, '--kind', kind]);
    expect(run.status, run.stderr).toBe(0);
  }
  app = await startApp(
    process.execPath,
    [join(repoRoot, 'dist', 'node', 'cli.js'), 'serve', '--workspace', workspace],
    { LADDER_DATA_DIR: join(dir.path, 'data') },
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('the workbench on sparse own data', () => {
  it('the start panel says per preset what this workspace lacks', async () => {
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    const fit = page.getByTestId('preset-fit-seven-signal-table');
    await expect.poll(() => fit.textContent()).toMatch(/^No data here for 7 of its 8 inputs: seats_used, /);
    await shot('start-panel');
  });

  it('a preset shows the banner "N of 7 signals have no data" and a badge on each blind signal', async () => {
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor();
    const banner = page.getByTestId('diagnostics-banner');
    await expect.poll(() => banner.textContent()).toContain('7 of 7 signals have no data in this workspace');
    const badge = page.getByTestId('diagnostic-signal-seat_limit');
    expect(await badge.textContent()).toBe('No data');
    expect(await badge.getAttribute('title')).toBe('No data in this workspace: seats_used has no values.');
    await shot('diagnostics-banner');
  });

  it('the metric picker lists the custom period metric with its source, fill rule and share', async () => {
    await page
      .getByRole('button', { name: /^Metric of / })
      .first()
      .click();
    await page.getByRole('searchbox', { name: 'Search metrics' }).fill('events');
    const option = page.getByRole('option', { name: /^events/ });
    await option.waitFor();
    const text = await option.textContent();
    expect(text).toContain('Custom (per period)');
    expect(text).toContain('empty period = 0');
    expect(text).toContain('50 % of accounts'); // ACME and BOLT of four accounts have event rows
    await shot('metric-picker');
    await page.keyboard.press('Escape');
  });

  it('"Start from my columns" builds a model from the fields with data, and it scores', async () => {
    await page.getByRole('button', { name: 'Start from…' }).click();
    await page.getByTestId('start-from-columns').click();
    await page.getByTestId('ladder-table').waitFor();
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('From my columns');
    await page.getByTestId('signal-custom_events_4p').waitFor();
    const total = async () => {
      let sum = 0;
      for (const s of ['not_ready', 'emerging', 'ready'])
        sum += Number(
          (await page
            .getByTestId(`draft-${s}`)
            .getAttribute('data-value')
            .catch(() => '0')) ?? 0,
        );
      return sum;
    };
    await expect.poll(total).toBe(4);
    await shot('from-columns');
  });
});
