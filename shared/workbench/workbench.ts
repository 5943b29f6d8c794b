// Everything the engine worker does, as plain functions over state, so it can be tested in Node:
// hold the feature columns, one engine per named slot (baseline, draft, comparisons), and answer
// snapshots, movers, account pages, explanations and column statistics.
import type { FeaturePayload } from '../engine/arrow-features';
import { createEngine, type EditKind, type Engine } from '../engine/engine';
import type { ModelResult } from '../engine/aggregate';
import { explainAccount, type Explanation } from '../engine/explain';
import { checkPack, type PackIssue, type ValidPack } from '../pack/validate';
import { addColumns, createColumnStore, missingSignatures, tableFor, type ColumnStore } from './columns';
import { buildPairs, enginesMovers, type MoversMatrix, type PairSummary } from './movers';
import { classKey, summarize, type ClassSummary } from './class-summary';
import { matchingAccounts, pageOf, queryKey, type AccountPage, type AccountQuery, type QueryContext } from './queries';
import { columnStats, type ColumnStats } from './stats';
import { ownerMask, scopedClassTable, scopedResult } from './scope';
import { createBookState, type BookColumns, type BookRequest } from './book';
import type { Heatmap } from '../book/heatmap';
import type { ClassTable } from '../engine/classes';

export type SetPackResult =
  | { status: 'ok'; kind: EditKind | 'new'; ms: number }
  | { status: 'invalid'; issues: PackIssue[] }
  | { status: 'needs-columns'; signatures: string[] };

interface Slot {
  valid: ValidPack;
  engine: Engine;
  /** Bumped whenever account-to-class assignment changes (pairs must be rebuilt). */
  version: number;
}

export interface ClassesSnapshot {
  from: ClassSummary;
  to: ClassSummary;
  pairs: PairSummary;
  /** classKey of the second slot's pack: edits keeping it can be recomputed from these classes. */
  key: string;
}

export interface Workbench {
  readonly accounts: number;
  readonly asOf: string | null;
  load(payload: FeaturePayload): void;
  addColumns(payload: FeaturePayload): void;
  heldSignatures(): string[];
  setPack(slot: string, pack: unknown): SetPackResult;
  hasSlot(slot: string): boolean;
  result(slot: string): ModelResult;
  movers(from: string, to: string): MoversMatrix;
  /** Classes of two slots and their pairs, for the UI's same-frame recomputation. */
  classes(from: string, to: string): ClassesSnapshot;
  query(baseline: string, draft: string, q: AccountQuery): AccountPage;
  /** Account ids of every account the query matches, in display order. */
  matchingIds(baseline: string, draft: string, q: AccountQuery): string[];
  explain(slot: string, index: number): Explanation;
  stats(slot: string, featureKey: string): ColumnStats;
  /** My book: count only this owner's accounts everywhere (null: the whole book). */
  setScope(owner: string | null): void;
  readonly scope: string | null;
  /** The book's outcome columns and custom fields, from the backend. */
  setBookColumns(columns: BookColumns): void;
  /** Fields a heatmap cut needs that the worker does not hold yet. */
  missingBookFields(slot: string, request: BookRequest): string[];
  heatmap(slot: string, request: BookRequest): Heatmap;
  /** Time of the last heatmap (ms) and whether it rebuilt its class × dimension table. */
  heatmapTiming(): { ms: number; rebuilt: boolean };
}

