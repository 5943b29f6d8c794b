// Compiles a rule pack to JSON Logic (jsonlogic.com): one rule per signal, gate and filter, a rule
// per stage's score threshold, and rules for the score and the final stage, evaluable by the
// reference json-logic-js. Evaluation happens in three passes, each reading what the one before
// produced (written into the document's "evaluation" list):
//   1. signals, gates, filters  over the account:  { segment, <feature>: number | string | null, … }
//   2. score, distinct_signals, subtotals  over  { segment, signals: { id: true|false } }
//   3. stage  over  { score, distinct_signals, gates: { id: true|false }, filters: { id: true|false } }
// JSON has no NaN and JSON Logic's comparisons turn null into 0 (null < 5 is true), so every
// condition first checks its value is not null: a missing value (null, or no such key) never meets
// a condition — exactly the engine's rule — and a gate may pass on it. Numbers are applied with
// the engine's operations in the engine's order ("+" adds left to right from 0), so results match
// bit for bit.
import { isCategoryMetric, signalFeature } from '../engine/features';
import { segmentThresholds } from '../engine/bits';
import { compileScoring } from '../engine/scoring';
import { packSegments, type Operator, type Threshold } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import { inlineSeats } from '../pack/potential';
import { exprJsonLogic, normalisedNumber } from './expr-jsonlogic';
import { isSet } from '../missing';

export type Rule = null | boolean | number | string | Rule[] | { [op: string]: Rule };

const v = (path: string): Rule => ({ var: path });
const notMissing = (value: Rule): Rule => ({ '!==': [value, null] });

function test(value: Rule, operator: Operator, threshold: Threshold, category: boolean): Rule {
  const one = (t: number | string) => (category ? String(t) : t);
  switch (operator) {
    case 'between': {
      const [lo, hi] = threshold as [number, number];
      return { '<=': [lo, value, hi] };
    }
    case 'in':
      return { in: [value, (threshold as (number | string)[]).map(one)] };
    case '==':
      return { '===': [value, one(threshold as number | string)] };
    case '!=':
      return { '!==': [value, one(threshold as number | string)] };
    case '>':
    case '>=':
    case '<':
    case '<=':
      return { [operator]: [value, threshold as number] };
  }
}

const condition = (key: string, metric: string, operator: Operator, threshold: Threshold): Rule => ({
  and: [notMissing(v(key)), test(v(key), operator, threshold, isCategoryMetric(metric))],
});

/** One value per segment code (0–3, 3 = any other): an `if` on the segment where they differ. */
function bySegment(values: readonly Rule[]): Rule {
  const base = values[3]!;
  const same = (a: Rule, b: Rule) => JSON.stringify(a) === JSON.stringify(b);
  if (values.slice(0, 3).every((x) => same(x, base))) return base;
  const branches = packSegments.flatMap((s, i) =>
    same(values[i]!, base) ? [] : [{ '===': [v('segment'), s] }, values[i]!],
  );
  return { if: [...branches, base] };
}

export interface JsonLogicExport {
  format: 'ladder-jsonlogic';
  formatVersion: 1;
  pack: { name: string; version: string | null; schemaVersion: number };
  missingValues: string;
  evaluation: string[];
  /** Switched-off signals, gates and filters: their rules are kept for reference, but they report false and count for nothing. */
  switchedOff: { signals: string[]; gates: string[]; filters: string[] };
  signals: Record<string, Rule>;
  gates: Record<string, Rule>;
  filters: Record<string, Rule>;
  score: Rule;
  distinct_signals: Rule;
  subtotals: Record<string, Rule>;
  stages: Record<string, Rule>;
  stage: Rule;
  /** Whitespace, each over the account alone (null when an input is missing). */
  potential_seats: Rule;
  potential_arr: Rule;
  whitespace: Rule;
}

