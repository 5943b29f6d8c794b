// `npm run fuzz`: the fuzz targets (test/unit/expr/fuzz.test.ts: expressions; test/integration/fuzz:
// rule packs, damaged files of every import format) with 100,000 cases each instead of the few
// thousand `npm test` runs, from a fresh seed. Options: LADDER_FUZZ_CASES=N, LADDER_FUZZ_SEED=S (to
// replay a run), extra vitest arguments after `--` (e.g. `-t parquet`). Failing cases and a summary
// per format go to test-artifacts/fuzz/.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = process.env.LADDER_FUZZ_CASES || '100000';
const seed = process.env.LADDER_FUZZ_SEED || String(randomInt(1, 2 ** 31));
const count = Number(cases).toLocaleString('en-US');
console.log(`Fuzzing from seed ${seed}: ${count} rule packs, ${count} expressions,`);
console.log(`and ${count} damaged files shared among the nine import kinds.`);
console.log(`Replay: LADDER_FUZZ_SEED=${seed} LADDER_FUZZ_CASES=${cases} npm run fuzz\n`);
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  // No time limit: a run of this size takes long on purpose.
  ['run', 'fuzz', '--testTimeout=0', '--hookTimeout=0', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, LADDER_FUZZ_CASES: cases, LADDER_FUZZ_SEED: seed } },
);
process.exit(result.status ?? 1);
