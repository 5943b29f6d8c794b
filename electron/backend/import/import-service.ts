// The import feature behind the API: analyse a file (pass one, as a job), re-plan it as the user
// edits the mapping (no reading), validate or commit (pass two, as a job), history, undo and the
// ticket phrase lists. Analyses are remembered per session by a token so pass two reuses them.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type { ImportKind } from '#shared/domain/workspace';
import { LadderError } from '#shared/api/result';
import { describeIssues, zodIssues } from '#shared/issues';
import {
  mappingSpec,
  normalizeMappingFile,
  phraseLists,
  type MappingSpec,
  type PhraseLists,
} from '#shared/import/mapping';
import type { ImportAnalysis, ImportReport, UndoResult } from '#shared/import/report';
import { defaultOutcomeWords, outcomeWordLists, type OutcomeWordLists } from '#shared/import/outcome-words';
import { suggestPlan } from '#shared/import/suggest';
import { defaultTicketPhrases } from '#shared/import/ticket-kind';
import type { Workspace } from '../store/open-workspace';
import { summarizeColumns, summarizeSource, type FileAnalysis } from './analyze';
import { ImportFailure } from './failure';
import { createJobRunner, type JobRunner } from './jobs';
import { runImport } from './run-import';
import { checkFile } from './sources/open';
import { undoImport } from './undo';
import { analyzeInBackground } from './worker-client';
import { messageOf } from '#shared/error-message';

export interface ImportState {
  analyses: Map<string, FileAnalysis>;
  jobs: JobRunner;
}

const states = new WeakMap<object, ImportState>();

/** Import state lives beside the session object (one per backend process). */
export function importState(owner: object): ImportState {
  let state = states.get(owner);
  if (!state) states.set(owner, (state = { analyses: new Map(), jobs: createJobRunner() }));
  return state;
}

export function toAnalysis(token: string, a: FileAnalysis, kind: ImportKind, spec: MappingSpec = {}): ImportAnalysis {
  return {
    fileToken: token,
    source: summarizeSource(a),
    headers: a.headers,
    preview: a.preview,
    rowsRead: a.rowsRead,
    columns: summarizeColumns(a),
    plan: suggestPlan({ kind, headers: a.headers, profiles: a.profiles, spec }),
    warnings: a.warnings,
  };
}

export function startAnalyze(state: ImportState, path: string, kind: ImportKind, spec: MappingSpec = {}): string {
  const { bytes } = checkFile(path);
  return state.jobs.start<ImportAnalysis>(bytes, 'analysing', async (ctx) => {
    const analysis = await analyzeInBackground(path, spec.sheet, {
      signal: ctx.signal,
      onProgress: (b, r) => ctx.report(b, r),
    });
    const token = randomUUID();
    state.analyses.set(token, analysis);
    // Keep the last few analyses only: each holds a preview and column profiles.
    for (const old of [...state.analyses.keys()].slice(0, -8)) state.analyses.delete(old);
    return toAnalysis(token, analysis, kind, spec);
  });
}

function analysisFor(state: ImportState, token: string): FileAnalysis {
  const a = state.analyses.get(token);
  if (!a) throw new LadderError('not_found', 'That file is no longer open for import; choose it again.');
  return a;
}

export function replan(state: ImportState, token: string, kind: ImportKind, spec: MappingSpec): ImportAnalysis {
  return toAnalysis(token, analysisFor(state, token), kind, spec);
}

export function startRun(
  state: ImportState,
  ws: Workspace,
  token: string,
  kind: ImportKind,
  spec: MappingSpec,
  dryRun: boolean,
): string {
  const analysis = analysisFor(state, token);
  const stat = statSync(analysis.path, { throwIfNoEntry: false });
  if (!stat || stat.size !== analysis.bytes || stat.mtimeMs !== analysis.mtimeMs) {
    throw new ImportFailure(`${analysis.fileName} changed or disappeared since it was analysed; choose it again.`);
  }
  const withWords = kind === 'outcomes' ? { ...spec, outcomeWords: spec.outcomeWords ?? readOutcomeWords(ws) } : spec;
  const plan = suggestPlan({ kind, headers: analysis.headers, profiles: analysis.profiles, spec: withWords });
  if (plan.blockers.length > 0) throw new ImportFailure(plan.blockers.join(' '));
  const phrases = spec.ticketPhrases ?? readPhrases(ws);
  return state.jobs.start<ImportReport>(analysis.bytes, dryRun ? 'validating' : 'writing', (ctx) =>
    runImport({
      workspacePath: ws.path,
      analysis,
      plan,
      dryRun,
      phrases,
      signal: ctx.signal,
      onProgress: (b, r) => ctx.report(b, r),
    }),
  );
}

export function undo(ws: Workspace, importId: number): UndoResult {
  return undoImport(ws.db, importId);
}

const phrasesKey = 'import.ticketPhrases';

export function readPhrases(ws: Workspace): PhraseLists {
  const text = ws.db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().get(phrasesKey) as
    string | undefined;
  if (!text) return defaultTicketPhrases;
  const parsed = phraseLists.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : defaultTicketPhrases;
}

export function writePhrases(ws: Workspace, phrases: PhraseLists): PhraseLists {
  ws.db
    .prepare(
      'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(phrasesKey, JSON.stringify(phrases));
  return phrases;
}

const outcomeWordsKey = 'import.outcomeWords';

/** The workspace's expansion / not-expansion word lists (the defaults until someone edits them). */
export function readOutcomeWords(ws: Workspace): OutcomeWordLists {
  const text = ws.db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().get(outcomeWordsKey) as
    string | undefined;
  if (!text) return defaultOutcomeWords;
  const parsed = outcomeWordLists.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : defaultOutcomeWords;
}

export function writeOutcomeWords(ws: Workspace, words: OutcomeWordLists): OutcomeWordLists {
  ws.db
    .prepare(
      'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(outcomeWordsKey, JSON.stringify(words));
  return words;
}

/** Reads a mapping file's JSON (object or array form) into a checked spec; says what is wrong. */
export function parseMappingJson(text: string, fileName: string): MappingSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ImportFailure(`The mapping file ${fileName} is not valid JSON (${messageOf(error)}).`);
  }
  const parsed = mappingSpec.safeParse(normalizeMappingFile(raw));
  if (!parsed.success) {
    throw new ImportFailure(
      `The mapping file ${fileName} is not valid: ${describeIssues(zodIssues(parsed.error), 1)}.`,
    );
  }
  return parsed.data;
}
