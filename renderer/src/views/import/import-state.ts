// The import wizard's state as a type, the empty wizard a new file starts from, and the mapping spec
// the wizard's choices amount to (what the backend plans and runs the import with).
import type { ImportKind } from '#shared/domain/workspace';
import type { ColumnChoice, MappingSpec, OnError } from '#shared/import/mapping';
import type { ImportAnalysis, ImportHistoryEntry, ImportProgress, ImportReport } from '#shared/import/report';
import type { OutcomeState, OutcomeWordLists } from '#shared/import/outcome-words';
import type { DateOrder } from '#shared/import/values';

export type Step = 'file' | 'mapping' | 'validation' | 'result';

export interface ImportWizardState {
  step: Step;
  kind: ImportKind;
  preset: string;
  analysis: ImportAnalysis | null;
  /** The user's own column choices, by source header. */
  choices: Record<string, ColumnChoice>;
  dateOrder: DateOrder | null;
  onError: OnError;
  /** Outcomes: the user's classification of types and stages, and edited word lists. */
  outcomeTypes: Record<string, boolean | null>;
  outcomeStages: Record<string, OutcomeState>;
  outcomeWords: OutcomeWordLists | null;
  /** Accounts: roll many rows per account up into one. */
  rollUp: boolean;
  progress: ImportProgress | null;
  /** What the running job is doing, in words ("Uploading", "Reading the file", …). */
  activity: string | null;
  jobId: string | null;
  validation: ImportReport | null;
  result: ImportReport | null;
  error: string | null;
  /** A sentence about what just happened that is not an error ("cancelled; nothing was written"). */
  notice: string | null;
  history: ImportHistoryEntry[];
  setKind(kind: ImportKind): void;
  setPreset(preset: string): void;
  chooseColumn(source: string, choice: Partial<ColumnChoice>): void;
  setDateOrder(order: DateOrder | null): void;
  setOnError(onError: OnError): void;
  setRollUp(rollUp: boolean): void;
  /** Classifies an outcome type (null: unknown) and checks every row again. */
  classifyType(type: string, expansion: boolean | null): Promise<void>;
  classifyStage(stage: string, state: OutcomeState): Promise<void>;
  /** New word lists for this file (and, with `keep`, for the workspace); checks every row again. */
  setOutcomeWords(words: OutcomeWordLists, keep: boolean): Promise<void>;
  /** The word lists the current plan uses. */
  outcomeWordsInForce(): OutcomeWordLists;
  /** Applies a saved mapping file's choices (kind, preset, columns, date order, bad-row choice). */
  applyMapping(spec: MappingSpec): void;
  pickNative(): Promise<void>;
  uploadAndAnalyze(file: File): Promise<void>;
  analyzePath(path: string): Promise<void>;
  validate(): Promise<void>;
  commit(): Promise<void>;
  cancel(): Promise<void>;
  back(step: Step): void;
  reset(): void;
  loadHistory(): Promise<void>;
  undo(id: number): Promise<void>;
  dismissError(): void;
}

export function specOf(
  s: Pick<
    ImportWizardState,
    | 'kind'
    | 'preset'
    | 'choices'
    | 'dateOrder'
    | 'onError'
    | 'analysis'
    | 'outcomeTypes'
    | 'outcomeStages'
    | 'outcomeWords'
    | 'rollUp'
  >,
): MappingSpec {
  const outcomes = s.kind === 'outcomes';
  return {
    kind: s.kind,
    ...(outcomes && Object.keys(s.outcomeTypes).length > 0 ? { outcomeTypes: s.outcomeTypes } : {}),
    ...(outcomes && Object.keys(s.outcomeStages).length > 0 ? { outcomeStages: s.outcomeStages } : {}),
    ...(outcomes && s.outcomeWords ? { outcomeWords: s.outcomeWords } : {}),
    ...(s.kind === 'accounts' && s.rollUp ? { rollUp: true } : {}),
    ...(s.preset ? { preset: s.preset } : {}),
    ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}),
    ...(s.analysis?.source.sheet ? { sheet: s.analysis.source.sheet } : {}),
    columns: Object.values(s.choices),
    onError: s.onError,
  };
}

/** A wizard with no file: the state each new file, reset and workspace switch starts from. */
export const initialWizard = {
  step: 'file' as Step,
  analysis: null,
  choices: {},
  dateOrder: null,
  onError: 'abort' as OnError,
  outcomeTypes: {},
  outcomeStages: {},
  outcomeWords: null,
  rollUp: false,
  progress: null,
  activity: null,
  jobId: null,
  validation: null,
  result: null,
  error: null,
  notice: null,
};
