// UI part: on a large workspace in real Chromium (browser mode), drag a weight slider one input
// per animation frame and measure, for each input, the time until a frame has been painted with
// the ladder redrawn for it (or for a later input that superseded it); count long tasks (> 50 ms).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 1_000_000);
const inputs = option('inputs', 120);
const dir = benchDir('ladder-bench-ui-');
const root = join(import.meta.dirname, '..', '..');

async function serve(workspace: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [join(root, 'dist', 'node', 'cli.js'), 'serve', '--workspace', workspace, '--json'],
    {
      env: { ...process.env, LADDER_DATA_DIR: join(dir.path, 'data') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /"url":"([^"]+)"/.exec(String(d));
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`ladder serve exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

try {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) throw new Error('Run "npm run build" first.');
  const workspace = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(workspace)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(workspace, demoDefaults({ accounts, seed: 1, endDate: '2026-11-16' }));
  }
  const server = await serve(workspace);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    const loadStarted = Date.now();
    await page.getByTestId('preset-seven-signal-table').click();
    await page.getByTestId('ladder-table').waitFor({ timeout: 600_000 });
    const loadMs = Date.now() - loadStarted;
    log(`model loaded in ${loadMs} ms`);
    const counted = await page.getByTestId('workbench-status').textContent();
    // Instrument the page: input timestamps (the browser's own, from the real pointer events),
    // ladder redraws, long tasks.
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { pending: number[]; latencies: number[]; longTasks: number[] } };
      w.__bench = { pending: [], latencies: [], longTasks: [] };
      const slider = document.querySelector<HTMLInputElement>('[data-testid="weight-feature_graduation"]')!;
      const chart = document.querySelector('[data-testid="ladder-chart"]')!;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__bench.longTasks.push(e.duration))).observe(
        { type: 'longtask', buffered: false },
      );
      slider.addEventListener('input', (e) => w.__bench.pending.push(e.timeStamp), { capture: true });
      // When the ladder figure is replaced, every input so far has been answered; the time after
      // the next frame's paint closes their latency.
      new MutationObserver(() => {
        const answered = w.__bench.pending.splice(0, w.__bench.pending.length);
        requestAnimationFrame(() =>
          setTimeout(() => {
            const painted = performance.now();
            answered.forEach((t) => w.__bench.latencies.push(painted - t));
          }, 0),
        );
      }).observe(chart, { childList: true });
    });
    // Drag the thumb with the real mouse, back and forth across the track.
    const box = (await page.getByTestId('weight-feature_graduation').boundingBox())!;
    const y = box.y + box.height / 2;
    const xAt = (weight: number) => box.x + 8 + ((weight + 10) / 30) * (box.width - 16);
    await page.mouse.move(xAt(3), y);
    await page.mouse.down();
    for (let k = 0; k < inputs; k++) {
      const weight = 3 + 2.5 * Math.sin((k / 30) * Math.PI);
      await page.mouse.move(xAt(weight), y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(1500);
    const result = await page.evaluate(
      () => (window as unknown as { __bench: { latencies: number[]; longTasks: number[] } }).__bench,
    );
    process.stdout.write(
      JSON.stringify({
        accounts: Number(/^([\d,]+) accounts/.exec(counted ?? '')?.[1]?.replace(/,/g, '') ?? accounts),
        inputs,
        answered: result.latencies.length,
        weightDragMedianMs: round(median(result.latencies)),
        weightDragP95Ms: round(
          [...result.latencies].sort((a, b) => a - b)[Math.floor(result.latencies.length * 0.95)] ?? NaN,
        ),
        longTasksOver50ms: result.longTasks.filter((d) => d > 50).length,
        modelLoadMs: loadMs,
      }),
    );
  } finally {
    await browser.close();
    server.stop();
  }
} finally {
  dir.cleanup();
}
