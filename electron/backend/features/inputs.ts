// What a pack's features read from the workspace: per-period inputs (canonical period metrics and
// custom period metrics), account custom fields, and custom names the workspace has nowhere. Each
// `custom.NAME` is resolved against the workspace here (see custom-fields.ts).
import type { Node } from '#shared/expr/ast';
import type { HistoryStart } from '#shared/expr/window';
import { baseMetric, customFillOf, parseCustomRef } from '#shared/pack/catalog';
import type { ValidPack } from '#shared/pack/validate';
import type { Db } from '../store/sqlite';
import { resolveCustomSource } from './custom-fields';
import { laterStart, type WorkspaceHistory } from './history';
import type { PeriodInput } from './periods';

export interface FeatureInputs {
  period: PeriodInput[];
  /** Account custom fields: reference id → stored key. */
  accountCustom: Map<string, string>;
  /** Custom references the workspace has no data for: they read as missing. */
  absent: Set<string>;
}

/** Inputs that the given metrics read, directly or through derived metrics. */
export function planInputs(db: Db, valid: ValidPack, metrics: Iterable<string>, asOf: string): FeatureInputs {
  const inputs: FeatureInputs = { period: [], accountCustom: new Map(), absent: new Set() };
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const base = baseMetric(id);
    if (base?.level === 'period') inputs.period.push({ id, source: { column: id }, fill: base.fill ?? 'missing' });
    const custom = base ? undefined : parseCustomRef(id);
    if (custom) {
      const source = resolveCustomSource(db, custom, asOf);
      if (source.where === 'period')
        inputs.period.push({ id, source: { customKey: source.key }, fill: customFillOf(custom.name) });
      else if (source.where === 'account') inputs.accountCustom.set(id, source.key);
      else inputs.absent.add(id);
    }
    const derived = valid.metrics.derived.get(id);
    if (derived) for (const ref of derived.refs) visit(ref);
  };
  for (const m of metrics) visit(m);
  return inputs;
}

/**
 * The history a window's series has: the latest of its period inputs' histories (a series of
 * account-level values only has the workspace's). Derived metrics are followed to their inputs.
 */
export function historyOfSeries(valid: ValidPack, history: WorkspaceHistory): (series: Node) => HistoryStart {
  const ofMetric = new Map<string, HistoryStart | null>();
  const metricHistory = (id: string): HistoryStart | null => {
    if (ofMetric.has(id)) return ofMetric.get(id)!;
    ofMetric.set(id, null); // derived metrics are acyclic (validated); this only guards the recursion
    let result: HistoryStart | null = history.byInput.get(id) ?? null;
    const derived = valid.metrics.derived.get(id);
    if (derived) result = combine([...derived.refs].map(metricHistory));
    ofMetric.set(id, result);
    return result;
  };
  const combine = (parts: (HistoryStart | null)[]): HistoryStart | null =>
    parts.reduce<HistoryStart | null>((acc, h) => (h === null ? acc : acc === null ? h : laterStart(acc, h)), null);
  const idents = (node: Node, out: Set<string>): Set<string> => {
    if (node.kind === 'ident') out.add(node.name);
    else if (node.kind === 'unary') idents(node.operand, out);
    else if (node.kind === 'binary') {
      idents(node.left, out);
      idents(node.right, out);
    } else if (node.kind === 'call') for (const arg of node.args) idents(arg, out);
    return out;
  };
  return (series) => combine([...idents(series, new Set())].map(metricHistory)) ?? history.any;
}
