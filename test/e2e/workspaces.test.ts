// Workspaces end to end in Chromium (browser mode), issue 13 items 1–3: `ladder serve` creates the
// workspace it is asked for and the app creates new ones; the empty state leads to Import or the
// demo; a switch asks before losing a draft and leaves nothing of the old workspace behind; an
// undone import refreshes the overview and the model without a reload.
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { launchChromium } from '../helpers/browser';
import { shootScreens } from '../helpers/screens';
import { startApp, type RunningApp } from '../helpers/app-process';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const fresh = join(dir.path, 'fresh.ladder');
const second = join(dir.path, 'second.ladder');
const bookA = join(dir.path, 'book-a.ladder');
const bookB = join(dir.path, 'book-b.ladder');
const newAccounts = join(dir.path, 'new-accounts.csv');
let app: RunningApp;
let browser: Browser;
let page: Page;
/** How the next window.confirm is answered; the questions asked are kept. */
let answer = true;
const asked: string[] = [];

const formatVersion = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
};

async function openByPath(path: string) {
  await page.locator('.topbar').getByRole('button', { name: 'Open workspace…' }).click();
  await page.getByLabel('Workspace file path').fill(path);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

const workspaceName = () => page.getByTestId('workspace-name').textContent();
const nav = (name: string) => page.getByRole('button', { name, exact: true }).click();

beforeAll(async () => {
  await writeDemoWorkspace(bookA, demoDefaults({ accounts: 300, seed: 3, endDate: '2026-11-16' }));
  await writeDemoWorkspace(bookB, demoDefaults({ accounts: 240, seed: 4, endDate: '2026-11-16' }));
  writeFileSync(
    newAccounts,
    'account_id,name,segment,arr,seats_licensed\nNEW-1,Newco One,SMB,12000,10\nNEW-2,Newco Two,SMB,15000,12\n' +
      'NEW-3,Newco Three,Mid-Market,90000,80\n',
  );
  // The user lets the page use the test's folder (browser mode touches only what the user chose).
  const serve = ['serve', '--workspace', fresh, '--allow', dir.path];
  app = await startApp(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), ...serve], {
    LADDER_DATA_DIR: join(dir.path, 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('dialog', (d: Dialog) => {
    asked.push(d.message());
    void (answer ? d.accept() : d.dismiss());
  });
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('workspaces (issue 13, items 1–3)', () => {
  it('1. serve creates the workspace it is given; New workspace… creates another; the empty state leads to Import', async () => {
    expect(app.output()).toContain(`Created the empty workspace ${fresh}.`);
    expect(formatVersion(fresh)).toBeGreaterThan(0);
    const empty = page.getByTestId('empty-state');
    await expect.poll(() => empty.textContent()).toContain('fresh.ladder has no accounts yet');
    expect(await empty.textContent()).not.toContain('ladder import FILE --workspace W --kind accounts.Import');
    await shootScreens(page, 'workspaces-empty');
    await page.getByTestId('empty-import').click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();

    await page.locator('.topbar').getByRole('button', { name: 'New workspace…' }).click();
    // Proposed where browser mode may always write: a free name in the data folder.
    const path = page.getByLabel('Path of the new workspace file');
    expect(await path.inputValue()).toBe(join(dir.path, 'data', 'workspace.ladder'));
    await path.fill(join(dir.path, 'second'));
    await shootScreens(page, 'workspaces-new-dialog');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(workspaceName).toBe('second.ladder');
    expect(formatVersion(second)).toBeGreaterThan(0);
    await nav('Overview');
    await expect.poll(() => empty.textContent()).toContain('second.ladder has no accounts yet');

    // An existing file is never replaced.
    await page.locator('.topbar').getByRole('button', { name: 'New workspace…' }).click();
    await page.getByLabel('Path of the new workspace file').fill(bookA);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('new-workspace-dialog').getByRole('alert').textContent())
      .toContain('There is already a file called book-a.ladder there');
    await page.getByTestId('new-workspace-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await workspaceName()).toBe('second.ladder');

    // The demo is one click away and opens in its own file.
    await page.getByRole('button', { name: 'Open the demo workspace' }).click();
    await expect.poll(workspaceName, { timeout: 90_000 }).toBe('demo.ladder');
    expect(existsSync(join(dir.path, 'data', 'demo.ladder'))).toBe(true);
    expect(formatVersion(second)).toBeGreaterThan(0);
  }, 120_000);

  it('2. a switch asks before dropping an unsaved draft, then nothing of the old workspace is left', async () => {
    await openByPath(bookA);
    await expect.poll(workspaceName).toBe('book-a.ladder');
    await nav('Model');
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor();
    // Saved as a model of A, then edited: the draft is unsaved work.
    await page.getByRole('button', { name: 'Save version…' }).click();
    await page.getByLabel('Model name').fill('Model of book A');
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('Model of book A · v1');
    await page.getByTestId('weight-feature_graduation').fill('6');
    await page.getByTestId('baseline-ready').click();
    await expect.poll(() => page.locator('.chip').textContent()).toContain('Baseline: Ready');
    // A half-mapped import of A.
    await nav('Import');
    await page.getByTestId('import-file-input').setInputFiles(newAccounts);
    await page.getByTestId('mapping-table').waitFor();

    answer = false;
    await openByPath(bookB);
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('The model “Model of book A · v1” has unsaved changes.');
    expect(asked[0]).toContain('The import of new-accounts.csv has not been committed.');
    expect(await workspaceName()).toBe('book-a.ladder');
    await page.getByTestId('open-workspace-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('mapping-table').waitFor(); // nothing was dropped

    answer = true;
    await openByPath(bookB);
    await expect.poll(workspaceName).toBe('book-b.ladder');
    expect(asked).toHaveLength(2);
    await nav('Import');
    await page.getByTestId('drop-zone').waitFor();
    expect(await page.getByTestId('mapping-table').count()).toBe(0);
    await nav('Model');
    await page.getByTestId('preset-list').waitFor();
    expect(await page.getByText('Model of book A').count()).toBe(0);
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor();
    await expect.poll(() => page.getByTestId('workbench-status').textContent()).toMatch(/^240 accounts/);
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await page.getByTestId('accounts-table').waitFor();
    expect(await page.locator('.chip').count()).toBe(0);
    await expect.poll(() => page.getByText('240 matching').count()).toBe(1);
    // Saving starts a model of B, not version 2 of A's model.
    await page.getByRole('button', { name: 'Save version…' }).click();
    await expect.poll(() => page.getByTestId('save-dialog').locator('h2').textContent()).toBe('Save as a new model');
    await page.getByTestId('save-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Versions' }).click();
    await expect.poll(() => page.getByTestId('versions-dialog').textContent()).toContain('Nothing saved yet');
    expect(await page.getByTestId('versions-dialog').textContent()).not.toContain('no longer exists');
    await page.getByTestId('versions-dialog').getByRole('button', { name: 'Close' }).click();
  }, 90_000);

  it('3. an import and its undo refresh the overview and the model without a reload', async () => {
    await nav('Import');
    await page.getByTestId('import-file-input').setInputFiles(newAccounts);
    await page.getByTestId('mapping-table').waitFor();
    await page.getByTestId('validate').click();
    await page.getByTestId('commit').click();
    await page.getByTestId('import-history').waitFor();
    await nav('Overview');
    await expect.poll(async () => Number(await page.getByTestId('stat-accounts').getAttribute('data-value'))).toBe(243);
    await nav('Model');
    await expect.poll(() => page.getByTestId('workbench-status').textContent()).toMatch(/^243 accounts/);

    await nav('Import');
    await page.getByTestId('import-history').getByRole('button', { name: 'Undo' }).first().click();
    await expect.poll(() => page.getByTestId('import-history').textContent()).toContain('undone');
    await nav('Overview');
    await expect.poll(async () => Number(await page.getByTestId('stat-accounts').getAttribute('data-value'))).toBe(240);
    await nav('Model');
    await expect.poll(() => page.getByTestId('workbench-status').textContent()).toMatch(/^240 accounts/);
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const ready = Number(await page.getByTestId('draft-ready').getAttribute('data-value'));
    const stages = ['not_ready', 'emerging', 'ready'];
    let total = 0;
    for (const s of stages) total += Number(await page.getByTestId(`draft-${s}`).getAttribute('data-value'));
    expect(total).toBe(240);
    expect(ready).toBeGreaterThanOrEqual(0);
  }, 90_000);
});
