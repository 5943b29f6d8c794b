// The book of business's API methods (spread into the contract): the fields a heatmap can be cut
// by, the per-account outcome columns for the engine worker, the remembered owner filter, the
// heatmap of a date (and its change since another), the owner leaderboard, and the ladder over time.
import { z } from 'zod';
import { bookMeasures } from '../book/fields';
import type { FlowMatrix } from '../book/flow';
import type { LeaderboardRow } from '../book/leaderboard';
import type { Heatmap } from '../book/heatmap';
import { method } from './define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date (YYYY-MM-DD).');
/** Packs arrive as untrusted JSON and are validated by the handler with checkPack. */
const packValue = z.unknown();
const field = z.string().min(1).max(80);
const owner = z.string().min(1).max(200);
const days = z.number().int().min(1).max(3660);

export interface BookFieldInfo {
  id: string;
  label: string;
  /** Distinct values in the workspace (custom fields). */
  distinct?: number;
}

export interface BookHeatmapResult extends Heatmap {
  pack: string;
  asOf: string;
  owner: string | null;
  compare: { asOf: string; current: Heatmap; earlier: Heatmap } | null;
}

export interface WhitespaceSummary {
  asOf: string;
  whitespace: number;
  /** Accounts counted, and those whose whitespace is unknown (an input missing). */
  accounts: number;
  unknown: number;
  source: 'pack' | 'default';
}

export interface TimelinePoint {
  asOf: string;
  accounts: number;
  stages: { id: string; label: string; accounts: number; arr: number }[];
}

export interface FlowAccountRow {
  id: string;
  name: string;
  owner: string;
  arr: number | null;
  from: string;
  to: string;
}

export const bookContract = {
  'book.fields': method<{ fields: BookFieldInfo[]; owners: string[] }>()(z.object({}).strict()),
  /** Arrow IPC bytes (shared/book/arrow-book.ts), accounts in the feature table's order. */
  'book.columns': method<Uint8Array>()(
    z.object({ asOf: isoDate.optional(), days: days.optional(), fields: z.array(field).max(8).optional() }).strict(),
  ),
  /** The owner filter remembered for the open workspace (null: the whole book). */
  'book.owner': method<{ owner: string | null }>()(z.object({}).strict()),
  'book.setOwner': method<{ owner: string | null }>()(z.object({ owner: owner.nullable() }).strict()),
  'book.heatmap': method<BookHeatmapResult>()(
    z
      .object({
        pack: packValue,
        rows: field,
        cols: field.optional(),
        measure: z.enum(bookMeasures),
        owner: owner.optional(),
        asOf: isoDate.optional(),
        compare: isoDate.optional(),
        topN: z.number().int().min(1).max(200).optional(),
        days: days.optional(),
      })
      .strict(),
  ),
  /** Whitespace of the book (or an owner's) under the pack's potential, or the default without a pack. */
  'book.whitespace': method<WhitespaceSummary>()(
    z.object({ pack: packValue.optional(), owner: owner.optional(), asOf: isoDate.optional() }).strict(),
  ),
  'book.leaderboard': method<{ asOf: string; since: string; staleWeeks: number; rows: LeaderboardRow[] }>()(
    z
      .object({ pack: packValue, asOf: isoDate.optional(), staleWeeks: z.number().int().min(1).max(104).optional() })
      .strict(),
  ),
  /** Stage counts and ARR every `weeks` weeks over the period range (progress: book.progress). */
  'book.timeline': method<{ points: TimelinePoint[] }>()(
    z.object({ pack: packValue, owner: owner.optional(), weeks: z.number().int().min(1).max(26).optional() }).strict(),
  ),
  'book.progress': method<{ running: boolean; done: number; total: number }>()(z.object({}).strict()),
  /** Stops the running book.timeline; it then fails with code `cancelled`. */
  'book.cancel': method<{ cancelled: boolean }>()(z.object({}).strict()),
  'book.flow': method<FlowMatrix & { from: string; to: string }>()(
    z.object({ pack: packValue, from: isoDate, to: isoDate, owner: owner.optional() }).strict(),
  ),
  'book.flowAccounts': method<{ total: number; rows: FlowAccountRow[] }>()(
    z
      .object({
        pack: packValue,
        from: isoDate,
        to: isoDate,
        owner: owner.optional(),
        fromStage: z.string().min(1).max(64),
        toStage: z.string().min(1).max(64),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
} as const;
