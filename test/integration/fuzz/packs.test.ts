// Mutated rule packs — the shipped presets with parts replaced, removed, repeated, retyped, filled
// with hostile text, extreme numbers and odd expressions, as JSON or YAML, sometimes with the text
// itself damaged — through the product path: read and validate, then every export on a small demo
// workspace (SQL in every dialect, JSON Logic, the JS module, CSVs, scored lists, Parquet, XLSX).
// Each case is accepted and exports, or is refused with a sentence; none crashes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sqlDialects } from '#shared/compile/sql-dialect';
import { exportFormats } from '#shared/export/formats';
import { readPack } from '#shared/pack/document';
import { describePackIssues } from '#shared/pack/validate';
import { createRng, type Rng } from '#shared/random';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { produceExport, renderExport } from '../../../electron/backend/export/export-service';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { hostileFragments } from '../../helpers/hostile-text';
import { repoRoot, tempDir } from '../../helpers/temp';
import { fuzzCases, fuzzSeed } from '../../helpers/fuzz-budget';
import { mutateText } from './mutate';
import { memoryWatch, messageShape, problemWith, wordedLikeInternals } from '../../helpers/fuzz-oracle';

const dir = tempDir();
const artifacts = join(repoRoot, 'test-artifacts', 'fuzz');
let ws: Workspace;
const presets = readdirSync(join(repoRoot, 'resources', 'packs')).map(
  (f) => JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', f), 'utf8')) as unknown,
);

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 40, seed: 3 }, '2025-06-30'));
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

const expressions = [
  'seats_used / seats_licensed',
  'seats_used / 0',
  '1 / 0',
  '-(-(-(1)))',
  `${'('.repeat(60)}1${')'.repeat(60)}`,
  'rolling_sum(active_users, 1000000000)',
  'rolling_mean(active_users, 0)',
  'pct_change(active_users, -1)',
  'delta(active_users, 99999999)',
  'weeks_above_baseline(active_users, 0)',
  'max(active_users, nps, arr, employees)',
  'active_users >',
  'unknown_metric * 2',
  '__proto__',
  'constructor.prototype',
  'toString()',
  'eval("1")',
  'a'.repeat(300),
  '1e309',
  'null',
  "'text'",
  'seats_used == seats_used and not (nps < 0 or health_score >= 1e308)',
];

const extremes = [0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e21, 99999999, 0.1 + 0.2, -1e-300];

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, 11)) {
    case 0:
      return rng.pick(hostileFragments('/tmp/ladder-fuzz-ran')).repeat(rng.int(1, 3));
    case 1:
      return rng.pick(['\u0000', '\n', 'a\u001b[2Jb', '\u007f', '\r', 'x\u0085y', '\u2028']);
    case 2:
      return rng.pick(expressions);
    case 3:
      return rng.pick(extremes);
    case 4:
      return rng.pick([true, false, null]);
    case 5:
      return rng.chance(0.5) ? [] : {};
    case 6:
      return 'x'.repeat(rng.pick([0, 1, 64, 201, 5000]));
    case 7:
      return rng.pick(['__proto__', 'constructor', 'prototype', 'id', 's1', 'ready', 'tier', 'segment']);
    case 8:
      return depth < 3 ? Array.from({ length: rng.int(1, 4) }, () => randomValue(rng, depth + 1)) : 1;
    case 9:
      return rng.pick(['>', '>=', '<', '<=', '==', '!=', 'between', 'in', 'contains', '=~']);
    case 10: {
      let nested: unknown = 1;
      for (let i = rng.int(10, 40); i > 0; i--) nested = [nested];
      return nested;
    }
    default:
      return rng.int(-10, 100);
  }
}

type Node = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };

/** Every value in the pack with where it sits, so a change can land anywhere. */
function nodes(value: unknown, out: Node[] = []): Node[] {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, v] of entries) {
    out.push({ parent: value as Node['parent'], key, value: v });
    nodes(v, out);
  }
  return out;
}

