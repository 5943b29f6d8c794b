// The heatmap in the engine worker: the backend's per-account outcome facts and custom fields,
// plus the class × dimension table of the shown cut, kept while the model's classes, the owner
// scope and the whitespace stay the same. A weight or stage edit then re-sums that table (a few
// thousand entries); a threshold edit rebuilds it in one pass over the accounts.
import { axisCodes, buildCellTable, type BookData, type CellTable } from '../book/cells';
import { heatmapFromCells, type AxisLayout, type Heatmap, type HeatmapSpec } from '../book/heatmap';
import type { PotentialColumns } from '../engine/potential';
import type { Engine } from '../engine/engine';
import type { CategoryColumn } from '../engine/features';

export interface BookColumns {
  asOf: string;
  days: number;
  wonArr: Float64Array;
  converted: Uint8Array;
  /** Custom text fields loaded so far (`custom.NAME`). */
  fields: Map<string, CategoryColumn>;
}

export interface BookRequest {
  spec: HeatmapSpec;
  layout?: { rows?: AxisLayout; cols?: AxisLayout };
}

interface Cached {
  key: string;
  version: number;
  engine: Engine;
  potential: PotentialColumns;
  scope: Uint8Array | null;
  table: CellTable;
}

export interface BookState {
  setColumns(columns: BookColumns): void;
  columns(): BookColumns | null;
  /** Fields the cut needs that are not loaded yet (custom fields come from the backend). */
  missingFields(engine: Engine, spec: HeatmapSpec): string[];
  heatmap(engine: Engine, version: number, scope: Uint8Array | null, request: BookRequest): Heatmap;
  /** Milliseconds the last heatmap took, and whether it re-summed a kept table. */
  lastTiming(): { ms: number; rebuilt: boolean };
}

export function createBookState(): BookState {
  let columns: BookColumns | null = null;
  let cached: Cached | null = null;
  let timing = { ms: 0, rebuilt: false };

  const fieldsOf = (engine: Engine) => {
    const fields = new Map(engine.features.categories);
    for (const [k, v] of columns?.fields ?? []) fields.set(k, v);
    return fields;
  };

  return {
    setColumns(next) {
      if (columns && next.asOf === columns.asOf)
        for (const [k, v] of columns.fields) if (!next.fields.has(k)) next.fields.set(k, v);
      columns = next;
      cached = null;
    },
    columns: () => columns,
    missingFields(engine, spec) {
      const fields = fieldsOf(engine);
      return [spec.rows, spec.cols].filter(
        (f): f is string => typeof f === 'string' && f !== 'stage' && !fields.has(f),
      );
    },
    heatmap(engine, version, scope, request) {
      const started = performance.now();
      if (!columns) throw new Error('The outcome columns of the book have not been loaded.');
      const { spec } = request;
      const potential = engine.potential;
      const key = `${spec.rows}|${spec.cols ?? ''}`;
      let rebuilt = false;
      if (
        !cached ||
        cached.key !== key ||
        cached.engine !== engine ||
        cached.version !== version ||
        cached.potential !== potential ||
        cached.scope !== scope
      ) {
        const data: BookData = {
          accounts: engine.features.accounts,
          arr: engine.features.arr,
          whitespace: potential.whitespace,
          wonArr: columns.wonArr,
          converted: columns.converted,
          fields: fieldsOf(engine),
          scope,
        };
        const table = buildCellTable(
          data,
          { classOf: engine.table.of, classes: engine.table.size },
          axisCodes(spec.rows, data),
          axisCodes(spec.cols ?? null, data),
        );
        cached = { key, version, engine, potential, scope, table };
        rebuilt = true;
      }
      const heatmap = heatmapFromCells(
        cached.table,
        { stages: engine.model.stages, stageOfClass: engine.outcomes.stage, top: engine.model.top },
        spec,
        request.layout,
      );
      timing = { ms: performance.now() - started, rebuilt };
      return heatmap;
    },
    lastTiming: () => timing,
  };
}
