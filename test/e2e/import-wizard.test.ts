// Browser mode, end to end: the import wizard takes a Salesforce Account export from the file
// picker through mapping, the validation report and the commit, then undoes it from the history.
// Screenshots of the mapping and validation steps go to test-artifacts/.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startApp, type RunningApp } from '../helpers/app-process';
import { repoRoot, tempDir } from '../helpers/temp';

const sample = join(repoRoot, 'test', 'fixtures', 'samples', 'salesforce-demo', 'Account.csv');

describe('import wizard (browser mode)', () => {
  const dir = tempDir();
  const ws = join(dir.path, 'book.ladder');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const count = (sql: string) => {
    const db = new Database(ws, { readonly: true });
    try {
      return db.prepare(sql).pluck().get() as number;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    (await openWorkspace(ws, { create: true })).db.close();
    app = await startApp(
      process.execPath,
      [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--workspace', ws, '--port', '0'],
      { LADDER_DATA_DIR: dir.path },
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    dir.cleanup();
  });

  it('imports a Salesforce Account export with no manual mapping: pick, map, validate, commit, undo', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-kind').selectOption('accounts');
    // No preset: the headers and their values decide.
    await expect(page.getByTestId('import-preset').inputValue()).resolves.toBe('');
    await page.getByTestId('import-file-input').setInputFiles(sample);

    // Mapping: every suggestion says how sure it is and why; the file is described.
    await page.getByTestId('mapping-table').waitFor();
    await expect(page.getByTestId('source-line').textContent()).resolves.toMatch(
      /Account\.csv · CSV · utf-8 · comma-separated · 2 KB · 18 rows · 17 columns/,
    );
    await expect(page.getByLabel('Field for Id').inputValue()).resolves.toBe('account_id');
    await expect(page.getByLabel('Field for Name').inputValue()).resolves.toBe('name');
    await expect(page.getByLabel('Field for NumberOfEmployees').inputValue()).resolves.toBe('employees');
    await expect(page.getByLabel('Field for AnnualRevenue').inputValue()).resolves.toBe('custom');
    await expect(page.getByLabel('Field for BillingState').inputValue()).resolves.toBe('region');
    await expect(page.getByTestId('mapping-row-0').textContent()).resolves.toContain('90% · header matches');
    await expect(page.getByTestId('mapping-why-0').textContent()).resolves.toBe(
      '"Id" is a usual header for Account ID; 18 distinct values in 18 rows, none blank',
    );
    await page.screenshot({ path: artifactPath('import-mapping.png'), fullPage: true });
    // The mapping can be saved in the format `ladder import --mapping` reads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-mapping').click()]);
    expect(download.suggestedFilename()).toBe('Account.mapping.json');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      kind: string;
      preset: string;
      columns: { source: string; field: string }[];
    };
    expect(saved).toMatchObject({ kind: 'accounts' });
    expect(saved).not.toHaveProperty('preset');
    expect(saved.columns.find((c) => c.source === 'NumberOfEmployees')).toEqual({
      source: 'NumberOfEmployees',
      field: 'employees',
      type: 'integer',
    });

    // Validation: every row checked, nothing written yet.
    await page.getByTestId('validate').click();
    await page.getByTestId('column-report').waitFor();
    await expect(page.getByTestId('v-read').getAttribute('data-value')).resolves.toBe('18');
    await expect(page.getByTestId('v-ok').getAttribute('data-value')).resolves.toBe('18');
    await expect(page.getByTestId('v-rejected').getAttribute('data-value')).resolves.toBe('0');
    expect(count('SELECT count(*) FROM accounts')).toBe(0);
    await page.screenshot({ path: artifactPath('import-validation.png'), fullPage: true });

    // Commit, then the result and the history; the rows are in the workspace file.
    await page.getByTestId('commit').click();
    await page.getByTestId('import-result').waitFor();
    await expect(page.getByTestId('import-result').textContent()).resolves.toMatch(
      /18 rows from Account\.csv into accounts \(18 new, 0 updated\) as import #1/,
    );
    expect(count('SELECT count(*) FROM accounts WHERE import_id = 1')).toBe(18);
    expect(count("SELECT employees FROM accounts WHERE name = 'Edge Communications'")).toBe(1000);
    await page.getByTestId('import-history').getByRole('cell', { name: 'Account.csv' }).waitFor();
    await page.screenshot({ path: artifactPath('import-result.png'), fullPage: true });

    await page.getByTestId('import-history').getByRole('button', { name: 'Undo' }).click();
    await page
      .getByTestId('import-history')
      .getByText(/^undone /)
      .waitFor();
    expect(count('SELECT count(*) FROM accounts')).toBe(0);
    // Undoing the import just made closes its result: the wizard starts again.
    await page.getByTestId('drop-zone').waitFor();
  });

  it('lists bad values with row, column, value and reason, and imports the good rows when told to skip', async () => {
    const file = join(dir.path, 'cs-export.csv');
    writeFileSync(
      file,
      'Account ID,Account Name,ARR,Renewal Date,Health Score\nC1,Acme,"$12,000",16/10/2026,81\nC2,Beta,n/a yet,17/10/2026,70\nC3,Gamma,9000,31/02/2026,55\nC1,Acme again,1,01/01/2027,1\n',
    );
    await page.getByTestId('import-preset').selectOption('cs-platform');
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('mapping-table').waitFor();
    // A saved mapping applies its choices: here, leave the health score out.
    const mapping = join(dir.path, 'cs.mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        kind: 'accounts',
        preset: 'cs-platform',
        columns: { 'Health Score': 'skip' },
        onError: 'abort',
      }),
    );
    await page.getByTestId('mapping-file-input').setInputFiles(mapping);
    await expect.poll(() => page.getByLabel('Field for Health Score').inputValue()).toBe('skip');
    await page.getByTestId('validate').click();
    await page.getByTestId('rejected-table').waitFor();
    await expect(page.getByTestId('v-rejected').getAttribute('data-value')).resolves.toBe('3');
    const rows = await page.getByTestId('rejected-table').locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      '3ARRn/a yetnot a number',
      '4Renewal Date31/02/2026not a date (reading day/month/year)',
      '5Account IDC1duplicate account id: an earlier row of this file has it',
    ]);
    await expect(page.getByTestId('commit').isDisabled()).resolves.toBe(true);
    await page.getByLabel('Skip the bad rows').check();
    await page.screenshot({ path: artifactPath('import-validation-rejects.png'), fullPage: true });
    await page.getByTestId('commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(
      count(
        "SELECT count(*) FROM accounts WHERE id = 'C1' AND arr = 12000 AND renewal_date = '2026-10-16' AND health_score IS NULL",
      ),
    ).toBe(1);
    expect(count('SELECT count(*) FROM accounts')).toBe(1);
  });

  it('shows why a key was passed over, and an outcome-type table where unknown types are classified', async () => {
    const own = join(repoRoot, 'test', 'fixtures', 'own-data');
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-preset').selectOption('');
    await page.getByTestId('import-file-input').setInputFiles(join(own, 'crm-accounts.csv'));
    await page.getByTestId('mapping-table').waitFor();
    await expect(page.getByLabel('Field for External_ID').inputValue()).resolves.toBe('account_id');
    await expect(page.getByTestId('mapping-why-2').textContent()).resolves.toContain(
      'passed over: "Account Health Score" has 9 distinct values in 60 rows',
    );
    await expect(page.getByTestId('mapping-row-2').textContent()).resolves.toContain('80% · id name');
    await page.screenshot({ path: artifactPath('import-mapping-reasons.png'), fullPage: true });

    // The accounts the opportunities belong to, then the opportunities (StageName and Type, no IsWon).
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('import-file-input').setInputFiles(join(own, 'outcome-accounts.csv'));
    await page.getByTestId('mapping-table').waitFor();
    await page.getByTestId('validate').click();
    await page.getByTestId('commit').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-kind').selectOption('outcomes');
    await page.getByTestId('import-file-input').setInputFiles(join(own, 'opportunities-stage-type.csv'));
    await page.getByTestId('mapping-table').waitFor();
    await page.getByTestId('validate').click();
    const types = page.getByTestId('outcome-types');
    await types.waitFor();
    const upgrade = await types.getByRole('row', { name: /Existing Customer - Upgrade/ }).textContent();
    expect(upgrade).toContain('the word lists ("upgrade")');
    await expect(page.getByLabel('Expansion for Existing Customer - Replacement').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('validation-warning').first().textContent()).resolves.toContain(
      '"Existing Customer - Replacement" (2 rows)',
    );
    await page.screenshot({ path: artifactPath('import-outcome-types.png'), fullPage: true });
    // Classify the unknown type: every row is checked again and the warning goes.
    await page.getByLabel('Expansion for Existing Customer - Replacement').selectOption('no');
    await expect
      .poll(() => types.getByRole('row', { name: /Existing Customer - Replacement/ }).textContent())
      .toContain('your choice');
    await expect.poll(() => page.getByTestId('validation-warning').count()).toBe(0);
    await page.getByTestId('commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(
      count("SELECT count(*) FROM outcomes WHERE type = 'Existing Customer - Replacement' AND is_expansion = 0"),
    ).toBe(2);
    expect(count('SELECT count(*) FROM outcomes WHERE won = 1')).toBe(6);
  });

  it('order lines as accounts: the grain stops the import until the rows are rolled up, in the wizard', async () => {
    const own = join(repoRoot, 'test', 'fixtures', 'own-data');
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-kind').selectOption('accounts');
    await page.getByTestId('import-file-input').setInputFiles(join(own, 'order-lines.csv'));
    await page.getByTestId('mapping-table').waitFor();
    await expect(page.getByTestId('mapping-blockers').textContent()).resolves.toContain(
      'this looks like order lines, not one row per account',
    );
    await expect(page.getByTestId('validate').isDisabled()).resolves.toBe(true);
    await page.getByTestId('roll-up').getByRole('checkbox').check();
    await page.getByTestId('mapping-blockers').waitFor({ state: 'detached' });
    await expect(page.getByTestId('mapping-note').first().textContent()).resolves.toContain(
      'rolled up into one account per "Customer ID"',
    );
    await page.screenshot({ path: artifactPath('import-roll-up.png'), fullPage: true });
    await page.getByTestId('validate').click();
    const rolled = page.getByTestId('validation-warning').filter({ hasText: 'rows rolled up into' });
    await expect(rolled.textContent()).resolves.toBe(
      '62 rows rolled up into 12 accounts (one per "Customer ID"): ARR and seats are sums over the 57 active rows; 5 ended rows count for neither (5 by their "Status").',
    );
    await page.getByTestId('commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(count("SELECT count(*) FROM accounts WHERE id LIKE 'CUST-%'")).toBe(12);
    expect(count("SELECT sum(seats_licensed) FROM accounts WHERE id LIKE 'CUST-%'")).toBe(1141);
  });

  it('shows progress while a large import runs, and Cancel leaves the workspace as it was', async () => {
    const big = join(dir.path, 'big-accounts.csv');
    const lines = ['Account ID,Account Name,ARR,Renewal Date,Health Score,Segment,Region'];
    for (let i = 0; i < 600_000; i++)
      lines.push(
        `B${i},Big Company ${i},"${(1000 + i).toLocaleString('en-US')}",2027-0${(i % 9) + 1}-15,${i % 100},SMB,EMEA`,
      );
    writeFileSync(big, `${lines.join('\n')}\n`);
    const imports = count('SELECT count(*) FROM imports');
    const accounts = count('SELECT count(*) FROM accounts');
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-kind').selectOption('accounts');
    await page.getByTestId('import-file-input').setInputFiles(big);
    await page.getByTestId('validate').click({ timeout: 60_000 });
    await page.getByTestId('commit').click({ timeout: 60_000 });
    const panel = page.getByTestId('import-progress');
    await panel.getByText(/ rows\/s/).waitFor({ timeout: 60_000 });
    await expect(panel.textContent()).resolves.toMatch(/Importing….*MB of .*MB · [\d,]+ rows/);
    await page.screenshot({ path: artifactPath('import-progress.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('import-notice').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-notice').textContent()).resolves.toContain(
      'Importing was cancelled; the workspace is unchanged.',
    );
    expect(count('SELECT count(*) FROM accounts')).toBe(accounts);
    expect(count('SELECT count(*) FROM imports')).toBe(imports);
  }, 180_000);
});
