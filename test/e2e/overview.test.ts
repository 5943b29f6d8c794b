// `npm start` on a machine without Electron serves browser mode; the overview shows exactly what
// the workspace file holds.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../helpers/browser';
import { shootScreens } from '../helpers/screens';
import { startApp, type RunningApp } from '../helpers/app-process';
import { tempDir } from '../helpers/temp';

describe('npm start (browser mode) → overview', () => {
  const dir = tempDir();
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp('npm', ['start', '--', '--port', '0'], {
      LADDER_DATA_DIR: dir.path,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    dir.cleanup();
  });

  it('explains in one line why it fell back to browser mode', () => {
    expect(app.output()).toMatch(/^Starting Ladder in browser mode, because [^\n]+\.$/m);
  });

  it('shows the account count and total ARR that SQL reads from the workspace file', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(app.url);
    await page.getByTestId('stat-accounts').waitFor();
    const shownAccounts = Number(await page.getByTestId('stat-accounts').getAttribute('data-value'));
    const shownArr = Number(await page.getByTestId('stat-arr').getAttribute('data-value'));

    const db = new Database(join(dir.path, 'demo.ladder'), { readonly: true });
    const truth = db.prepare('SELECT count(*) AS n, sum(arr) AS arr FROM accounts').get() as { n: number; arr: number };
    db.close();

    expect(truth.n).toBeGreaterThanOrEqual(2000);
    expect(shownAccounts).toBe(truth.n);
    expect(shownArr).toBe(truth.arr);
    await expect(page.getByTestId('stat-accounts').textContent()).resolves.toContain(truth.n.toLocaleString('en-US'));
    await expect(page.getByTestId('stat-arr').textContent()).resolves.toContain(
      Math.round(truth.arr).toLocaleString('en-US'),
    );

    // The chart is drawn from the same data: one bar segment per (segment, tier) with accounts.
    const bars = page.getByTestId('arr-by-segment-tier').locator('svg g[aria-label="bar"] rect');
    const db2 = new Database(join(dir.path, 'demo.ladder'), { readonly: true });
    const groups = db2
      .prepare('SELECT count(*) FROM (SELECT DISTINCT segment, tier FROM accounts)')
      .pluck()
      .get() as number;
    db2.close();
    await expect(bars.count()).resolves.toBe(groups);

    await page.screenshot({ path: artifactPath('overview.png'), fullPage: true });
    await shootScreens(page, 'overview');
    await page.close();
  });
});
