// What the whole-model SQL has to compute for a pack, found by walking its features the way the
// engine's feature builder does (electron/backend/features/chunk-env.ts): account-level values,
// per-period inputs (with their fill rule), the distinct series window functions read, and the
// distinct window calls. Custom references are placed by the caller (from a workspace, or from an
// explicit account./period. prefix).
import type { Node } from '../../expr/ast';
import { lookupFunction } from '../../expr/functions';
import type { FillRule } from '../../domain/period-metrics';
import { requiredFeatures, isCategoryMetric, type FeatureSpec } from '../../engine/features';
import { baseMetric, customFillOf, parseCustomRef, type CustomRef } from '../../pack/catalog';
import type { ValidPack } from '../../pack/validate';
import { customColumnOf } from './schema';

type Call = Extract<Node, { kind: 'call' }>;

/** Where a custom reference reads from, and its raw column. */
export interface CustomPlace {
  where: 'account' | 'period' | 'none';
  column: string;
}

export type PlaceCustom = (ref: CustomRef, id: string) => CustomPlace;

export interface PeriodInputPlan {
  id: string;
  /** The raw periods column. */
  column: string;
  fill: FillRule;
  index: number;
}

export interface AccountValuePlan {
  index: number;
  source: { base: string } | { custom: string };
}

export interface SeriesPlan {
  index: number;
  node: Node;
  /** Period inputs the series reads (directly or through derived metrics): its history is theirs. */
  inputs: string[];
}

export interface WindowPlan {
  index: number;
  name: string;
  series: number;
  /** The constant parameters (days or periods, offset), 0 when absent. */
  p1: number;
  p2: number;
}

export interface RawPlan {
  valid: ValidPack;
  features: FeatureSpec[];
  inputs: Map<string, PeriodInputPlan>;
  /** Account-level numbers read anywhere: base account metrics (by id) and custom fields (by raw column). */
  accountValues: Map<string, AccountValuePlan>;
  /** Custom references with no data: missing everywhere. */
  absent: Set<string>;
  series: SeriesPlan[];
  windows: WindowPlan[];
  windowOf: Map<Call, WindowPlan>;
  /** Sustained-signal features (metric__minN / metric__maxN): their rolling window. */
  featureWindows: Map<string, WindowPlan>;
  /** Derived metrics evaluated per account, dependencies first. */
  derived: string[];
}

/** A tree's shape without source positions: two calls with the same text compute the same thing. */
export const shapeOf = (node: Node): string =>
  JSON.stringify(node, (key, value: unknown) => (key === 'start' || key === 'end' ? undefined : value));

export const constantArg = (call: Call, index: number): number => {
  const node = call.args[index];
  return node && node.kind === 'number' ? node.value : 0;
};

export class RawSqlError extends Error {}

