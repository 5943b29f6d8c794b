// Resolves every metric a pack can use — base metrics, custom fields and the pack's derived
// metrics — and checks the derived ones: parse, types, unknown names, cycles. The result lists the
// derived metrics in an order where each comes after the metrics it uses.
import { ExprError, describeSpan } from '../expr/ast';
import { checkExpression, type CheckedExpr, type IdentifierInfo } from '../expr/check';
import { parse } from '../expr/parser';
import { baseMetric, parseCustomRef, type MetricKind } from './catalog';
import type { DerivedMetric } from './schema';

export interface ResolvedMetrics {
  kindOf(id: string): MetricKind | undefined;
  /** True when the metric has a value per period (base period metrics, and derived metrics without windows). */
  isPeriodExpressible(id: string): boolean;
  derived: Map<string, CheckedExpr>;
  /** Derived metric ids, dependencies first. */
  order: string[];
}

export interface MetricIssue {
  index: number;
  message: string;
}

export function resolveMetrics(defs: readonly DerivedMetric[]): { resolved: ResolvedMetrics; issues: MetricIssue[] } {
  const issues: MetricIssue[] = [];
  const defsById = new Map<string, { def: DerivedMetric; index: number }>();
  defs.forEach((def, index) => {
    if (baseMetric(def.id))
      issues.push({ index, message: `"${def.id}" is already a built-in metric; choose another id.` });
    else if (defsById.has(def.id)) issues.push({ index, message: `The metric id "${def.id}" is used twice.` });
    else defsById.set(def.id, { def, index });
  });

  const checked = new Map<string, CheckedExpr>();
  const state = new Map<string, 'visiting' | 'done' | 'failed'>();
  const order: string[] = [];

  const info = (name: string, from: string): IdentifierInfo | undefined => {
    const base = baseMetric(name);
    if (base)
      return base.kind === 'category'
        ? undefined
        : { type: base.kind === 'bool' ? 'number' : 'number', level: base.level };
    const custom = parseCustomRef(name);
    // `custom.NAME` may turn out to be a per-period metric, so it is allowed wherever one is.
    if (custom) return { type: 'number', level: custom.scope === 'account' ? 'account' : 'period' };
    if (!defsById.has(name)) return undefined;
    const dep = visit(name, from);
    if (!dep) throw new ExprError(`"${name}" could not be computed (see its own error).`, { start: 0, end: 0 });
    return { type: dep.type, level: dep.periodExpressible ? 'period' : 'account', windowed: !dep.periodExpressible };
  };

  function visit(id: string, from?: string): CheckedExpr | undefined {
    const status = state.get(id);
    if (status === 'done') return checked.get(id);
    if (status === 'failed') return undefined;
    const entry = defsById.get(id)!;
    if (status === 'visiting') {
      issues.push({
        index: entry.index,
        message: `Metric "${id}" depends on itself${from ? ` through "${from}"` : ''}.`,
      });
      state.set(id, 'failed');
      return undefined;
    }
    state.set(id, 'visiting');
    try {
      const tree = parse(entry.def.expr);
      const result = checkExpression(tree, (name) => info(name, id));
      if (state.get(id) === 'failed') return undefined;
      checked.set(id, result);
      state.set(id, 'done');
      order.push(id);
      return result;
    } catch (error) {
      if (!(error instanceof ExprError)) throw error;
      if (state.get(id) !== 'failed') {
        const where = error.span.end > 0 ? ` (at ${describeSpan(entry.def.expr, error.span)})` : '';
        issues.push({ index: entry.index, message: `${error.message}${where}` });
      }
      state.set(id, 'failed');
      return undefined;
    }
  }
  for (const id of defsById.keys()) visit(id);

  const kindOf = (id: string): MetricKind | undefined => {
    const base = baseMetric(id);
    if (base) return base.kind;
    if (parseCustomRef(id)) return 'number';
    const derived = checked.get(id);
    if (!derived) return undefined;
    return derived.type === 'bool' ? 'bool' : 'number';
  };
  const isPeriodExpressible = (id: string) => {
    const base = baseMetric(id);
    if (base) return base.level === 'period';
    const custom = parseCustomRef(id);
    if (custom) return custom.scope !== 'account';
    return checked.get(id)?.periodExpressible ?? false;
  };
  return { resolved: { kindOf, isPeriodExpressible, derived: checked, order }, issues };
}
