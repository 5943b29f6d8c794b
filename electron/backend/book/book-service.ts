// `ladder book` and the app's Δ heatmap: score the workspace as of a date (and an earlier one),
// then cut the book of business with the pure heatmap functions of shared/book.
import { LadderError } from '#shared/api/result';
import { bookField, defaultOutcomeDays, defaultTopN, isBookField, type BookMeasure } from '#shared/book/fields';
import { compareHeatmaps, computeHeatmap, type Heatmap } from '#shared/book/heatmap';
import type { ValidPack } from '#shared/pack/validate';
import { scoreWorkspace } from '../scoring/score-workspace';
import type { Workspace } from '../store/open-workspace';
import { bookData, stagesOf } from './book-data';

export interface BookOptions {
  rows: string;
  cols?: string;
  measure: BookMeasure;
  owner?: string;
  asOf?: string;
  compare?: string;
  topN?: number;
  days?: number;
}

export interface BookResult extends Heatmap {
  pack: string;
  asOf: string;
  owner: string | null;
  /** With a comparison date: cells are current − earlier; both heatmaps are included. */
  compare: { asOf: string; current: Heatmap; earlier: Heatmap } | null;
}

function checkFields(options: BookOptions): void {
  for (const field of [options.rows, options.cols]) {
    if (field !== undefined && !isBookField(field))
      throw new LadderError(
        'bad_request',
        `"${field}" is not a field to cut the book by: use owner_csm, owner_am, segment, region, industry, tier, journey_stage, custom.NAME or stage.`,
      );
  }
  if (options.cols !== undefined && options.cols === options.rows)
    throw new LadderError(
      'bad_request',
      `Rows and columns are both "${bookField(options.rows).label}"; pick two fields.`,
    );
}

export interface ScoredBook {
  asOf: string;
  /** One heatmap of the scored book (optionally laid out like another one). */
  cut(options: Omit<BookOptions, 'asOf' | 'compare'>, layout?: HeatmapLayout): Heatmap;
}

type HeatmapLayout = Parameters<typeof computeHeatmap>[4];

/** Scores the workspace once; cuts are then computed from the scored accounts. */
export function scoredBook(ws: Workspace, valid: ValidPack, asOf?: string): ScoredBook {
  const scored = scoreWorkspace(ws, valid, asOf);
  const { engine } = scored;
  const classes = { classOf: engine.table.of, classes: engine.table.size };
  return {
    asOf: scored.asOf,
    cut(options, layout) {
      checkFields(options);
      const data = bookData(ws.db, engine, scored.asOf, {
        fields: [options.rows, options.cols],
        owner: options.owner,
        days: options.days ?? defaultOutcomeDays,
      });
      const spec = {
        rows: options.rows,
        cols: options.cols ?? null,
        measure: options.measure,
        topN: options.topN ?? defaultTopN,
      };
      return computeHeatmap(data, classes, stagesOf(engine), spec, layout);
    },
  };
}

export function bookHeatmap(ws: Workspace, valid: ValidPack, options: BookOptions): BookResult {
  checkFields(options);
  const now = scoredBook(ws, valid, options.asOf);
  const base = { pack: valid.pack.name, asOf: now.asOf, owner: options.owner ?? null };
  if (options.compare === undefined) return { ...now.cut(options), ...base, compare: null };
  if (options.compare >= now.asOf)
    throw new LadderError(
      'bad_request',
      `The comparison date ${options.compare} must be earlier than the as-of date ${now.asOf}.`,
    );
  const then = scoredBook(ws, valid, options.compare);
  const { current, earlier, delta } = compareHeatmaps(
    (layout) => now.cut(options, layout),
    (layout) => then.cut(options, layout),
  );
  return { ...delta, ...base, compare: { asOf: then.asOf, current, earlier } };
}
