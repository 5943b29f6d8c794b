// Compiles a rule pack to one SELECT over the features relation (one row per account: account_id,
// segment, then one column per feature the pack reads) returning the scored-accounts columns plus
// category subtotals. Every step mirrors the engine, in the same order of operations, so results
// are identical: conditions as 0/1, weights summed in pack order, stages from highest to lowest,
// gates then filters applied one after another.
import { requiredFeatures, signalFeature, isCategoryMetric } from '../engine/features';
import { segmentThresholds } from '../engine/bits';
import { compileScoring } from '../engine/scoring';
import { packSegments, type Operator, type Threshold } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import { dialects, type Dialect, type SqlDialect } from './sql-dialect';

export interface SqlOptions {
  dialect: SqlDialect;
  /** Name of the input relation (default ladder_features). */
  table?: string;
}

export const defaultFeaturesTable = 'ladder_features';

function comparison(d: Dialect, column: string, metric: string, operator: Operator, value: Threshold): string {
  const lit = (v: number | string) => (typeof v === 'string' || isCategoryMetric(metric) ? d.string(String(v)) : d.number(v));
  switch (operator) {
    case 'between': {
      const [lo, hi] = value as [number, number];
      return `${column} >= ${lit(lo)} AND ${column} <= ${lit(hi)}`;
    }
    case 'in':
      return `${column} IN (${(value as (number | string)[]).map(lit).join(', ')})`;
    case '==':
      return `${column} = ${lit(value as number | string)}`;
    case '!=':
      return `${column} <> ${lit(value as number | string)}`;
    default:
      return `${column} ${operator} ${lit(value as number)}`;
  }
}

/** A value that depends on the account's segment: one branch per segment where it differs. */
function bySegment(d: Dialect, values: readonly string[]): string {
  const base = values[3]!;
  if (values.slice(0, 3).every((v) => v === base)) return base;
  const branches = packSegments.map((s, i) => (values[i] === base ? '' : ` WHEN ${d.string(s)} THEN ${values[i]}`)).join('');
  return `CASE ${d.ident('segment')}${branches} ELSE ${base} END`;
}

const bit = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

