// The import feature's API methods (spread into the contract). Long work runs as jobs: `analyze`
// and `run` return a job id at once; `job` reports progress and, at the end, the result.
import { z } from 'zod';
import { importKinds } from '../domain/workspace';
import { mappingSpec, phraseLists, type PhraseLists } from '../import/mapping';
import { outcomeWordLists, type OutcomeWordLists } from '../import/outcome-words';
import type { ImportAnalysis, ImportHistoryEntry, ImportJobStatus, ImportReport, UndoResult } from '../import/report';
import { method } from './define';
import { userPath } from './user-path';

const kind = z.enum(importKinds);
const token = z.string().min(1).max(100);

export const importContract = {
  /** Pass one over a file on this machine (a path, or what the browser-mode upload returned). */
  'import.analyze': method<{ jobId: string }>()(
    z.object({ path: userPath('read'), kind, spec: mappingSpec.optional() }).strict(),
  ),
  /** The plan for an analysed file under another kind or mapping; reads nothing. */
  'import.plan': method<ImportAnalysis>()(z.object({ fileToken: token, kind, spec: mappingSpec }).strict()),
  /** Pass two: validate only (`dryRun`) or commit, as a job. */
  'import.run': method<{ jobId: string }>()(
    z.object({ fileToken: token, kind, spec: mappingSpec, dryRun: z.boolean() }).strict(),
  ),
  'import.job': method<ImportJobStatus<ImportAnalysis | ImportReport>>()(z.object({ jobId: token }).strict()),
  'import.cancel': method<{ cancelled: boolean }>()(z.object({ jobId: token }).strict()),
  'import.history': method<ImportHistoryEntry[]>()(z.object({}).strict()),
  'import.undo': method<UndoResult>()(z.object({ importId: z.number().int().positive() }).strict()),
  'import.phrases': method<PhraseLists>()(z.object({}).strict()),
  'import.setPhrases': method<PhraseLists>()(phraseLists),
  /** The workspace's outcome-type word lists (expansion / not expansion). */
  'import.outcomeWords': method<OutcomeWordLists>()(z.object({}).strict()),
  'import.setOutcomeWords': method<OutcomeWordLists>()(outcomeWordLists),
} as const;
