// Compiles a rule pack to the source text of a dependency-free JavaScript ES module:
//   import { score } from './pack.mjs';
//   score({ segment: 'SMB', seat_utilisation: 0.93, ... }) → { score, stage, signals, filters, subtotals }
// The module holds the pack's numbers as constants, one small function per condition, and a fixed
// runtime that is a line-by-line copy of the engine's scoring (shared/engine/scoring.ts), so every
// double comes out identical. Nothing here evaluates text as code; the output is plain source.
import { isCategoryMetric, signalFeature } from '../engine/features';
import { segmentThresholds } from '../engine/bits';
import { compileScoring } from '../engine/scoring';
import type { Operator, Threshold } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import { potentialSeatsName } from '../pack/potential';
import { exprJs, exprRuntime } from './expr-js';
import { isSet } from '../missing';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const lineComment = (text: string) => `// ${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')}`;
const lit = (v: unknown) => JSON.stringify(v);
const numberLit = (v: number) => (Object.is(v, -0) ? '0' : String(v));

/** A JS boolean expression over `x`, already read as a number (NaN when missing) or a category (null when missing). */
function condition(operator: Operator, value: Threshold, category: boolean): string {
  const one = (v: number | string) => (category ? lit(String(v)) : numberLit(v as number));
  const guard = category ? 'x !== null && ' : '';
  switch (operator) {
    case 'between': {
      const [lo, hi] = value as [number, number];
      return `x >= ${one(lo)} && x <= ${one(hi)}`;
    }
    case 'in':
      return `${guard}(${(value as (number | string)[]).map((v) => `x === ${one(v)}`).join(' || ')})`;
    case '==':
      return `${guard}x === ${one(value as number | string)}`;
    case '!=':
      // NaN !== t is true in JavaScript, so a missing number is ruled out first (x === x).
      return category ? `${guard}x !== ${one(value as string)}` : `x === x && x !== ${one(value as number)}`;
    case '>':
    case '>=':
    case '<':
    case '<=':
      return `x ${operator} ${one(value as number)}`;
  }
}

const reader = (key: string, metric: string) =>
  isCategoryMetric(metric) ? `text(a, ${lit(key === 'segment' ? 'segment' : key)})` : `num(a, ${lit(key)})`;

