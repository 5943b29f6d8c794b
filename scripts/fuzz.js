// `npm run fuzz`: the fuzz targets (test/unit/expr/fuzz.test.ts: expressions; test/integration/fuzz:
// rule packs, damaged files of every import format) with 100,000 cases each instead of the few
// thousand `npm test` runs, from a fresh seed. The damaged files share their 100,000 among the nine
// formats unless `-- --per-format` gives each format the whole count (hours: about nine times as long).
// Options: LADDER_FUZZ_CASES=N, LADDER_FUZZ_SEED=S (to replay a run), extra vitest arguments after
// `--` (e.g. `-t parquet`). Failing cases and a summary per format go to test-artifacts/fuzz/.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = process.env.LADDER_FUZZ_CASES || '100000';
const seed = process.env.LADDER_FUZZ_SEED || String(randomInt(1, 2 ** 31));
const extra = process.argv.slice(2);
const perFormat = extra.includes('--per-format');
const count = Number(cases).toLocaleString('en-US');
console.log(`Fuzzing from seed ${seed}: ${count} rule packs, ${count} expressions,`);
console.log(`and ${count} damaged files ${perFormat ? 'of each of' : 'shared among'} the nine import kinds.`);
const again = perFormat ? ' -- --per-format' : '';
console.log(`Replay: LADDER_FUZZ_SEED=${seed} LADDER_FUZZ_CASES=${cases} npm run fuzz${again}\n`);
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  // No time limit: a run of this size takes long on purpose.
  ['run', 'fuzz', '--testTimeout=0', '--hookTimeout=0', ...extra.filter((a) => a !== '--per-format')],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      LADDER_FUZZ_CASES: cases,
      LADDER_FUZZ_SEED: seed,
      ...(perFormat ? { LADDER_FUZZ_PER_FORMAT: '1' } : {}),
    },
  },
);
process.exit(result.status ?? 1);
