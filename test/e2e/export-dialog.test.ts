// Browser mode, end to end: the Export view picks a preset, the dialog previews the SQL for the
// chosen dialect and the rule pack with its golden cases, copies to the clipboard and downloads
// the file (browser mode has no native save dialog). Screenshots go to test-artifacts/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compileSql } from '#shared/compile/sql';
import { readPack } from '#shared/pack/document';
import { verifyGoldenCases } from '#shared/pack/golden';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startApp, type RunningApp } from '../helpers/app-process';
import { repoRoot, tempDir } from '../helpers/temp';

describe('export dialog (browser mode)', () => {
  const dir = tempDir();
  const ws = join(dir.path, 'book.ladder');
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await writeDemoWorkspace(ws, demoDefaults({ accounts: 300, seed: 9, endDate: '2026-11-16' }));
    app = await startApp(
      process.execPath,
      [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--workspace', ws, '--port', '0'],
      { LADDER_DATA_DIR: dir.path },
    );
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    dir.cleanup();
  });

  it('previews SQL per dialect, copies it, and downloads the rule pack with golden cases', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-preset-emerging-ready-filters').click();
    await page.screenshot({ path: artifactPath('export-view.png'), fullPage: true });
    await page.getByTestId('export-open-dialog').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();

    // SQL for PostgreSQL: the preview is exactly what the compiler writes.
    await page.getByTestId('export-dialect').selectOption('postgres');
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.textContent()).toContain('compiled for PostgreSQL');
    const expectedSql = compileSql(loadPreset('emerging-ready-filters'), { dialect: 'postgres' });
    expect(await preview.locator('pre').textContent()).toBe(expectedSql);
    await page.screenshot({ path: artifactPath('export-dialog-sql.png') });

    await page.getByTestId('export-copy').click();
    await expect
      .poll(() => page.getByTestId('export-status').textContent())
      .toMatch(/^Copied [\d.]+ KB to the clipboard\.$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedSql);

    // A table name the SQL cannot carry is refused with the backend's sentence.
    await page.getByTestId('export-table').fill('x; drop table y');
    await expect.poll(() => page.getByTestId('export-error').textContent()).toMatch(/is not a table name/);
    await page.getByTestId('export-table').fill('analytics.features');
    await expect.poll(() => preview.textContent()).toContain('FROM "analytics"."features"');

    // The rule pack: meta and validation measured on this workspace; downloaded, it verifies itself.
    await page.getByTestId('export-format').selectOption('pack-json');
    await expect.poll(() => preview.textContent()).toContain('"validation"');
    await page.screenshot({ path: artifactPath('export-dialog-pack.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    expect(download.suggestedFilename()).toBe('emerging-ready-with-false-positive-filters.ladder-pack.json');
    const file = join(dir.path, 'downloaded.json');
    await download.saveAs(file);
    const read = readPack(readFileSync(file, 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.pack.validation!.dataset.accounts).toBe(300);
    expect(verifyGoldenCases(read.value, read.value.pack.validation!.cases)).toEqual([]);

    // Excel: no text preview, a real workbook downloads.
    await page.getByTestId('export-format').selectOption('scored-xlsx');
    await expect
      .poll(() => preview.textContent())
      .toMatch(/^Scored accounts \(Excel\): a binary file of 300 rows, so no text preview/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.scored\.xlsx$/);
  });

  it('opens a pack file, validates it and re-runs its golden cases; refuses a broken one', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const good = join(dir.path, 'downloaded.json');
    await page.getByTestId('export-open-file').setInputFiles(good);
    await expect
      .poll(() => page.getByTestId('export-imported').textContent())
      .toMatch(/downloaded\.json \(JSON\): valid; all \d+ golden cases give the same answers/);
    const broken = join(dir.path, 'broken.yaml');
    writeFileSync(broken, 'schemaVersion: 1\nname: Broken\nsignals: []\n');
    await page.getByTestId('export-open-file').setInputFiles(broken);
    await expect
      .poll(() => page.getByTestId('export-view-error').textContent())
      .toMatch(/^broken\.yaml: This is not a valid rule pack: signals: A pack needs at least one signal/);
    await page.screenshot({ path: artifactPath('export-view-imported.png'), fullPage: true });
  });
});
