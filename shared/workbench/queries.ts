// The accounts table: filter and sort a million accounts in the worker, return one page of rows.
// Sorting by score or stage goes through classes (a handful of distinct values), so it stays fast
// while weights change; ARR and name orders are computed once and reused.
import type { Engine } from '../engine/engine';
import { segmentNames, type CategoryColumn } from '../engine/features';
import { filterHit, hasBit } from '../engine/classes';
import { isSet } from '../missing';
import { inFunnelStep } from '../engine/funnel';

export type SortKey = 'name' | 'arr' | 'score' | 'stage' | 'segment' | 'owner' | 'whitespace';

export interface AccountQuery {
  sort: SortKey;
  descending: boolean;
  /** Draft stage id, baseline stage id, segment name, owner name, fired signal id, hit filter id. */
  stage?: string;
  baselineStage?: string;
  segment?: string;
  owner?: string;
  signal?: string;
  filter?: string;
  /** Values of account fields (a heatmap cell: owner × region…); null matches blank. */
  fields?: { field: string; values: (string | null)[] }[];
  /** A step of the top stage's funnel: `candidates`, `remaining`, or the id of the filter that removed them. */
  funnel?: string;
  search?: string;
  offset: number;
  limit: number;
}

export interface AccountRow {
  index: number;
  id: string;
  name: string;
  segment: string;
  owner: string;
  arr: number;
  baseline: { score: number; stage: string; movedBy: string[] };
  draft: { score: number; stage: string; movedBy: string[] };
  topSignals: string[];
  filtersHit: string[];
  /** max(0, potential ARR − ARR) under the draft's potential; null when unknown. */
  whitespace: number | null;
}

export interface AccountPage {
  total: number;
  offset: number;
  rows: AccountRow[];
}

export interface QueryContext {
  names: string[];
  lowerNames?: string[];
  arrOrder?: Int32Array;
  nameOrder?: Int32Array;
  whitespaceOrder?: { of: Float64Array; order: Int32Array };
  /** Categorical fields beyond the feature table's (custom fields loaded for the book). */
  field?: (name: string) => CategoryColumn | undefined;
}

function argsort(n: number, compare: (a: number, b: number) => number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i).sort(compare);
}

