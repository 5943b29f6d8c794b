// What an import reports: before anything is written (analysis, validation) and after (result).
import type { ImportKind } from '../domain/workspace';
import type { ValueType } from './fields';
import type { ImportPlan } from './mapping';
import type { RollUpSummary } from './roll-up';

export const sourceFormats = ['csv', 'xlsx', 'json', 'ndjson', 'parquet', 'arrow'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

export interface SourceSummary {
  fileName: string;
  bytes: number;
  format: SourceFormat;
  encoding: string | null;
  /** The delimiter of a text file, as a character (`\t` for tab). */
  delimiter: string | null;
  sheet: string | null;
  sheets: string[];
}

export interface ColumnSummary {
  name: string;
  nonNull: number;
  nulls: number;
  inferredType: ValueType;
  samples: string[];
}

export interface ImportAnalysis {
  /** Names the analysed file for the following calls (validate, commit) of this session. */
  fileToken: string;
  source: SourceSummary;
  headers: string[];
  /** The first rows as text, for the preview table. */
  preview: string[][];
  rowsRead: number;
  columns: ColumnSummary[];
  plan: ImportPlan;
  warnings: string[];
}

export interface ColumnReport {
  name: string;
  /** Canonical field id, `custom:<name>` for a custom field, or null when skipped. */
  field: string | null;
  type: ValueType;
  nulls: number;
  /** Numbers as numbers, dates as ISO `YYYY-MM-DD`; null for text and yes/no columns. */
  min: number | string | null;
  max: number | string | null;
  rejected: number;
}

export interface RejectedValue {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Text line where the row starts (differs from `row` after quoted line breaks). */
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** One opportunity type (or subscription plan) of an outcomes import, and how its rows came out. */
export interface OutcomeTypeRow {
  /** The type as written; null for rows without one. */
  type: string | null;
  /** What the vocabulary (or the user) makes of the type: expansion, not, or unknown (null). */
  expansion: boolean | null;
  /** How the rows' is_expansion was decided: a flag column, the user's choice, the words, the subscription rule. */
  by: 'flag' | 'your mapping' | 'words' | 'subscriptions' | 'none';
  /** The vocabulary word that decided. */
  word: string | null;
  rows: number;
  /** Rows whose is_expansion stayed blank (NULL) before the subscription rule. */
  blank: number;
  won: number;
  lost: number;
  open: number;
  unknown: number;
}

export interface OutcomeStageRow {
  stage: string;
  state: 'won' | 'lost' | 'open';
  by: 'your mapping' | 'words' | 'none';
  rows: number;
}

/** The outcome semantics of an outcomes import (README "Outcomes: won and expansion"). */
export interface OutcomeSummary {
  source: 'opportunities' | 'subscriptions';
  sourceReason: string;
  types: OutcomeTypeRow[];
  typesTruncated: boolean;
  stages: OutcomeStageRow[];
  stagesTruncated: boolean;
  totals: { won: number; lost: number; open: number; unknown: number };
  /** Types in neither expansion list, with the rows left blank: the user classifies them. */
  unknownTypes: { type: string; rows: number }[];
  /** Subscriptions: rows marked as expansions because they upgrade the account's previous subscription. */
  upgrades: number;
}

export interface ImportReport {
  importId: number | null;
  kind: ImportKind;
  source: SourceSummary;
  dryRun: boolean;
  committed: boolean;
  onError: 'abort' | 'skip' | 'text';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Rows kept although some value was bad (onError "text": the raw text went to a custom field). */
  rowsWithTextKept: number;
  inserted: number;
  updated: number;
  duplicates: number;
  orphans: number;
  /** Periods written (events are aggregated into weekly period rows). */
  periodsWritten: number;
  /** The first rejected values (at most 1,000); `rowsRejected` counts them all. */
  rejected: RejectedValue[];
  rejectedTruncated: boolean;
  columns: ColumnReport[];
  warnings: string[];
  /** Outcomes imports: the type × won/lost/open table and the stages read (null for other kinds). */
  outcomes: OutcomeSummary | null;
  /** Accounts rolled up (`rollUp`): rows, accounts, active rows and why the others ended; null otherwise. */
  rollUp: RollUpSummary | null;
  durationMs: number;
}

export interface ImportProgress {
  jobId: string;
  phase: 'reading' | 'analysing' | 'validating' | 'writing' | 'done' | 'failed' | 'cancelled';
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  rowsPerSecond: number;
  /** Seconds left at the current pace; null until there is a pace. */
  etaSeconds: number | null;
}

export interface ImportJobStatus<R> {
  progress: ImportProgress;
  result: R | null;
  error: { code: string; message: string } | null;
}

export interface ImportHistoryEntry {
  id: number;
  fileName: string;
  kind: ImportKind;
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  startedAt: string;
  finishedAt: string;
  undoneAt: string | null;
}

export interface UndoResult {
  importId: number;
  removed: number;
  restored: number;
}