function potentialRules(valid: ValidPack): Pick<JsonLogicExport, 'potential_seats' | 'potential_arr' | 'whitespace'> {
  const isBool = (name: string) => valid.metrics.kindOf(name) === 'bool';
  const rule = (node: Parameters<typeof exprJsonLogic>[0]) => normalisedNumber(exprJsonLogic(node, v, isBool));
  const seats = bySegment(valid.potential.bySegment.map((p) => rule(p.seats)));
  const arr = bySegment(valid.potential.bySegment.map((p) => rule(inlineSeats(p.arr, p.seats))));
  const acc = v('accumulator');
  const cur = v('current');
  // reduce over [potential ARR] starting from the ARR paid: the body sees both, each evaluated once.
  const whitespace: Rule = {
    reduce: [
      [arr],
      {
        if: [
          { or: [{ '===': [acc, null] }, { '===': [cur, null] }] },
          null,
          { '>': [{ '-': [cur, acc] }, 0] },
          { '-': [cur, acc] },
          0,
        ],
      },
      v('arr'),
    ],
  };
  return { potential_seats: seats, potential_arr: arr, whitespace };
}

export function compileJsonLogic(valid: ValidPack): JsonLogicExport {
  const { pack } = valid;
  const model = compileScoring(pack);
  const signals = Object.fromEntries(
    pack.signals.map((s) => {
      const key = signalFeature(s).key;
      return [s.id, bySegment(segmentThresholds(s).map((t) => condition(key, s.metric, s.operator, t)))];
    }),
  );
  const gates = Object.fromEntries(
    pack.ladder.gates.map((g) => {
      const c = g.condition;
      const holds = condition(c.metric, c.metric, c.operator, c.value);
      return [g.id, g.whenMissing === 'pass' ? { or: [{ '===': [v(c.metric), null] }, holds] } : holds];
    }),
  );
  const filters = Object.fromEntries(
    pack.filters.map((f) => [
      f.id,
      {
        [f.match === 'all' ? 'and' : 'or']: f.conditions.map((c) => condition(c.metric, c.metric, c.operator, c.value)),
      },
    ]),
  );

  // Score: only switched-on signals count; "+" adds its arguments to 0 from left to right.
  const on = pack.signals.map((s, k) => ({ s, k })).filter(({ s }) => s.enabled);
  const weight = (k: number) => bySegment([0, 1, 2, 3].map((seg) => model.weight[k * 4 + seg]!));
  const term = (k: number): Rule => ({ if: [v(`signals.${pack.signals[k]!.id}`), weight(k), 0] });
  const subtotals = Object.fromEntries(
    model.categories.map((c, ci) => {
      const sum: Rule = { '+': on.filter(({ k }) => model.categoryOf[k] === ci).map(({ k }) => term(k)) };
      return [c.id, model.categorized && isSet(c.cap) ? { min: [sum, c.cap] } : sum];
    }),
  );
  let score: Rule;
  if (!model.categorized) score = { '+': on.map(({ k }) => term(k)) };
  else if (model.categories.some((c) => isSet(c.share))) {
    const parts = model.categories.map((c, ci) => {
      const maxBySegment = [0, 1, 2, 3].map((seg) => model.categoryMax[seg * model.categories.length + ci]!);
      return bySegment(
        maxBySegment.map((max): Rule => (max > 0 ? { '*': [c.share, { '/': [subtotals[c.id]!, max] }] } : 0)),
      );
    });
    score = { '*': [{ '+': parts }, 100] };
  } else score = { '+': model.categories.map((c) => subtotals[c.id]!) };
  const distinct: Rule = { '+': on.map(({ s }) => ({ if: [v(`signals.${s.id}`), 1, 0] })) };

  // Stage: by score, then gates (the first failed "assign" gate wins; "cap" gates take the lower
  // stage), then filters one after another — a reduce over [hit, appliesFrom, exclude] triples
  // whose accumulator is the stage number.
  const qualifies = (i: number): Rule => ({
    and: [
      { '>=': [v('score'), model.stages[i]!.minScore] },
      { '>=': [v('distinct_signals'), model.stages[i]!.minSignals] },
    ],
  });
  const stages = Object.fromEntries(model.scored.map((i) => [model.stages[i]!.id, qualifies(i)]));
  const desc = [...model.scored].reverse().filter((i) => i !== model.catchAll);
  const fromScore: Rule = desc.length
    ? { if: [...desc.flatMap((i) => [qualifies(i), i]), model.catchAll] }
    : model.catchAll;
  const caps = pack.ladder.gates.flatMap((g, k) =>
    model.gates[k]!.enabled && model.gates[k]!.action === 'cap'
      ? [{ if: [v(`gates.${g.id}`), 99, model.gates[k]!.stage] }]
      : [],
  );
  const capped: Rule = caps.length ? { min: [fromScore, ...caps] } : fromScore;
  const acc = v('accumulator');
  const lower: Rule = {
    if: [...model.scored.slice(1).flatMap((s, i) => [{ '===': [acc, s] }, model.scored[i]!]), model.catchAll],
  };
  const steps = pack.filters.flatMap((f, k) =>
    model.filters[k]!.enabled
      ? [[v(`filters.${f.id}`), model.filters[k]!.appliesFrom, model.filters[k]!.action === 'exclude' ? 1 : 0]]
      : [],
  );
  const filtered: Rule = steps.length
    ? {
        reduce: [
          steps,
          {
            if: [
              { and: [v('current.0'), { '>=': [acc, v('current.1')] }] },
              { if: [v('current.2'), model.catchAll, lower] },
              acc,
            ],
          },
          capped,
        ],
      }
    : capped;
  const assigns = pack.ladder.gates.flatMap((g, k) =>
    model.gates[k]!.enabled && model.gates[k]!.action === 'assign'
      ? [{ '!': v(`gates.${g.id}`) }, model.gates[k]!.stage]
      : [],
  );
  const final: Rule = assigns.length ? { if: [...assigns, filtered] } : filtered;
  const name: Rule = {
    if: [
      ...model.stages.slice(0, -1).flatMap((s, i) => [{ '===': [v('current'), i] }, s.id]),
      model.stages[model.stages.length - 1]!.id,
    ],
  };

  return {
    format: 'ladder-jsonlogic',
    formatVersion: 1,
    pack: { name: pack.name, version: pack.meta?.version ?? null, schemaVersion: pack.schemaVersion },
    missingValues:
      'A missing value is null or an absent key; it never meets a condition. Gates whose rule starts with {"or": [{"===": [value, null]}, …]} pass on it.',
    evaluation: [
      'signals.*, gates.* and filters.* over the account: {"segment": "SMB" | "Mid-Market" | "Enterprise" | other, one key per feature column (a custom field custom.x as {"custom": {"x": …}})}.',
      'score, distinct_signals and subtotals.* over {"segment": …, "signals": {"<id>": true | false}}; a switched-off signal counts for nothing.',
      'stage over {"score": …, "distinct_signals": …, "gates": {"<id>": true | false}, "filters": {"<id>": true | false}}; it returns the stage id. stages.* say whether the score alone qualifies.',
      'Signals, gates and filters listed in switchedOff are false whatever their rule says (they are kept for reference).',
      'potential_seats, potential_arr and whitespace (= max(0, potential_arr − arr)) over the account, like the signals; null when an input is missing.',
    ],
    switchedOff: {
      signals: pack.signals.filter((s) => !s.enabled).map((s) => s.id),
      gates: pack.ladder.gates.filter((g) => !g.enabled).map((g) => g.id),
      filters: pack.filters.filter((f) => !f.enabled).map((f) => f.id),
    },
    signals,
    gates,
    filters,
    score,
    distinct_signals: distinct,
    subtotals,
    stages,
    stage: { reduce: [[final], name, null] },
    ...potentialRules(valid),
  };
}

/** The account as JSON Logic reads it: dotted keys (custom.x) nested, missing numbers as null. */
export function jsonLogicAccount(
  segment: string | null,
  inputs: Record<string, number | string | null>,
): Record<string, unknown> {
  const data: Record<string, unknown> = { segment };
  for (const [key, value] of Object.entries(inputs)) {
    const clean = typeof value === 'number' && Number.isNaN(value) ? null : value;
    const dot = key.indexOf('.');
    if (dot < 0) data[key] = clean;
    else ((data[key.slice(0, dot)] ??= {}) as Record<string, unknown>)[key.slice(dot + 1)] = clean;
  }
  return data;
}