export function compileSql(valid: ValidPack, options: SqlOptions): string {
  const d = dialects[options.dialect];
  const { pack } = valid;
  const model = compileScoring(pack);
  const q = d.ident;
  const input = q(options.table ?? defaultFeaturesTable);
  const sig = (id: string) => q(`sig__${id}`);
  const cat = (id: string) => q(`subtotal_${id}`);

  // 1. Conditions as 0/1 (a missing value never meets a condition: NULL is not true).
  const conditions = pack.signals.map((s) => {
    const feature = signalFeature(s);
    const thresholds = segmentThresholds(s);
    const per = thresholds.map((t) => `(${comparison(d, q(feature.key), s.metric, s.operator, t)})`);
    const cond = per.slice(0, 3).every((p) => p === per[3]) ? per[3]! : `(${bySegment(d, per)})`;
    return `    -- ${s.label}${s.enabled ? '' : ' (switched off)'}\n    ${bit(cond)} AS ${sig(s.id)}`;
  });
  const gates = pack.ladder.gates.map((g) => {
    const c = g.condition;
    const cond = comparison(d, q(c.metric), c.metric, c.operator, c.value);
    return `    -- gate: ${g.label}\n    ${bit(g.whenMissing === 'pass' ? `(${cond}) OR ${q(c.metric)} IS NULL` : `(${cond})`)} AS ${q(`gate__${g.id}`)}`;
  });
  const filters = pack.filters.map((f) => {
    const parts = f.conditions.map((c) => `(${comparison(d, q(c.metric), c.metric, c.operator, c.value)})`);
    return `    -- filter: ${f.label}\n    ${bit(parts.join(f.match === 'all' ? ' AND ' : ' OR '))} AS ${q(`flt__${f.id}`)}`;
  });

  // 2. Score: weights summed in pack order (per category when shares or caps apply).
  const weightOf = (k: number) => bySegment(d, [0, 1, 2, 3].map((seg) => d.number(model.weight[k * 4 + seg]!)));
  const enabledSignals = pack.signals.map((s, k) => ({ s, k })).filter(({ s }) => s.enabled);
  const fold = (terms: string[]) => terms.reduce((acc, t) => `(${acc} + ${t})`, d.number(0));
  const term = (k: number) => `CASE WHEN ${sig(pack.signals[k]!.id)} = 1 THEN ${weightOf(k)} ELSE ${d.number(0)} END`;
  const subtotals = model.categories.map((c, ci) => {
    const sub = fold(enabledSignals.filter(({ k }) => model.categoryOf[k] === ci).map(({ k }) => term(k)));
    return c.cap === c.cap ? d.least(sub, d.number(c.cap)) : sub;
  });
  let score: string;
  if (!model.categorized) score = fold(enabledSignals.map(({ k }) => term(k)));
  else if (model.categories.some((c) => c.share === c.share)) {
    const parts = model.categories.map((c, ci) => {
      const maxBySegment = [0, 1, 2, 3].map((seg) => {
        let max = 0;
        for (const { k } of enabledSignals) if (model.categoryOf[k] === ci && model.weight[k * 4 + seg]! > 0) max += model.weight[k * 4 + seg]!;
        return c.cap === c.cap ? Math.min(max, c.cap) : max;
      });
      const perSegment = maxBySegment.map((max) => (max > 0 ? `${d.number(c.share)} * (${cat(c.id)} / ${d.number(max)})` : d.number(0)));
      return bySegment(d, perSegment);
    });
    score = `${fold(parts)} * ${d.number(100)}`;
  } else score = fold(model.categories.map((c) => cat(c.id)));
  const distinct = enabledSignals.length ? enabledSignals.map(({ s }) => sig(s.id)).join(' + ') : '0';

  // 3. Stage from the score (highest stage whose thresholds hold), then gates, then filters.
  const scoredDesc = [...model.scored].reverse().filter((i) => i !== model.catchAll);
  const baseStage = `CASE${scoredDesc
    .map((i) => ` WHEN ${q('score')} >= ${d.number(model.stages[i]!.minScore)} AND ${q('distinct_signals')} >= ${model.stages[i]!.minSignals} THEN ${i}`)
    .join('')} ELSE ${model.catchAll} END`;
  const steps: { name: string; columns: string[] }[] = [];
  let stage = q('stage_0');
  let assigned = '0';
  let step = 0;
  pack.ladder.gates.forEach((g, k) => {
    const gm = model.gates[k]!;
    if (!gm.enabled) return;
    const fails = `${assigned} = 0 AND ${q(`gate__${g.id}`)} = 0`;
    const nextStage = q(`stage_${++step}`);
    const columns =
      gm.action === 'assign'
        ? [`CASE WHEN ${fails} THEN ${gm.stage} ELSE ${stage} END AS ${nextStage}`, `CASE WHEN ${fails} THEN 1 ELSE ${assigned} END AS ${q(`assigned_${step}`)}`]
        : [`CASE WHEN ${fails} AND ${stage} > ${gm.stage} THEN ${gm.stage} ELSE ${stage} END AS ${nextStage}`, `${assigned} AS ${q(`assigned_${step}`)}`];
    steps.push({ name: `gate_${g.id}`, columns });
    stage = nextStage;
    assigned = q(`assigned_${step}`);
  });
  // One scored stage down (the lowest scored stage stays where it is).
  const lowerOf = (column: string) => `CASE ${column}${model.scored.slice(1).map((s, i) => ` WHEN ${s} THEN ${model.scored[i]}`).join('')} ELSE ${model.catchAll} END`;
  pack.filters.forEach((f, k) => {
    const fm = model.filters[k]!;
    if (!fm.enabled) return;
    const target = fm.action === 'exclude' ? String(model.catchAll) : lowerOf(stage);
    const nextStage = q(`stage_${++step}`);
    steps.push({
      name: `filter_${f.id}`,
      columns: [`CASE WHEN ${assigned} = 0 AND ${q(`flt__${f.id}`)} = 1 AND ${stage} >= ${fm.appliesFrom} THEN ${target} ELSE ${stage} END AS ${nextStage}`],
    });
    stage = nextStage;
  });

  const stageName = `CASE ${stage}${model.stages.map((s, i) => ` WHEN ${i} THEN ${d.string(s.id)}`).join('')} END`;
  const outputSignals = pack.signals.map((s) => (s.enabled ? `${sig(s.id)} AS ${q(s.id)}` : `0 AS ${q(s.id)}`));
  const outputFilters = pack.filters.map((f) => (f.enabled ? `${q(`flt__${f.id}`)} AS ${q(f.id)}` : `0 AS ${q(f.id)}`));
  const features = requiredFeatures(valid).map((f) => f.key);

  const ctes = [
    `conditions AS (\n  SELECT\n    ${q('account_id')},\n    ${q('segment')},\n${[...conditions, ...gates, ...filters].join(',\n')}\n  FROM ${input}\n)`,
    `subtotals AS (\n  SELECT *${model.categories.map((c, ci) => `,\n    ${subtotals[ci]} AS ${cat(c.id)}`).join('')}\n  FROM conditions\n)`,
    `scored AS (\n  SELECT *,\n    ${score} AS ${q('score')},\n    ${distinct} AS ${q('distinct_signals')}\n  FROM subtotals\n)`,
    `staged AS (\n  SELECT *,\n    ${baseStage} AS ${q('stage_0')}\n  FROM scored\n)`,
  ];
  let previous = 'staged';
  for (const s of steps) {
    ctes.push(`${s.name} AS (\n  SELECT *,\n    ${s.columns.join(',\n    ')}\n  FROM ${previous}\n)`);
    previous = s.name;
  }
  const header = [
    `-- Ladder rule pack "${pack.name.replace(/\n/g, ' ')}" (pack schema ${pack.schemaVersion}), compiled for ${d.label}.`,
    `-- Input: ${input}, one row per account with account_id, segment and the features: ${features.join(', ')}.`,
    '-- Output: account_id, score, stage, one 0/1 column per signal and per filter, and category subtotals.',
    '-- Missing values never meet a condition. Generated by Ladder; edit the pack, not this file.',
  ].join('\n');
  return `${header}\nWITH\n${ctes.join(',\n')}\nSELECT\n  ${[
    q('account_id'),
    q('score'),
    `${stageName} AS ${q('stage')}`,
    ...outputSignals,
    ...outputFilters,
    ...model.categories.map((c) => cat(c.id)),
  ].join(',\n  ')}\nFROM ${previous}\n`;
}
