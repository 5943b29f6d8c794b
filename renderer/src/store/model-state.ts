// The model store's state as a type: where the model came from, baseline and draft, undo/redo
// history, the engine's answers and the actions on them; with the empty state and isDirty.
import type { RulePackInput } from '#shared/pack/schema';
import type { PackIssue } from '#shared/pack/validate';
import type { Snapshot } from '../engine/protocol';

export type ModelSource =
  | { kind: 'preset'; id: string; name: string }
  | { kind: 'columns'; name: string }
  | { kind: 'version'; modelId: number; modelName: string; versionId: number; version: number };

export interface ModelState {
  status: 'empty' | 'loading' | 'ready' | 'error';
  error: string | null;
  source: ModelSource | null;
  baseline: RulePackInput | null;
  draft: RulePackInput | null;
  issues: PackIssue[];
  snapshot: Snapshot | null;
  accounts: number;
  asOf: string | null;
  /** Worker time of the last update (ms). */
  lastUpdateMs: number | null;
  /** Bumped each time the worker has scored a new draft: views that query the worker refresh on it. */
  engineRevision: number;
  /** While features are computed for a model being opened: accounts done so far. */
  loadProgress: { accountsDone: number; accountsTotal: number } | null;
  /** Stops opening a model (the previous one, if any, stays). */
  cancelLoad(): Promise<void>;
  past: RulePackInput[];
  future: RulePackInput[];
  lastGroup: { key: string; at: number } | null;
  startFromPreset(id: string): Promise<void>;
  /** A first model built from the workspace's own numeric and yes/no fields (packs.fromColumns). */
  startFromColumns(): Promise<void>;
  startFromVersion(versionId: number): Promise<void>;
  /** Replaces the draft with `change(draft)` (an immutable update: untouched parts keep their
   * identity, so only edited panels re-render). Edits with the same `group` in quick succession
   * undo as one (a slider drag is one step). */
  edit(change: (draft: RulePackInput) => RulePackInput, group?: string): void;
  undo(): void;
  redo(): void;
  discardChanges(): void;
  /** Makes the draft a saved version's pack again (one undoable edit; the baseline stays). */
  revertTo(versionId: number): Promise<void>;
  save(note: string, name?: string): Promise<boolean>;
  dismissError(): void;
  /** The workspace or its data changed: reload features and re-score baseline and draft. */
  reloadData(): Promise<void>;
  /** Asks the worker again for the draft's answers (my book changed what they count). */
  rescore(): Promise<void>;
}

export const isDirty = (s: Pick<ModelState, 'baseline' | 'draft'>) =>
  s.draft !== null && JSON.stringify(s.draft) !== JSON.stringify(s.baseline);

/** No model open: the state before the first one and after a workspace switch. */
export const emptyModel = {
  status: 'empty' as const,
  error: null,
  source: null,
  baseline: null,
  draft: null,
  issues: [],
  snapshot: null,
  accounts: 0,
  asOf: null,
  lastUpdateMs: null,
  loadProgress: null,
  past: [],
  future: [],
  lastGroup: null,
};
