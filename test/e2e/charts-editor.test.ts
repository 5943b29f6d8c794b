// Charts and the editor end to end in Chromium (browser mode), issue 13 items 7–14, on the demo
// book with the Emerging / Ready preset (segment overrides 2 / 3 / 5, a health gate, four filters).
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { launchChromium } from '../helpers/browser';
import { shootScreens } from '../helpers/screens';
import { startApp, type RunningApp } from '../helpers/app-process';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const ws = join(dir.path, 'book.ladder');
let app: RunningApp;
let browser: Browser;
let page: Page;

const value = async (l: Locator) => Number(await l.getAttribute('data-value'));
const matching = async () =>
  Number((await page.getByText(/^[\d,]+ matching$/).textContent())!.split(' ')[0]!.replace(/,/g, ''));
const tab = (name: string) => page.getByRole('tab', { name, exact: true });
const box = async (l: Locator) => (await l.boundingBox())!;
const overlap = (a: { x: number; width: number; y: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function openPreset() {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await page.getByTestId('preset-emerging-ready-filters').click();
  await page.getByTestId('ladder-table').waitFor();
}

beforeAll(async () => {
  await writeDemoWorkspace(ws, demoDefaults({ accounts: 800, seed: 17, endDate: '2026-11-16' }));
  app = await startApp(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--workspace', ws], {
    LADDER_DATA_DIR: join(dir.path, 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('dialog', (d) => void d.accept());
  await openPreset();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  dir.cleanup();
});

describe('charts and the editor (issue 13, items 7–14)', () => {
  it('7. every ladder bar opens its accounts (the datum read through Plot, facets and all)', async () => {
    for (const [label, stage, side] of [
      ['Ready · Draft', 'ready', 'draft'],
      ['Emerging · Baseline', 'emerging', 'baseline'],
    ] as const) {
      await tab('Ladder').click();
      const expected = await value(page.getByTestId(`${side}-${stage}`));
      await page.locator(`[data-mark="ladder-bar"][aria-label^="${label},"]`).click();
      await page.getByTestId('accounts-table').waitFor();
      await expect.poll(matching).toBe(expected);
      if (side === 'baseline') expect(await page.locator('.chip').textContent()).toContain('Baseline: Emerging');
      else expect(await page.getByRole('combobox', { name: 'Draft stage' }).inputValue()).toBe('ready');
      await page.getByRole('button', { name: 'Clear all' }).click();
    }
  });

  it('8. every funnel step lists exactly as many accounts as it counts', async () => {
    await tab('Filter funnel').click();
    const steps = await page.locator('[data-mark="funnel-step"]').count();
    expect(steps).toBe(6); // candidates, four filters, what remains
    await shootScreens(page, 'funnel-filters');
    const labels: Record<string, string> = {
      single_champion: 'Single-champion bias',
      project_spike: 'Project spike',
      admin_only: 'Admin-only activity',
      no_buying_path: 'No buying path',
    };
    let checkedMovedBy = false;
    for (let k = 0; k < steps; k++) {
      await tab('Filter funnel').click();
      const mark = page.locator('[data-mark="funnel-step"]').nth(k);
      const key = ['candidates', 'single_champion', 'project_spike', 'admin_only', 'no_buying_path', 'remaining'][
        Number(await mark.getAttribute('data-index'))
      ]!;
      const expected = await value(page.getByTestId(`funnel-${key}`));
      // A step that stops no account draws no bar to point at; the keyboard still reaches it.
      if (expected > 0) await mark.click();
      else {
        await mark.focus();
        await page.keyboard.press('Enter');
      }
      await expect.poll(matching).toBe(expected);
      const filterLabel = labels[key];
      if (filterLabel && expected > 0 && !checkedMovedBy) {
        // 11. The row says which filter moved it.
        await expect.poll(() => page.getByTestId('moved-by').first().textContent()).toContain(`Filter: ${filterLabel}`);
        await shootScreens(page, 'accounts-moved-by');
        checkedMovedBy = true;
      }
      await page.getByRole('button', { name: 'Clear all' }).click();
    }
    expect(checkedMovedBy).toBe(true);
  });

  it('9. the score distribution follows Show: ARR, and its threshold labels do not overlap', async () => {
    await tab('Score distribution').click();
    const chart = page.getByTestId('score-chart');
    const emerging = chart.locator('text', { hasText: 'Emerging ≥ 5' });
    const ready = chart.locator('text', { hasText: 'Ready ≥ 10' });
    expect(overlap(await box(emerging), await box(ready))).toBe(false);
    await page.getByLabel('Chart measure').selectOption('arr');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('(ARR)');
    await expect.poll(() => chart.locator('[aria-label="y-axis label"]').textContent()).toContain('ARR');
    expect(await chart.locator('[aria-label="y-axis tick label"]').textContent()).toContain('$');
    await shootScreens(page, 'score-distribution-arr');
    await page.getByLabel('Chart measure').selectOption('accounts');
  });

  it('10. segment overrides show on the card, say when the default applies to no segment, and edit inline', async () => {
    const card = page.getByTestId('signal-team_spread');
    await expect
      .poll(() => card.getByTestId('default-unused-team_spread').textContent())
      .toContain('applies only to accounts without a segment');
    const smb = card.getByLabel(/^SMB threshold for /);
    expect(await smb.isVisible()).toBe(true); // no "More" click needed
    await tab('Signal activity').click();
    const before = await value(page.getByTestId('signal-team_spread-fired'));
    await smb.fill('4');
    await expect.poll(() => value(page.getByTestId('signal-team_spread-fired'))).toBeLessThan(before);
    await card.scrollIntoViewIfNeeded();
    await shootScreens(page, 'signal-card-overrides');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => value(page.getByTestId('signal-team_spread-fired'))).toBe(before);
  });

  it('11. a row held below its score’s stage names the gate that moved it, inline and in its title', async () => {
    await tab('Accounts').click();
    await page.getByRole('combobox', { name: 'Draft stage' }).selectOption('health_first');
    await expect.poll(matching).toBeGreaterThan(0);
    const rows = page.locator('[data-row]');
    const shown = Math.min(await rows.count(), 5);
    for (let k = 0; k < shown; k++) {
      const cell = rows.nth(k).locator('.stage-cell');
      expect(await cell.getByTestId('moved-by').textContent()).toContain('Gate: Health floor (60)');
      expect(await cell.getAttribute('title')).toContain(
        'Draft: Health first (moved there by Gate: Health floor (60))',
      );
    }
    await shootScreens(page, 'accounts-moved-by-gate');
    await page.getByRole('button', { name: 'Clear all' }).click();
  });

  it('12. Versions reopens after Compare → Close; the save dialog names the right version; Revert', async () => {
    const save = async (note: string, name?: string) => {
      await page.getByRole('button', { name: 'Save version…' }).click();
      if (name) await page.getByLabel('Model name').fill(name);
      await page.getByLabel('What changed, and why').fill(note);
      await page.getByRole('button', { name: 'Save version', exact: true }).click();
      await page.getByTestId('save-dialog').waitFor({ state: 'detached' });
    };
    await save('First cut', 'Book model');
    await page.locator('input[aria-label^="Weight of "][type="number"]').first().fill('7');
    await save('Heavier first signal');
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('Book model · v2');

    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByTestId('versions-dialog');
    await versions.getByLabel('Select version 1 to compare').check();
    await versions.getByRole('button', { name: 'Compare with the draft' }).click();
    await page.getByTestId('compare-dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => versions.isVisible()).toBe(true);
    await shootScreens(page, 'versions-after-compare');

    // Open v1: the next save is version 3, and says so.
    await versions.locator('tr', { hasText: 'v1' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('Book model · v1');
    await page.getByRole('button', { name: 'Save version…' }).click();
    await expect
      .poll(() => page.getByTestId('save-dialog').locator('h2').textContent())
      .toBe('Save version 3 of Book model');
    await shootScreens(page, 'save-dialog-version');
    await page.getByTestId('save-dialog').getByRole('button', { name: 'Cancel' }).click();

    // Revert the draft to v2: the weight comes back, as an undoable, unsaved edit.
    await page.getByRole('button', { name: 'Versions' }).click();
    await versions.getByTestId('revert-2').click();
    await expect.poll(() => page.locator('#workbench-title').textContent()).toContain('modified');
    expect(await page.locator('input[aria-label^="Weight of "][type="number"]').first().inputValue()).toBe('7');
  });

  it('13. at 1024×700 the ladder stays in view while a weight is edited', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await tab('Ladder').click();
    const weight = page.locator('input[aria-label^="Weight of "][type="number"]').last();
    await weight.scrollIntoViewIfNeeded();
    await weight.fill('9');
    const chart = await box(page.getByTestId('ladder-chart'));
    const input = await box(weight);
    for (const b of [chart, input]) {
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + Math.min(b.height, 120)).toBeLessThanOrEqual(700);
      expect(b.x + b.width).toBeLessThanOrEqual(1024);
    }
    await shootScreens(page, 'workbench-editing');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('14. keyboard: arrow keys on the tabs, focus back from the drawer, chart marks with real tooltips', async () => {
    await tab('Ladder').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Filter funnel').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-funnel');
    await page.keyboard.press('End');
    await expect.poll(() => tab('Accounts').getAttribute('aria-selected')).toBe('true');

    const row = page.locator('[data-row="2"]');
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('account-drawer').waitFor();
    await page.getByTestId('account-drawer').getByRole('figure').last().scrollIntoViewIfNeeded();
    await shootScreens(page, 'drawer-series');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('2');

    await tab('Ladder').click();
    const bar = page.locator('[data-mark="ladder-bar"]').first();
    await bar.focus();
    const tip = page.getByTestId('ladder-chart').getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toMatch(/accounts/);
    expect(await page.getByTestId('ladder-chart').locator('title').count()).toBe(0);
    await shootScreens(page, 'ladder-tooltip');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mark'))).toBe('ladder-bar');
    await page.keyboard.press('Enter');
    await page.getByTestId('accounts-table').waitFor();
  });
});