export function compileJsModule(valid: ValidPack): string {
  const { pack } = valid;
  const model = compileScoring(pack);
  const signalFns = pack.signals.map((s) => {
    const f = signalFeature(s);
    const per = segmentThresholds(s).map((t) => condition(s.operator, t, isCategoryMetric(s.metric)));
    const body = per.slice(0, 3).every((p) => p === per[3])
      ? per[3]!
      : `seg === 0 ? ${per[0]} : seg === 1 ? ${per[1]} : seg === 2 ? ${per[2]} : ${per[3]}`;
    return `  ${lineComment(`${s.id}: ${s.label}`)}\n  (a, seg) => { const x = ${reader(f.key, s.metric)}; return ${body}; },`;
  });
  const gateFns = pack.ladder.gates.map((g) => {
    const c = g.condition;
    const cond = condition(c.operator, c.value, isCategoryMetric(c.metric));
    const missing = isCategoryMetric(c.metric) ? 'x === null' : 'x !== x';
    return `  ${lineComment(`${g.id}: ${g.label} (true = passes)`)}\n  (a) => { const x = ${reader(c.metric, c.metric)}; return ${g.whenMissing === 'pass' ? `${missing} || (${cond})` : cond}; },`;
  });
  const filterFns = pack.filters.map((f) => {
    const parts = f.conditions.map(
      (c) => `((x) => ${condition(c.operator, c.value, isCategoryMetric(c.metric))})(${reader(c.metric, c.metric)})`,
    );
    return `  ${lineComment(`${f.id}: ${f.label}`)}\n  (a) => ${parts.join(f.match === 'all' ? ' && ' : ' || ')},`;
  });
  const potentialFns = valid.potential.bySegment.map((v, seg) => {
    const read = (name: string) => (name === potentialSeatsName ? 'seats' : `num(a, ${lit(name)})`);
    const name = ['SMB', 'Mid-Market', 'Enterprise', 'any other segment'][seg]!;
    return `  ${lineComment(`${name}: seats = ${v.seatsText}; ARR = ${v.arrText}`)}
  (a) => { const seats = ${exprJs(v.seats, read)}; return [seats + 0, ${exprJs(v.arr, read)} + 0]; },`;
  });
  const signals = pack.signals.map((s, k) => ({
    id: s.id,
    enabled: s.enabled,
    category: model.categoryOf[k],
    weight: [0, 1, 2, 3].map((seg) => model.weight[k * 4 + seg]),
  }));
  const categories = model.categories.map((c, ci) => ({
    id: c.id,
    share: isSet(c.share) ? c.share : null,
    cap: isSet(c.cap) ? c.cap : null,
    max: [0, 1, 2, 3].map((seg) => model.categoryMax[seg * model.categories.length + ci]),
  }));
  const version = pack.meta?.version ? ` version ${pack.meta.version}` : '';
  return `${lineComment(`Ladder rule pack "${pack.name}"${version} (pack schema ${pack.schemaVersion}) as a dependency-free ES module.`)}
// score(account) → { score, stage, signals, filters, subtotals, potential: { seats, arr }, whitespace }.
// Whitespace = max(0, potential ARR − ARR); potential values and whitespace are null when unknown.
// The account is an object with
// "segment" ("SMB", "Mid-Market", "Enterprise"; anything else uses the default thresholds and
// weights) and one property per feature column of the features relation (\`ladder export features\`).
// Numbers must be numbers; null, undefined, NaN or any other type is missing, and a missing value
// never meets a condition (a gate may pass on it). Generated by Ladder: change the pack, not this file.

export const pack = ${lit({ name: pack.name, version: pack.meta?.version ?? null, stages: model.stages.map((s) => s.id), signals: pack.signals.map((s) => s.id), filters: pack.filters.map((f) => f.id) })};

const SIGNALS = ${lit(signals)};
const CATEGORIES = ${lit(categories)};
const CATEGORIZED = ${model.categorized};
const STAGES = ${lit(model.stages.map((s) => ({ id: s.id, minScore: s.minScore, minSignals: s.minSignals })))};
const SCORED = ${lit(model.scored)};
const GATES = ${lit(model.gates)};
const FILTERS = ${lit(model.filters)};

const own = (a, key) => (Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined);
const num = (a, key) => { const v = own(a, key); return typeof v === 'number' ? v : NaN; };
const text = (a, key) => { const v = own(a, key); return typeof v === 'string' && v !== '' ? v : null; };
const segmentCode = (s) => (s === 'SMB' ? 0 : s === 'Mid-Market' ? 1 : s === 'Enterprise' ? 2 : 3);

const signalTests = [
${signalFns.join('\n')}
];
const gateTests = [
${gateFns.join('\n')}
];
const filterTests = [
${filterFns.join('\n')}
];

// Whitespace: potential seats and ARR per segment (SMB, Mid-Market, Enterprise, other), as the engine computes them.
${exprRuntime}
const potentialBySegment = [
${potentialFns.join('\n')}
];
const orNull = (x) => (x === x ? x : null);
function whitespaceOf(potential, paid) {
  if (potential !== potential || paid !== paid) return NaN;
  return potential - paid > 0 ? potential - paid : 0;
}

// The same steps, in the same order, as Ladder's engine.
function scoreOf(fired, seg, subtotal) {
  const k = CATEGORIES.length;
  if (!CATEGORIZED) {
    let score = 0;
    for (let s = 0; s < SIGNALS.length; s++) {
      const w = SIGNALS[s].enabled && fired[s] ? SIGNALS[s].weight[seg] : 0;
      score += w;
      subtotal[SIGNALS[s].category] += w;
    }
    return score;
  }
  for (let s = 0; s < SIGNALS.length; s++) {
    if (SIGNALS[s].enabled && fired[s]) subtotal[SIGNALS[s].category] += SIGNALS[s].weight[seg];
  }
  let score = 0;
  for (let c = 0; c < k; c++) {
    // max: the most the category can add for the segment (its positive weights, capped).
    const { share, cap, max } = CATEGORIES[c];
    if (cap !== null) subtotal[c] = Math.min(subtotal[c], cap);
    if (share !== null) score += max[seg] > 0 ? share * (subtotal[c] / max[seg]) : 0;
    else score += subtotal[c];
  }
  return CATEGORIES.some((c) => c.share !== null) ? score * 100 : score;
}

function lowerScoredStage(stage) {
  const at = SCORED.indexOf(stage);
  return at > 0 ? SCORED[at - 1] : SCORED[0];
}

export function score(account) {
  const a = account !== null && typeof account === 'object' ? account : {};
  const seg = segmentCode(own(a, 'segment'));
  const fired = signalTests.map((test) => test(a, seg));
  const hits = filterTests.map((test) => test(a));
  const subtotal = new Array(CATEGORIES.length).fill(0);
  const value = scoreOf(fired, seg, subtotal);
  const [potentialSeats, potentialArr] = potentialBySegment[seg](a);
  let distinct = 0;
  for (let s = 0; s < SIGNALS.length; s++) if (SIGNALS[s].enabled && fired[s]) distinct++;
  let stage = SCORED[0];
  for (const i of SCORED) if (value >= STAGES[i].minScore && distinct >= STAGES[i].minSignals) stage = i;
  let assigned = false;
  GATES.forEach((g, gi) => {
    if (!g.enabled || assigned || gateTests[gi](a)) return;
    if (g.action === 'assign') {
      stage = g.stage;
      assigned = true;
    } else if (stage > g.stage) stage = g.stage;
  });
  if (!assigned) {
    FILTERS.forEach((f, fi) => {
      if (!f.enabled || !hits[fi] || stage < f.appliesFrom) return;
      stage = f.action === 'exclude' ? SCORED[0] : lowerScoredStage(stage);
    });
  }
  return {
    score: value,
    stage: STAGES[stage].id,
    signals: Object.fromEntries(SIGNALS.map((s, i) => [s.id, s.enabled && fired[i]])),
    filters: Object.fromEntries(FILTERS.map((f, i) => [pack.filters[i], f.enabled && hits[i]])),
    subtotals: Object.fromEntries(CATEGORIES.map((c, i) => [c.id, subtotal[i]])),
    potential: { seats: orNull(potentialSeats), arr: orNull(potentialArr) },
    whitespace: orNull(whitespaceOf(potentialArr, num(a, 'arr'))),
  };
}
`;
}
