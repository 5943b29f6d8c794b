// Exports end to end in Chromium (browser mode), issue 13 items 4–6: Save always produces exactly
// the format and options chosen at the click, even while the preview is still being made; the
// scored export says which rows it covers and lets the user choose all or the filtered view; a
// saved version exports with its name, version, note and changelog, and the Export view lists it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RulePack } from '#shared/pack/schema';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { launchChromium } from '../helpers/browser';
import { shootScreens } from '../helpers/screens';
import { startApp, type RunningApp } from '../helpers/app-process';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const ws = join(dir.path, 'book.ladder');
const accounts = 500;
let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Clicks Save and returns the downloaded file's name and text. */
async function saveDownload(): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
  const path = join(dir.path, `download-${Date.now()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const csvRows = (text: string) => text.trimEnd().split('\r\n').length - 1;

beforeAll(async () => {
  await writeDemoWorkspace(ws, demoDefaults({ accounts, seed: 11, endDate: '2026-11-16' }));
  app = await startApp(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--workspace', ws], {
    LADDER_DATA_DIR: join(dir.path, 'data'),
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await page.getByTestId('preset-emerging-ready-filters').click();
  await page.getByTestId('ladder-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('exports (issue 13, items 4–6)', () => {
  it('4. changing the format and saving at once saves the new format, never the previous preview', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.textContent()).toContain('compiled for DuckDB');
    // No wait between the change and the click: the preview of the new format is not there yet.
    await page.getByTestId('export-format').selectOption('scored-csv');
    const scored = await saveDownload();
    expect(scored.name).toBe('emerging-ready-with-false-positive-filters.scored.csv');
    expect(scored.text.startsWith('account_id,score,stage,')).toBe(true);
    expect(csvRows(scored.text)).toBe(accounts);

    await page.getByTestId('export-format').selectOption('sql');
    await page.getByTestId('export-dialect').selectOption('postgres');
    const sql = await saveDownload();
    expect(sql.name).toBe('emerging-ready-with-false-positive-filters.postgres.sql');
    expect(sql.text).toContain('compiled for PostgreSQL');

    // The preview shows the beginning of the scored file, and how many rows the whole file has.
    await page.getByTestId('export-format').selectOption('scored-csv');
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain(`${accounts} rows`);
    expect(await preview.locator('pre').textContent()).toMatch(/^account_id,score,stage,/);
    await shootScreens(page, 'export-dialog-scored');
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('5. the scored export says which rows it covers; all accounts or the filtered view, as chosen', async () => {
    await page.getByTestId('baseline-ready').click();
    const filtered = Number(
      await page
        .getByText(/^\d+ matching$/)
        .textContent()
        .then((t) => t!.split(' ')[0]),
    );
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(accounts);
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('export-format').selectOption('scored-csv');
    const rows = page.getByTestId('export-rows');
    await expect.poll(() => rows.textContent()).toContain(`All ${accounts} accounts`);
    expect(await rows.textContent()).toContain(`The accounts view as filtered: ${filtered} accounts (Baseline: Ready)`);
    await shootScreens(page, 'export-dialog-rows');
    expect(csvRows((await saveDownload()).text)).toBe(accounts);
    await rows.getByLabel(/The accounts view as filtered/).check();
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain(`${filtered} rows`);
    expect(csvRows((await saveDownload()).text)).toBe(filtered);
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('6. a saved version exports with its name, version, note and changelog; the Export view lists it', async () => {
    await page.getByRole('tab', { name: 'Ladder' }).click();
    await page.getByRole('button', { name: 'Save version…' }).click();
    await page.getByLabel('Model name').fill('Q3 expansion model');
    await page.getByLabel('What changed, and why').fill('First cut from the Emerging / Ready preset');
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('Q3 expansion model · v1');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const models = page.getByTestId('export-models');
    await expect.poll(() => models.textContent()).toContain('Q3 expansion model · v1');
    await shootScreens(page, 'export-view-models');
    await models.getByRole('button').first().click();
    await page.getByTestId('export-open-dialog').click();
    await page.getByTestId('export-format').selectOption('pack-json');
    const file = await saveDownload();
    expect(file.name).toBe('q3-expansion-model.ladder-pack.json');
    const exported = JSON.parse(file.text) as RulePack;
    expect(exported.name).toBe('Q3 expansion model');
    expect(exported.meta).toMatchObject({ version: '1', notes: 'First cut from the Emerging / Ready preset' });
    expect(exported.meta?.changelog).toEqual([
      expect.objectContaining({ version: '1', notes: 'First cut from the Emerging / Ready preset' }),
    ]);
  });
});