/** Accounts ordered by a per-class key (score or stage), ties in account order. */
function orderByClass(engine: Engine, key: (c: number) => number): Int32Array {
  const { table } = engine;
  const classes = Array.from({ length: table.size }, (_, c) => c).sort((a, b) => key(a) - key(b) || a - b);
  const rank = new Int32Array(table.size);
  classes.forEach((c, r) => (rank[c] = r));
  const counts = new Int32Array(table.size + 1);
  const n = engine.features.accounts;
  for (let i = 0; i < n; i++) counts[rank[table.of[i]!]! + 1]!++;
  for (let r = 1; r <= table.size; r++) counts[r]! += counts[r - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[counts[rank[table.of[i]!]!]!++] = i;
  return order;
}

function orderFor(q: AccountQuery, draft: Engine, ctx: QueryContext): Int32Array {
  const n = draft.features.accounts;
  switch (q.sort) {
    case 'arr':
      return (ctx.arrOrder ??= argsort(
        n,
        (a, b) => (draft.features.arr[a]! || 0) - (draft.features.arr[b]! || 0) || a - b,
      ));
    case 'name':
      return (ctx.nameOrder ??= argsort(n, (a, b) =>
        ctx.names[a]! < ctx.names[b]! ? -1 : ctx.names[a]! > ctx.names[b]! ? 1 : a - b,
      ));
    case 'score':
      return orderByClass(draft, (c) => draft.outcomes.score[c]!);
    case 'stage':
      return orderByClass(draft, (c) => draft.outcomes.stage[c]! * 1e9 + draft.outcomes.score[c]!);
    case 'segment':
      return argsort(n, (a, b) => draft.features.segment[a]! - draft.features.segment[b]! || a - b);
    case 'whitespace': {
      const ws = draft.potential.whitespace;
      if (ctx.whitespaceOrder?.of !== ws) {
        // Unknown whitespace sorts below every known amount.
        const key = (i: number) => (isSet(ws[i]!) ? ws[i]! : -1);
        ctx.whitespaceOrder = { of: ws, order: argsort(n, (a, b) => key(a) - key(b) || a - b) };
      }
      return ctx.whitespaceOrder.order;
    }
    case 'owner': {
      const owner = draft.features.categories.get('owner_csm');
      const names = owner?.dictionary ?? [];
      return argsort(
        n,
        (a, b) => (names[owner?.codes[a] ?? -1] ?? '').localeCompare(names[owner?.codes[b] ?? -1] ?? '') || a - b,
      );
    }
  }
}

function accepts(q: AccountQuery, baseline: Engine, draft: Engine, ctx: QueryContext): (i: number) => boolean {
  const tests: ((i: number) => boolean)[] = [];
  const stageIndex = (e: Engine, id: string) => e.model.stages.findIndex((s) => s.id === id);
  if (q.stage) {
    const s = stageIndex(draft, q.stage);
    tests.push((i) => draft.outcomes.stage[draft.table.of[i]!] === s);
  }
  if (q.baselineStage) {
    const s = stageIndex(baseline, q.baselineStage);
    tests.push((i) => baseline.outcomes.stage[baseline.table.of[i]!] === s);
  }
  if (q.segment) {
    const code = segmentNames.indexOf(q.segment as (typeof segmentNames)[number]);
    tests.push((i) => draft.features.segment[i] === code);
  }
  if (q.owner) {
    const owner = draft.features.categories.get('owner_csm');
    const code = owner?.dictionary.indexOf(q.owner) ?? -1;
    tests.push((i) => owner?.codes[i] === code);
  }
  if (q.signal) {
    const s = draft.pack.signals.findIndex((x) => x.id === q.signal);
    tests.push((i) => s >= 0 && draft.pack.signals[s]!.enabled && hasBit(draft.table.mask[draft.table.of[i]!]!, s));
  }
  if (q.filter) {
    const f = draft.pack.filters.findIndex((x) => x.id === q.filter);
    tests.push(
      (i) => f >= 0 && draft.pack.filters[f]!.enabled && filterHit(draft.table.context[draft.table.of[i]!]!, f),
    );
  }
  for (const f of q.fields ?? []) {
    const column = draft.features.categories.get(f.field) ?? ctx.field?.(f.field);
    const wanted = new Set(f.values.map((v) => (v === null ? -1 : (column?.dictionary.indexOf(v) ?? -2))));
    wanted.delete(-2);
    tests.push((i) => column !== undefined && wanted.has(column.codes[i]!));
  }
  if (q.funnel) {
    const step = q.funnel;
    const ids = draft.pack.filters.map((f) => f.id);
    tests.push((i) => inFunnelStep(step, ids, draft.model, draft.outcomes, draft.table.of[i]!));
  }
  if (q.search && q.search.trim()) {
    const needle = q.search.trim().toLowerCase();
    const lower = (ctx.lowerNames ??= ctx.names.map((s) => s.toLowerCase()));
    tests.push((i) => lower[i]!.includes(needle) || draft.features.accountIds[i]!.toLowerCase().includes(needle));
  }
  return (i) => tests.every((t) => t(i));
}

/** The gates and filters that moved a class away from the stage its score alone gives ("Gate: …"). */
function movedBy(engine: Engine, c: number): string[] {
  const { outcomes, pack } = engine;
  if (outcomes.stage[c] === outcomes.baseStage[c]) return [];
  const gates = pack.ladder.gates.filter((_, k) => hasBit(outcomes.failedGates[c]!, k)).map((g) => `Gate: ${g.label}`);
  const filters = pack.filters
    .filter((_, k) => hasBit(outcomes.appliedFilters[c]!, k))
    .map((f) => `Filter: ${f.label}`);
  return [...gates, ...filters];
}

function rowOf(i: number, baseline: Engine, draft: Engine, ctx: QueryContext): AccountRow {
  const cd = draft.table.of[i]!;
  const cb = baseline.table.of[i]!;
  const mask = draft.table.mask[cd]!;
  const context = draft.table.context[cd]!;
  const owner = draft.features.categories.get('owner_csm');
  const code = owner?.codes[i] ?? -1;
  const signals = draft.pack.signals
    .map((s, k) => ({ s, k }))
    .filter(({ s, k }) => s.enabled && hasBit(mask, k))
    .sort(
      (a, b) =>
        draft.model.weight[b.k * 4 + draft.features.segment[i]!]! -
        draft.model.weight[a.k * 4 + draft.features.segment[i]!]!,
    )
    .map(({ s }) => s.label);
  return {
    index: i,
    id: draft.features.accountIds[i]!,
    name: ctx.names[i]!,
    segment: segmentNames[draft.features.segment[i]!]!,
    owner: code >= 0 ? owner!.dictionary[code]! : '',
    arr: draft.features.arr[i]!,
    baseline: {
      score: baseline.outcomes.score[cb]!,
      stage: baseline.model.stages[baseline.outcomes.stage[cb]!]!.id,
      movedBy: movedBy(baseline, cb),
    },
    draft: {
      score: draft.outcomes.score[cd]!,
      stage: draft.model.stages[draft.outcomes.stage[cd]!]!.id,
      movedBy: movedBy(draft, cd),
    },
    topSignals: signals.slice(0, 3),
    filtersHit: draft.pack.filters.filter((f, k) => f.enabled && filterHit(context, k)).map((f) => f.label),
    whitespace: isSet(draft.potential.whitespace[i]!) ? draft.potential.whitespace[i]! : null,
  };
}

/** The accounts matching the query, in display order (cache it while the models do not change). */
export function matchingAccounts(q: AccountQuery, baseline: Engine, draft: Engine, ctx: QueryContext): Int32Array {
  const order = orderFor(q, draft, ctx);
  const test = accepts(q, baseline, draft, ctx);
  const n = order.length;
  const out = new Int32Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const i = order[q.descending ? n - 1 - r : r]!;
    if (test(i)) out[total++] = i;
  }
  return out.slice(0, total);
}

export function pageOf(
  matching: Int32Array,
  q: Pick<AccountQuery, 'offset' | 'limit'>,
  baseline: Engine,
  draft: Engine,
  ctx: QueryContext,
): AccountPage {
  const rows = Array.from(matching.subarray(q.offset, q.offset + q.limit), (i) => rowOf(i, baseline, draft, ctx));
  return { total: matching.length, offset: q.offset, rows };
}

/** Cache key of a query's matching set: everything but the page window. */
export const queryKey = ({ offset: _o, limit: _l, ...rest }: AccountQuery) => JSON.stringify(rest);
