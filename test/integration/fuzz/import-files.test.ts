// Mutated files of every import format through the real import path — analysis (pass one), the
// mapping suggestion, then a dry-run import into a real workspace (pass two, the writer, the
// rollback): each case imports, or is refused with a sentence. No crash, no internal wording, and
// resident memory bounded across the run. A failing case is saved under test-artifacts/fuzz/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { createRng, type Rng } from '#shared/random';
import { suggestPlan } from '#shared/import/suggest';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { runImport } from '../../../electron/backend/import/run-import';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { zipEntries } from '../../../electron/backend/import/sources/zip-entries';
import { repoRoot, tempDir } from '../../helpers/temp';
import { zip } from '../../helpers/zip';
import { baseFiles, extensionOf, importFormats, type FuzzFormat } from './base-files';
import { filesPerFormat, fuzzCases, fuzzSeed } from '../../helpers/fuzz-budget';
import { mutateBytes, mutateText } from './mutate';
import { memoryWatch, messageShape, problemWith } from '../../helpers/fuzz-oracle';

const dir = tempDir();
afterAll(() => dir.cleanup());
const artifacts = join(repoRoot, 'test-artifacts', 'fuzz');
const workspacePath = join(dir.path, 'fuzz.ladder');
let bases: Record<FuzzFormat, Buffer>;
/** The base workbook's parts, unpacked (the XML a hostile workbook changes). */
let xlsxParts: Map<string, Buffer>;

beforeAll(async () => {
  bases = await baseFiles();
  const base = join(dir.path, 'base.xlsx');
  writeFileSync(base, bases.xlsx);
  xlsxParts = new Map(
    zipEntries(base, 'base.xlsx', bases.xlsx.length).map((e) => {
      const packed = bases.xlsx.subarray(e.dataStart, e.dataStart + e.packedBytes);
      return [e.path, e.method === 8 ? inflateRawSync(packed) : Buffer.from(packed)];
    }),
  );
  (await openWorkspace(workspacePath, { create: true })).db.close();
});

function mutate(format: FuzzFormat, rng: Rng, base: Buffer): Buffer {
  switch (format) {
    case 'csv':
    case 'csv-1252':
    case 'tsv-utf16':
      return rng.chance(0.6) ? mutateText(rng, base, 'delimited') : mutateBytes(rng, base);
    case 'json':
    case 'ndjson':
      return rng.chance(0.6) ? mutateText(rng, base, 'json') : mutateBytes(rng, base);
    case 'xlsx': {
      if (rng.chance(0.4)) return mutateBytes(rng, base);
      // Inside the zip: the XML of one part changed, zipped again (what a hostile workbook is).
      const entries = new Map(xlsxParts);
      const name = rng.pick([...entries.keys()].filter((n) => n.endsWith('.xml') || n.endsWith('.rels')));
      entries.set(name, mutateText(rng, entries.get(name)!, 'xml'));
      return zip(entries);
    }
    case 'parquet':
    case 'arrow-stream':
    case 'arrow-file':
      return mutateBytes(rng, base);
  }
}

describe('fuzzing the importers with damaged files', () => {
  it('starts from files that import', async () => {
    for (const format of importFormats) {
      const path = join(dir.path, `base-${format}${extensionOf[format]}`);
      writeFileSync(path, bases[format]);
      const analysis = await analyzeFile(path);
      expect(analysis.rowsRead, format).toBe(30);
      const plan = suggestPlan({ kind: 'accounts', headers: analysis.headers, profiles: analysis.profiles });
      expect(plan.blockers, format).toEqual([]);
      const report = await runImport({ workspacePath, analysis, plan, dryRun: true });
      expect(report.rowsImported, format).toBe(30);
    }
  });

  it.each(importFormats.map((format, i) => [format, i] as const))(
    '%s: every damaged file imports or is refused with a sentence, in bounded memory',
    async (format, index) => {
      const cases = fuzzCases(220, filesPerFormat ? 1 : 1 / importFormats.length);
      const seed = fuzzSeed(100 + index);
      const rng = createRng(seed);
      const watch = memoryWatch(512);
      const problems: string[] = [];
      const shapes = new Map<string, number>();
      let imported = 0;
      const path = join(dir.path, `case${extensionOf[format]}`);
      mkdirSync(artifacts, { recursive: true });
      const lastCase = join(artifacts, `${format}-last-case${extensionOf[format]}`);
      for (let c = 0; c < cases; c++) {
        const bytes = mutate(format, rng, bases[format]);
        writeFileSync(path, bytes);
        // Kept until the next case: a case that hangs (and times the test out) is left here to replay.
        writeFileSync(lastCase, bytes);
        try {
          const analysis = await analyzeFile(path);
          const plan = suggestPlan({ kind: 'accounts', headers: analysis.headers, profiles: analysis.profiles });
          if (plan.blockers.length === 0) {
            await runImport({ workspacePath, analysis, plan, dryRun: true });
            imported++;
          }
        } catch (error) {
          const problem = problemWith(error);
          if (problem) {
            const saved = join(artifacts, `${format}-seed${seed}-case${c}${extensionOf[format]}`);
            writeFileSync(saved, bytes);
            problems.push(`${saved}: ${problem}`);
          } else {
            const shape = messageShape((error as Error).message);
            shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
          }
        }
        watch.sample(`case ${c}`);
      }
      rmSync(lastCase);
      writeFileSync(
        join(artifacts, `${format}.json`),
        JSON.stringify(
          {
            format,
            seed,
            cases,
            imported,
            refused: cases - imported,
            memoryGrowthMb: watch.growthMb,
            peakCase: watch.peakCase,
            refusals: Object.fromEntries([...shapes].sort((a, b) => b[1] - a[1])),
          },
          null,
          2,
        ),
      );
      expect(problems.slice(0, 20)).toEqual([]);
      expect(watch.growthMb, `memory grew most at ${watch.peakCase}`).toBeLessThan(watch.limitMb);
    },
  );
});
