// Demo part: time to generate the demo book at scale (default 1,000,000 accounts) and to open it
// (header check, quick_check, migrations check, pragmas).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 1_000_000);
const runs = option('runs', 3);
const dir = benchDir('ladder-bench-demo-');
try {
  const params = demoDefaults({ accounts, seed: 1, endDate: '2026-11-16' });
  const generate: number[] = [];
  let path = '';
  for (let i = 0; i < runs; i++) {
    path = join(dir.path, `demo-${i}.ladder`);
    const started = performance.now();
    await writeDemoWorkspace(path, params);
    generate.push(performance.now() - started);
    log(`generate run ${i + 1}/${runs}: ${round(generate[i]!, 0)} ms`);
  }
  const open: number[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    const started = performance.now();
    const ws = await openWorkspace(path);
    open.push(performance.now() - started);
    ws.db.close();
  }
  process.stdout.write(
    JSON.stringify({
      accounts,
      weeks: params.weeks,
      periodRows: accounts * params.weeks,
      runs,
      generateMs: round(median(generate), 0),
      openMs: round(median(open)),
      fileMb: round(statSync(path).size / 2 ** 20, 0),
    }),
  );
} finally {
  dir.cleanup();
}
