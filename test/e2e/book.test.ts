// The book of business end to end in real Chromium (browser mode) on the demo: the heatmap owner ×
// stage equals `ladder book` cell by cell (and its CSV download is the CLI's file byte for byte); a
// cell opens exactly its accounts; my book (one CSM) carries into the model view, the overview
// and the heatmap, and is remembered after a reload. Screenshots, light and dark, at 1440×900
// and 1024×700, go to test-artifacts/book-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../helpers/browser';
import { contrast } from '../../renderer/src/charts/heat-scale';
import { startApp, type RunningApp } from '../helpers/app-process';
import { ladder } from '../helpers/cli';
import { parseCsv } from '../helpers/sql-engines';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'demo.ladder');
const pack = 'preset:emerging-ready-filters';
const owner = 'Grace Whitfield';
let app: RunningApp;
let browser: Browser;
let page: Page;

function book(args: string[]): string[][] {
  const out = join(dir.path, `book-${Math.random().toString(36).slice(2)}.csv`);
  const run = ladder(['book', '--workspace', workspace, '--pack', pack, ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return parseCsv(readFileSync(out, 'utf8').replace(/\r\n/g, '\n'));
}

/** The heatmap as the page shows it: header, rows of [label, …cells, total], the Total line. */
async function shownTable(): Promise<string[][]> {
  return page.getByTestId('heatmap-table').evaluate((table) => {
    const rows: string[][] = [];
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    rows.push(head);
    for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
      const label = tr.querySelector('th')!.textContent!.trim();
      const values = [...tr.querySelectorAll('td')].map(
        (td) => (td.querySelector('[data-value]') ?? td).getAttribute('data-value') ?? '',
      );
      rows.push([label, ...values]);
    }
    return rows;
  });
}

/**
 * The accounts table's header and first row each sit on one line at this size: every column shown
 * (narrow panels hide some) starts at about the same height; at full width the whitespace is among them.
 */
async function accountsOnOneLine(width: number) {
  const tops = await page
    .getByTestId('accounts-table')
    .evaluate((table) =>
      [table.querySelector('.row.header'), table.querySelector('[data-row]')].map((row) =>
        [...row!.children]
          .filter((c) => getComputedStyle(c).display !== 'none')
          .map((c) => ({ text: c.textContent!.trim(), top: Math.round(c.getBoundingClientRect().top) })),
      ),
    );
  // Within a few pixels (the stage cell centres a second line); a wrapped cell is a whole row lower.
  for (const cells of tops) {
    const ys = cells.map((c) => c.top);
    expect(Math.max(...ys) - Math.min(...ys), JSON.stringify(cells)).toBeLessThan(12);
  }
  // At 1024 wide the model's panel keeps account, ARR, score and stage (the drawer has the rest).
  if (width >= 1440) expect(tops[0]!.map((c) => c.text.replace(/ [▾▴]$/, ''))).toContain('Whitespace');
}

/** Every coloured cell's label, as drawn (opacity included), has WCAG AA contrast on its colour. */
async function labelsReadable() {
  const cells = await page.getByTestId('heatmap-table').evaluate((table) =>
    [...table.querySelectorAll('td')]
      .filter((td) => td.querySelector('.heat-cell') && getComputedStyle(td).backgroundColor !== 'rgba(0, 0, 0, 0)')
      .map((td) => {
        const label = getComputedStyle(td.querySelector('.heat-cell')!);
        return {
          text: td.textContent,
          bg: getComputedStyle(td).backgroundColor,
          fg: label.color,
          opacity: label.opacity,
        };
      }),
  );
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.opacity, c.text!).toBe('1');
    expect(contrast(c.fg, c.bg), JSON.stringify(c)).toBeGreaterThanOrEqual(4.5);
  }
}

