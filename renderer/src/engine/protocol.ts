// Messages between the UI and the engine worker (carried by #shared/request-reply).
import type { Envelope as RequestEnvelope, ReplyEnvelope } from '#shared/request-reply';
import type { ModelResult } from '#shared/engine/aggregate';
import type { Explanation } from '#shared/engine/explain';
import type { MoversMatrix } from '#shared/workbench/movers';
import type { AccountPage, AccountQuery } from '#shared/workbench/queries';
import type { ColumnStats } from '#shared/workbench/stats';
import type { ClassesSnapshot, SetPackResult } from '#shared/workbench/workbench';
import type { Heatmap } from '#shared/book/heatmap';
import type { BookRequest } from '#shared/workbench/book';

export interface Snapshot {
  baseline: ModelResult;
  draft: ModelResult;
  movers: MoversMatrix;
}

export interface UpdateReply {
  set: SetPackResult;
  snapshot: Snapshot | null;
  /** The classes behind the snapshot, for same-frame recomputation of class-only edits. */
  classes: ClassesSnapshot | null;
  /** Time spent in the worker, for diagnostics and the UI benchmark. */
  workerMs: number;
}

export type HeatmapReply =
  { status: 'ok'; heatmap: Heatmap; ms: number; rebuilt: boolean } | { status: 'needs-columns'; fields: string[] };

export type Request =
  | { op: 'load'; bytes: ArrayBuffer }
  | { op: 'addColumns'; bytes: ArrayBuffer }
  | { op: 'held' }
  | { op: 'update'; slot: string; pack: unknown; compareWith: string }
  | { op: 'snapshot'; baseline: string; draft: string }
  | { op: 'query'; baseline: string; draft: string; query: AccountQuery }
  | { op: 'explain'; slot: string; index: number }
  | { op: 'stats'; slot: string; key: string }
  | { op: 'matchingIds'; baseline: string; draft: string; query: AccountQuery }
  | { op: 'scope'; owner: string | null }
  | { op: 'bookColumns'; bytes: ArrayBuffer }
  | { op: 'heatmap'; slot: string; request: BookRequest };

export interface Replies {
  load: { accounts: number; asOf: string };
  addColumns: { held: number };
  held: string[];
  update: UpdateReply;
  snapshot: Snapshot;
  query: AccountPage;
  explain: Explanation;
  stats: ColumnStats;
  matchingIds: string[];
  scope: { owner: string | null };
  bookColumns: { asOf: string; days: number };
  heatmap: HeatmapReply;
}

export type Envelope = RequestEnvelope<Request>;
export type Reply = ReplyEnvelope;