export function planRaw(valid: ValidPack, placeCustom: PlaceCustom): RawPlan {
  const plan: RawPlan = {
    valid,
    features: requiredFeatures(valid),
    inputs: new Map(),
    accountValues: new Map(),
    absent: new Set(),
    series: [],
    windows: [],
    windowOf: new Map(),
    featureWindows: new Map(),
    derived: [],
  };
  const seriesByShape = new Map<string, SeriesPlan>();
  const windowByKey = new Map<string, WindowPlan>();
  const derivedSeen = new Set<string>();

  const accountValue = (id: string, source: AccountValuePlan['source']) => {
    if (!plan.accountValues.has(id)) plan.accountValues.set(id, { index: plan.accountValues.size, source });
  };
  const input = (id: string, column: string, fill: FillRule) => {
    if (!plan.inputs.has(id)) plan.inputs.set(id, { id, column, fill, index: plan.inputs.size });
  };

  /** Records what an identifier reads; returns the period inputs behind it (for series histories). */
  const leaf = (name: string): string[] => {
    const base = baseMetric(name);
    if (base) {
      if (base.source === 'users')
        throw new RawSqlError(
          `"${name}" comes from the users roster, which the whole-model SQL does not read yet: export the features relation instead.`,
        );
      if (base.level === 'period') {
        input(name, name, base.fill ?? 'missing');
        return [name];
      }
      if (base.kind !== 'category') accountValue(name, { base: name });
      return [];
    }
    const ref = parseCustomRef(name);
    if (!ref) return [];
    const place = placeCustom(ref, name);
    if (place.where === 'account') accountValue(name, { custom: place.column });
    else if (place.where === 'period') {
      input(name, place.column, customFillOf(ref.name));
      return [name];
    } else plan.absent.add(name);
    return [];
  };

  const visitSeries = (node: Node, out: Set<string>): void => {
    if (node.kind === 'ident') {
      const derived = valid.metrics.derived.get(node.name);
      if (derived) visitSeries(derived.tree, out);
      else for (const id of leaf(node.name)) out.add(id);
    } else if (node.kind === 'unary') visitSeries(node.operand, out);
    else if (node.kind === 'binary') {
      visitSeries(node.left, out);
      visitSeries(node.right, out);
    } else if (node.kind === 'call') for (const arg of node.args) visitSeries(arg, out);
  };

  const windowCall = (call: Call): WindowPlan => {
    const series = call.args[0]!;
    const shape = shapeOf(series);
    let s = seriesByShape.get(shape);
    if (!s) {
      const inputs = new Set<string>();
      visitSeries(series, inputs);
      s = { index: plan.series.length, node: series, inputs: [...inputs] };
      seriesByShape.set(shape, s);
      plan.series.push(s);
    }
    const key = `${call.name}|${s.index}|${constantArg(call, 1)}|${constantArg(call, 2)}`;
    let w = windowByKey.get(key);
    if (!w) {
      w = {
        index: plan.windows.length,
        name: call.name,
        series: s.index,
        p1: constantArg(call, 1),
        p2: constantArg(call, 2),
      };
      windowByKey.set(key, w);
      plan.windows.push(w);
    }
    plan.windowOf.set(call, w);
    return w;
  };

  const visitAccount = (node: Node): void => {
    if (node.kind === 'ident') {
      const derived = valid.metrics.derived.get(node.name);
      if (!derived) {
        leaf(node.name);
        return;
      }
      if (derivedSeen.has(node.name)) return;
      derivedSeen.add(node.name);
      visitAccount(derived.tree);
    } else if (node.kind === 'unary') visitAccount(node.operand);
    else if (node.kind === 'binary') {
      visitAccount(node.left);
      visitAccount(node.right);
    } else if (node.kind === 'call') {
      if (lookupFunction(node.name)?.kind === 'window') windowCall(node);
      else for (const arg of node.args) visitAccount(arg);
    }
  };

  const identNode = (name: string): Node => ({ kind: 'ident', name, start: 0, end: 0 });
  for (const f of plan.features) {
    if (isCategoryMetric(f.metric)) continue;
    if (f.kind === 'value') visitAccount(identNode(f.metric));
    else
      plan.featureWindows.set(
        f.key,
        windowCall({
          kind: 'call',
          name: f.kind,
          args: [identNode(f.metric), { kind: 'number', value: f.periods, start: 0, end: 0 }],
          start: 0,
          end: 0,
        }),
      );
  }
  plan.derived = valid.metrics.order.filter((id) => derivedSeen.has(id));
  return plan;
}

/** The placement of custom references without a workspace: only explicit prefixes say where. */
export const placeByPrefix: PlaceCustom = (ref, id) => {
  const column = customColumnOf(ref.name) ?? `custom_${ref.name.toLowerCase()}`;
  if (ref.scope === 'account') return { where: 'account', column };
  if (ref.scope === 'period') return { where: 'period', column };
  throw new RawSqlError(
    `"${id}" could be an account field or a per-period metric: pass a workspace so Ladder can tell, or write account.${id} or period.${id}.`,
  );
};
