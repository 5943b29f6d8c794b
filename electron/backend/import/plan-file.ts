// Pass one for scripted imports (the CLI, the benchmark): plan from the first rows so a large file
// is read only once more; runImport then profiles the whole file and re-reads it only if the whole
// columns decide differently. A plan the sample cannot settle (an ambiguous date column) is made
// from the whole file straight away. JSON keys can appear late, so JSON is always read whole.
import type { MappingSpec, ImportPlan } from '#shared/import/mapping';
import { suggestPlan } from '#shared/import/suggest';
import type { FileAnalysis } from './analyze';
import { detectFormat } from './sources/open';
import { analyzeInBackground, prepareWorker } from './worker-client';

export const sampleRows = 20_000;

export async function analyzeAndPlan(
  path: string,
  spec: MappingSpec & { kind: NonNullable<MappingSpec['kind']> },
  options: { signal?: AbortSignal; onProgress?: (bytesRead: number, rows: number) => void } = {},
): Promise<{ analysis: FileAnalysis; plan: ImportPlan }> {
  const format = detectFormat(path);
  const read = (maxRows?: number) => analyzeInBackground(path, spec.sheet, { ...options, maxRows });
  const sample = read(format === 'json' || format === 'ndjson' ? undefined : sampleRows);
  prepareWorker(); // pass two's, starting up on the other core while pass one reads
  let analysis = await sample;
  let plan = suggestPlan({ kind: spec.kind, headers: analysis.headers, profiles: analysis.profiles, spec });
  if (plan.blockers.length > 0 && !analysis.complete) {
    analysis = await read();
    plan = suggestPlan({ kind: spec.kind, headers: analysis.headers, profiles: analysis.profiles, spec });
  }
  return { analysis, plan };
}