function mutatePack(rng: Rng, preset: unknown): unknown {
  const pack = structuredClone(preset);
  // Half the cases change one thing (mostly a value), so many stay valid and reach every export.
  const single = rng.chance(0.5);
  for (let k = single ? 1 : rng.int(2, 4); k > 0; k--) {
    const all = nodes(pack);
    if (all.length === 0) break;
    const node = rng.pick(all);
    const { parent, key, value } = node;
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
    switch (single && rng.chance(0.6) ? 5 : rng.int(0, 6)) {
      case 0:
        set(randomValue(rng));
        break;
      case 1:
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key as string];
        break;
      case 2:
        // Repeated: duplicate ids, a signal twice, a long list.
        if (Array.isArray(parent))
          parent.splice(
            Number(key),
            0,
            ...Array.from({ length: rng.pick([1, 1, 2, 300]) }, () => structuredClone(value)),
          );
        break;
      case 3:
        // A subtree from elsewhere in the pack.
        set(structuredClone(rng.pick(all).value));
        break;
      case 4:
        if (value && typeof value === 'object' && !Array.isArray(value))
          (value as Record<string, unknown>)[String(randomValue(rng)).slice(0, 40)] = randomValue(rng);
        else set(randomValue(rng));
        break;
      case 5:
        if (typeof value === 'string') set(value + String(randomValue(rng)));
        else if (typeof value === 'number')
          set(rng.pick([-value, value * 1e300, value + Number.EPSILON, Math.round(value), ...extremes]));
        else set(randomValue(rng));
        break;
      case 6:
        if (typeof value === 'number') set(String(value));
        else if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) set(Number(value));
        else set(rng.chance(0.5) ? [value] : { value });
        break;
    }
  }
  return pack;
}

function packText(rng: Rng): string {
  const pack = mutatePack(rng, rng.pick(presets));
  let text = rng.chance(0.3) ? stringify(pack) : JSON.stringify(pack, null, rng.chance(0.5) ? 2 : 0);
  if (rng.chance(0.15)) text = mutateText(rng, Buffer.from(text), 'json').toString('utf8');
  return text;
}

describe('fuzzing rule packs', () => {
  it('every damaged pack is accepted and exports, or is refused with a sentence', async () => {
    const cases = fuzzCases(1500);
    const seed = fuzzSeed(1);
    const rng = createRng(seed);
    const watch = memoryWatch(512);
    const problems: string[] = [];
    const shapes = new Map<string, number>();
    let accepted = 0;
    for (let c = 0; c < cases; c++) {
      const text = packText(rng);
      const where = `seed ${seed}, case ${c}`;
      let checked;
      try {
        checked = readPack(text);
      } catch (error) {
        problems.push(`${where}: reading ${problemWith(error) ?? 'threw'}\n${text.slice(0, 500)}`);
        continue;
      }
      if (!checked.ok) {
        const message = describePackIssues(checked.issues);
        if (wordedLikeInternals(message)) problems.push(`${where}: internal wording in "${message}"`);
        shapes.set(messageShape(message), (shapes.get(messageShape(message)) ?? 0) + 1);
        continue;
      }
      accepted++;
      // Every export of an accepted pack; the slower binary ones on every tenth case.
      const formats = exportFormats.filter((f) => c % 10 === 0 || (f !== 'scored-xlsx' && f !== 'features-parquet'));
      for (const format of formats)
        for (const dialect of format === 'sql' ? sqlDialects : [undefined]) {
          try {
            await renderExport(produceExport(ws, checked.value, { format, dialect }));
          } catch (error) {
            const problem = problemWith(error);
            if (problem)
              problems.push(`${where}: ${format}${dialect ? ` (${dialect})` : ''} ${problem}\n${text.slice(0, 500)}`);
          }
        }
      watch.sample(where);
    }
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(
      join(artifacts, 'packs.json'),
      JSON.stringify(
        {
          seed,
          cases,
          accepted,
          memoryGrowthMb: watch.growthMb,
          refusals: Object.fromEntries([...shapes].sort((a, b) => b[1] - a[1]).slice(0, 200)),
        },
        null,
        2,
      ),
    );
    expect(problems.slice(0, 10)).toEqual([]);
    // Enough of the cases are accepted packs for the export half to be exercised.
    expect(accepted).toBeGreaterThan(cases / 20);
    expect(watch.growthMb, `memory grew most at ${watch.peakCase}`).toBeLessThan(watch.limitMb);
  });
});