async function shot(name: string, check?: (width: number) => Promise<void>) {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      await check?.(w);
      await page.screenshot({ path: artifactPath(`book-${name}-${w}x${h}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  expect(ladder(['demo', '--workspace', workspace, '--end-date', '2026-11-16']).status).toBe(0);
  app = await startApp(
    process.execPath,
    [join(repoRoot, 'dist', 'node', 'cli.js'), 'serve', '--workspace', workspace],
    { LADDER_DATA_DIR: join(dir.path, 'data') },
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

// Every step drives a real browser and the real command on a busy machine.
describe('book of business', { timeout: 300_000 }, () => {
  it('the heatmap owner × stage shows exactly what `ladder book` writes, and downloads the same CSV', async () => {
    await page.getByRole('button', { name: 'Heatmap', exact: true }).click();
    await page.getByTestId('heatmap-table').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByLabel('Rows').inputValue()).toBe('owner_csm');
    const cli = book(['--rows', 'owner_csm', '--cols', 'stage', '--measure', 'arr']);
    const shown = await shownTable();
    expect(shown[0]!.slice(1)).toEqual(cli[0]!.slice(1)); // the corner cell words the axes differently
    expect(shown.slice(1).map((r) => r.map((v, k) => (k === 0 ? v : Number(v))))).toEqual(
      cli.slice(1).map((r) => r.map((v, k) => (k === 0 ? v : Number(v)))),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const file = join(dir.path, 'downloaded.csv');
    await download.saveAs(file);
    const again = join(dir.path, 'again.csv');
    const args = ['--rows', 'owner_csm', '--cols', 'stage', '--measure', 'arr', '--out', again];
    expect(ladder(['book', '--workspace', workspace, '--pack', pack, ...args]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(again, 'utf8'));
    await shot('heatmap', labelsReadable);
  });

  it('another measure and cut follow the controls (whitespace by segment × region)', async () => {
    await page.getByLabel('Rows').selectOption('segment');
    await page.getByLabel('Columns').selectOption('region');
    await page.getByLabel('Measure').selectOption('whitespace');
    const cli = book(['--rows', 'segment', '--cols', 'region', '--measure', 'whitespace']);
    const numbers = (t: string[][]) => t.slice(1).map((r) => r.map((v, k) => (k === 0 ? v : Number(v))));
    await expect.poll(async () => numbers(await shownTable()), { timeout: 60_000 }).toEqual(numbers(cli));
    expect(Number(cli.at(-1)!.at(-1))).toBeGreaterThan(0);
    await page.getByLabel('Rows').selectOption('owner_csm');
    await page.getByLabel('Columns').selectOption('stage');
    await page.getByLabel('Measure').selectOption('arr');
  });

  it('Δ mode, top N and the outcome window: the page equals `ladder book --compare --top --days`', async () => {
    await page.getByLabel('Rows').selectOption('segment');
    await page.getByLabel('Columns').selectOption('owner_csm');
    await page.getByLabel('Measure').selectOption('conversion');
    await page.getByLabel('Top values').selectOption('5');
    await page.getByLabel('Outcome window').selectOption('30');
    await page.getByLabel('Compare with an earlier date').check();
    await page.getByLabel('Comparison date').fill('2026-08-17');
    const args = ['--rows', 'segment', '--cols', 'owner_csm', '--measure', 'conversion', '--top', '5'];
    const cli = book([...args, '--days', '30', '--compare', '2026-08-17']);
    expect(cli[0]!.at(-2)).toMatch(/^Other \(\d+\)$/);
    const numbers = (t: string[][]) => t.slice(1).map((r) => r.map((v, k) => (k === 0 ? v : Number(v))));
    await expect.poll(async () => numbers(await shownTable()), { timeout: 60_000 }).toEqual(numbers(cli));
    expect((await shownTable())[0]!.slice(1)).toEqual(cli[0]!.slice(1));
    expect(
      numbers(cli)
        .flat()
        .some((v) => typeof v === 'number' && v !== 0),
    ).toBe(true);
    await shot('delta', labelsReadable);
    await page.getByLabel('Compare with an earlier date').uncheck();
    await page.getByLabel('Rows').selectOption('owner_csm');
    await page.getByLabel('Columns').selectOption('stage');
    await page.getByLabel('Measure').selectOption('arr');
    await page.getByLabel('Top values').selectOption('15');
    await page.getByTestId('heatmap-table').waitFor();
  });

  it('a cell opens its accounts in the model view: owner × Ready lists exactly that owner’s Ready accounts', async () => {
    const table = await shownTable();
    const row = table.slice(1).findIndex((r) => r[0] === owner);
    const readyCol = table[0]!.indexOf('Ready') - 1;
    const cell = page.getByTestId(`heat-cell-${row}-${readyCol}`);
    const accounts = Number(await cell.getAttribute('data-accounts'));
    expect(accounts).toBeGreaterThan(0);
    await cell.click();
    await page.getByTestId('accounts-table').waitFor();
    await expect.poll(() => page.getByText(`${accounts.toLocaleString('en-US')} matching`).count()).toBe(1);
    await expect(page.getByTestId('field-chip').textContent()).resolves.toContain(owner);
    const owners = await page.locator('[data-row] [role="cell"]:nth-child(3)').allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([owner]));
    const stages = await page.locator('[data-row] [role="cell"]:nth-child(7)').allTextContents();
    expect(new Set(stages)).toEqual(new Set(['Ready']));
    await shot('cell-accounts', accountsOnOneLine);

    // The same filter exports: the scored CSV of "the accounts view as filtered" is that cell.
    const shownIds = (await page
      .locator('[data-row] [role="cell"].name')
      .evaluateAll((cells) => cells.map((c) => /\(([^()]+)\)$/.exec(c.getAttribute('title')!)![1]!))) as string[];
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('export-format').selectOption('scored-csv');
    const rows = page.getByTestId('export-rows');
    await expect.poll(() => rows.textContent()).toContain(`The accounts view as filtered: ${accounts} accounts (`);
    expect(await rows.textContent()).toContain(`Draft: Ready · CSM (owner): ${owner})`);
    await rows.getByLabel(/The accounts view as filtered/).check();
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain(`${accounts} rows`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    const saved = join(dir.path, 'cell-accounts.csv');
    await download.saveAs(saved);
    const csv = parseCsv(readFileSync(saved, 'utf8').replace(/\r\n/g, '\n'));
    const ids = csv.slice(1).map((r) => r[csv[0]!.indexOf('account_id')]!);
    expect(ids).toHaveLength(accounts);
    expect(ids).toEqual(expect.arrayContaining(shownIds));
    expect(new Set(csv.slice(1).map((r) => r[csv[0]!.indexOf('stage')]))).toEqual(new Set(['ready']));
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('my book carries into the model view, the overview and the heatmap, and is remembered', async () => {
    await page.getByTestId('my-book').selectOption(owner);
    const mine = book(['--rows', 'stage', '--measure', 'accounts', '--owner', owner]);
    const expected = Object.fromEntries(mine.slice(1, -1).map((r) => [r[0], Number(r.at(-1))]));
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const stageIds: Record<string, string> = {
      'Health first': 'health_first',
      'Not ready': 'not_ready',
      Emerging: 'emerging',
      Ready: 'ready',
    };
    for (const [label, n] of Object.entries(expected))
      await expect
        .poll(async () => Number(await page.getByTestId(`draft-${stageIds[label]}`).getAttribute('data-value')))
        .toBe(n);
    const inBook = Number(mine.at(-1)!.at(-1));
    await expect
      .poll(async () => Number(await page.getByTestId('accounts-in-scope').getAttribute('data-value')))
      .toBe(inBook);
    await expect(page.getByTestId('workbench-status').textContent()).resolves.toContain(`(${owner}’s book)`);
    await shot('my-book-model');
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await expect(page.getByTestId('my-book-chip').textContent()).resolves.toContain(owner);

    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('stat-accounts').getAttribute('data-value')))
      .toBe(Number(mine.at(-1)!.at(-1)));
    await expect(page.getByTestId('overview-owner').textContent()).resolves.toContain(owner);

    await page.getByRole('button', { name: 'Heatmap', exact: true }).click();
    await expect.poll(async () => (await shownTable()).slice(1, -1).map((r) => r[0])).toEqual([owner]);

    await page.reload();
    await expect.poll(() => page.getByTestId('my-book').inputValue(), { timeout: 60_000 }).toBe(owner);
    await page.getByTestId('my-book').selectOption('');
  });

  it('the owner leaderboard and the ladder over time', async () => {
    await page.getByRole('button', { name: 'Heatmap', exact: true }).click();
    await page.getByRole('tab', { name: 'Owners' }).click();
    const readyCell = page.getByTestId(`ready-${owner}`);
    await readyCell.waitFor({ timeout: 120_000 });
    const ready = book(['--rows', 'owner_csm', '--cols', 'stage', '--measure', 'accounts']);
    const readyIndex = ready[0]!.indexOf('Ready');
    const ownerRow = ready.find((r) => r[0] === owner)!;
    expect(Number((await readyCell.textContent())!.replace(/,/g, ''))).toBe(Number(ownerRow[readyIndex]));
    await shot('owners');

    await page.getByRole('tab', { name: 'Over time' }).click();
    await page.getByTestId('timeline-chart').waitFor({ timeout: 240_000 });
    await page.getByTestId('flow-table').waitFor({ timeout: 120_000 });
    const up = page.locator('[data-testid^="flow-"][data-testid$="-ready"]:not([disabled])').first();
    await up.click();
    await page.getByTestId('flow-accounts').waitFor();
    await shot('history');
  });
});
