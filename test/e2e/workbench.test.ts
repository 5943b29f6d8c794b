// The workbench end to end in real Chromium (browser mode) on the demo book: pick a preset, move a
// weight, and check every number against `ladder score` of the same edited pack; undo; drill into
// movers and an account; save a version and compare it with the preset. Screenshots of each view
// go to test-artifacts/workbench-*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { shootScreens } from '../helpers/screens';
import { startApp, type RunningApp } from '../helpers/app-process';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'demo.ladder');
let app: RunningApp;
let browser: Browser;
let page: Page;

const stages = ['not_ready', 'emerging', 'ready'] as const;
const preset = JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', 'seven-signal-table.json'), 'utf8'));
const edited = structuredClone(preset);
edited.signals.find((s: { id: string }) => s.id === 'feature_graduation').weight = 6;

interface Scored {
  aggregates: { stages: { id: string; accounts: number }[] };
  accounts: Record<string, number | string>[];
}

function score(pack: unknown): Scored {
  const path = join(dir.path, `pack-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(pack));
  const run = ladder(['score', '--workspace', workspace, '--pack', path, '--json']);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Scored;
}

const counts = (s: Scored) => Object.fromEntries(s.aggregates.stages.map((x) => [x.id, x.accounts]));

async function ladderCounts(side: 'baseline' | 'draft'): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of stages) out[s] = Number(await page.getByTestId(`${side}-${s}`).getAttribute('data-value'));
  return out;
}

async function shot(name: string) {
  await page.waitForTimeout(250);
  await shootScreens(page, `workbench-${name}`);
}

beforeAll(async () => {
  expect(ladder(['demo', '--workspace', workspace, '--end-date', '2026-11-16']).status).toBe(0);
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

describe('workbench', () => {
  const expectedBefore = () => counts(score(preset));
  const expectedAfter = () => counts(score(edited));

  it('opens the seven-signal preset with baseline = draft = ladder score', async () => {
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor();
    const before = expectedBefore();
    await expect.poll(() => ladderCounts('draft')).toEqual(before);
    expect(await ladderCounts('baseline')).toEqual(before);
    await shot('ladder-preset');
  });

  it('moving one weight changes the draft ladder to exactly what ladder score says for the edited pack', async () => {
    await page.getByTestId('weight-feature_graduation').fill('6');
    const after = expectedAfter();
    expect(after).not.toEqual(expectedBefore());
    await expect.poll(() => ladderCounts('draft')).toEqual(after);
    expect(await ladderCounts('baseline')).toEqual(expectedBefore());
    await shot('ladder-edited');
    for (const [tab, name] of [
      ['Filter funnel', 'funnel'],
      ['Score distribution', 'scores'],
      ['Signal activity', 'signals'],
      ['Movers', 'movers'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await shot(name);
    }
  });

  it('a mover cell opens its accounts, and an account drawer explains exactly what the engine decided', async () => {
    const before = score(preset);
    const after = score(edited);
    const stageBefore = new Map(before.accounts.map((a) => [a.account_id, a.stage]));
    const moved = after.accounts.filter((a) => stageBefore.get(a.account_id) === 'emerging' && a.stage === 'ready');
    expect(moved.length).toBeGreaterThan(0);
    const cell = page.getByTestId('mover-emerging-ready');
    await expect.poll(() => cell.locator('.n').textContent()).toBe(moved.length.toLocaleString('en-US'));
    await cell.click();
    await page.getByTestId('accounts-table').waitFor();
    await expect.poll(() => page.locator('[data-row]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`${moved.length.toLocaleString('en-US')} matching`).count()).toBe(1);
    await shot('accounts');

    await page.locator('[data-row="0"]').click();
    const drawer = page.getByTestId('account-drawer');
    await drawer.getByTestId('explain-signals').waitFor();
    await page.getByTestId('series-usage').waitFor();
    const id = await drawer.getByTestId('drawer-account').getAttribute('data-account-id');
    const truth = after.accounts.find((a) => a.account_id === id)!;
    expect(truth).toBeDefined();
    expect(stageBefore.get(id!)).toBe('emerging');
    expect(await drawer.getByTestId('drawer-stage').getAttribute('data-value')).toBe(truth.stage);
    expect(Number(await drawer.getByTestId('drawer-score').getAttribute('data-value'))).toBe(truth.score);
    for (const s of edited.signals as { id: string }[]) {
      expect(await drawer.locator(`tr[data-signal="${s.id}"]`).getAttribute('data-fired'), s.id).toBe(
        String(truth[s.id]),
      );
    }
    await shot('drawer');
    await page.keyboard.press('Escape');
    await expect(drawer.count()).resolves.toBe(0);
  });

  it('undo restores the preset counts; redo brings the edit back', async () => {
    await page.getByRole('tab', { name: 'Ladder' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ladderCounts('draft')).toEqual(expectedBefore());
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => ladderCounts('draft')).toEqual(expectedAfter());
  });

  it('saves a version and compares it with the preset', async () => {
    await page.getByRole('button', { name: 'Save version…' }).click();
    await page.getByLabel('Model name').fill('Seven signals, graduation weighted');
    await page.getByLabel('What changed, and why').fill('Feature graduation weight 3 → 6');
    await shot('save-dialog');
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    await expect
      .poll(() => page.locator('#workbench-title').textContent())
      .toContain('Seven signals, graduation weighted · v1');
    // The saved version is the new baseline.
    await expect.poll(() => ladderCounts('baseline')).toEqual(expectedAfter());

    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByTestId('versions-dialog');
    await versions.getByLabel('Select version 1 to compare').check();
    await versions.getByLabel('Preset to compare with').selectOption('seven-signal-table');
    await shot('versions');
    await versions.getByRole('button', { name: 'Compare with preset' }).click();
    const compare = page.getByTestId('compare-dialog');
    await compare.getByTestId('movers-table').waitFor();
    await expect(compare.getByTestId('compare-changes').textContent()).resolves.toMatch(
      /signal “Two or more advanced features” changed.*weight: 3 → 6/,
    );
    const before = score(preset);
    const stageBefore = new Map(before.accounts.map((a) => [a.account_id, a.stage]));
    const movedCount = score(edited).accounts.filter((a) => stageBefore.get(a.account_id) !== a.stage).length;
    await expect(compare.getByTestId('movers-summary').textContent()).resolves.toContain(
      `${movedCount.toLocaleString('en-US')} accounts`,
    );
    await shot('compare');
    await compare.getByRole('button', { name: 'Close' }).click();
    // Closing the comparison comes back to the versions, which close on their own.
    await versions.waitFor();
    await versions.getByRole('button', { name: 'Close' }).click();
  });

  it('exports the draft from the workbench', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const heading = page.getByRole('heading', { name: /^Export “Seven signals, graduation weighted”/ });
    await heading.waitFor();
    await shot('export');
  });
});