export function createWorkbench(): Workbench {
  let store: ColumnStore | null = null;
  const slots = new Map<string, Slot>();
  const pairs = new Map<string, { key: string; pairs: PairSummary }>();
  const ctx: QueryContext = { names: [] };
  const orders = new Map<string, Int32Array>();
  let scope: { owner: string; mask: Uint8Array } | null = null;
  const book = createBookState();
  /** Scoped class tables per slot, kept while the slot's classes stay. */
  const scoped = new Map<string, { version: number; engine: unknown; owner: string; table: ClassTable }>();
  const scopedTable = (name: string): ClassTable | null => {
    if (!scope) return null;
    const slot = slotOf(name);
    const hit = scoped.get(name);
    if (hit && hit.version === slot.version && hit.engine === slot.engine && hit.owner === scope.owner)
      return hit.table;
    const table = scopedClassTable(slot.engine, scope.mask);
    scoped.set(name, { version: slot.version, engine: slot.engine, owner: scope.owner, table });
    return table;
  };

  const slotOf = (name: string) => {
    const slot = slots.get(name);
    if (!slot) throw new Error(`No model is loaded in "${name}".`);
    return slot;
  };
  const pairsOf = (from: string, to: string): PairSummary => {
    const a = slotOf(from);
    const b = slotOf(to);
    const key = `${from}:${a.version}|${to}:${b.version}|${scope?.owner ?? ''}`;
    let entry = pairs.get(`${from}|${to}`);
    if (!entry || entry.key !== key) {
      entry = { key, pairs: buildPairs(a.engine, b.engine, scope?.mask ?? null) };
      pairs.set(`${from}|${to}`, entry);
    }
    return entry.pairs;
  };
  const matchingOf = (baseline: string, draft: string, query: AccountQuery): Int32Array => {
    // My book narrows every list; a filter on another owner then matches nobody.
    const q = scope && query.owner === undefined ? { ...query, owner: scope.owner } : query;
    const key = `${baseline}|${draft}|${queryKey(q)}|${scope && q.owner !== scope.owner ? 'none' : ''}`;
    let matching = orders.get(key);
    if (!matching) {
      matching =
        scope && q.owner !== scope.owner
          ? new Int32Array(0)
          : matchingAccounts(q, slotOf(baseline).engine, slotOf(draft).engine, ctx);
      if (orders.size > 16) orders.clear();
      orders.set(key, matching);
    }
    return matching;
  };
  const requireStore = () => {
    if (!store) throw new Error('No feature table is loaded yet.');
    return store;
  };

  const workbench: Workbench = {
    get accounts() {
      return store?.base.accounts ?? 0;
    },
    get asOf() {
      return store?.asOf ?? null;
    },
    load(payload) {
      store = createColumnStore(payload);
      slots.clear();
      pairs.clear();
      orders.clear();
      ctx.names = store.base.names;
      scoped.clear();
      if (scope)
        scope = {
          owner: scope.owner,
          mask: ownerMask(store.base.categories.get('owner_csm'), scope.owner, store.base.accounts),
        };
      ctx.lowerNames = undefined;
      ctx.arrOrder = undefined;
      ctx.nameOrder = undefined;
      ctx.whitespaceOrder = undefined;
      ctx.field = (name) => book.columns()?.fields.get(name);
    },
    addColumns(payload) {
      addColumns(requireStore(), payload);
    },
    heldSignatures: () => [...(store?.bySignature.keys() ?? [])],
    setPack(name, pack) {
      const s = requireStore();
      const checked = checkPack(pack);
      if (!checked.ok) return { status: 'invalid', issues: checked.issues };
      const missing = missingSignatures(s, checked.value);
      if (missing.length > 0) return { status: 'needs-columns', signatures: missing };
      const started = performance.now();
      const current = slots.get(name);
      let kind: EditKind | 'new';
      if (!current) {
        const engine = createEngine(tableFor(s, checked.value), checked.value);
        slots.set(name, { valid: checked.value, engine, version: 1 });
        kind = 'new';
      } else {
        kind = current.engine.update(checked.value, tableFor(s, checked.value, current.engine.features));
        current.valid = checked.value;
        if (kind === 'rescan' || kind === 'rebuild') current.version++;
      }
      orders.clear();
      return { status: 'ok', kind, ms: performance.now() - started };
    },
    hasSlot: (name) => slots.has(name),
    result(name) {
      const table = scopedTable(name);
      return table ? scopedResult(slotOf(name).engine, table) : slotOf(name).engine.result;
    },
    movers(from, to) {
      return enginesMovers(slotOf(from).engine, slotOf(to).engine, pairsOf(from, to));
    },
    classes(from, to) {
      const b = slotOf(to);
      const counted = (name: string, engine: Engine) => scopedTable(name) ?? engine.table;
      return {
        from: summarize(slotOf(from).engine, counted(from, slotOf(from).engine)),
        to: summarize(b.engine, counted(to, b.engine)),
        pairs: pairsOf(from, to),
        key: classKey(b.valid),
      };
    },
    query(baseline, draft, q) {
      return pageOf(matchingOf(baseline, draft, q), q, slotOf(baseline).engine, slotOf(draft).engine, ctx);
    },
    matchingIds(baseline, draft, q) {
      const ids = slotOf(draft).engine.features.accountIds;
      return Array.from(matchingOf(baseline, draft, q), (i) => ids[i]!);
    },
    explain: (name, index) => explainAccount(slotOf(name).engine, index),
    get scope() {
      return scope?.owner ?? null;
    },
    setScope(owner) {
      if ((scope?.owner ?? null) === owner) return;
      scope =
        owner === null || !store
          ? owner === null
            ? null
            : { owner, mask: new Uint8Array(0) }
          : { owner, mask: ownerMask(store.base.categories.get('owner_csm'), owner, store.base.accounts) };
      scoped.clear();
      orders.clear();
    },
    setBookColumns(columns) {
      if (columns.wonArr.length !== (store?.base.accounts ?? -1))
        throw new Error('These book columns belong to another feature table.');
      book.setColumns(columns);
    },
    missingBookFields: (name, request) => book.missingFields(slotOf(name).engine, request.spec),
    heatmap(name, request) {
      const slot = slotOf(name);
      return book.heatmap(slot.engine, slot.version, scope?.mask ?? null, request);
    },
    heatmapTiming: () => book.lastTiming(),
    stats(name, key) {
      const column = slotOf(name).engine.features.columns.get(key);
      if (!column) throw new Error(`No feature "${key}" in this model.`);
      return columnStats(column);
    },
  };
  return workbench;
}
