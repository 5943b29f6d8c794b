// Compiles a rule pack to one SELECT over the features relation (one row per account: account_id,
// segment, then one column per feature the pack reads) returning the scored-accounts columns plus
// category subtotals. Every step mirrors the engine (shared/engine/scoring.ts), in the same order
// of floating-point operations, so results are identical to the last bit: conditions as 0/1,
// weights added one by one in pack order starting from 0, stages from highest to lowest, gates
// then filters applied one after another, each step a CTE named after what it does.
import { isCategoryMetric, requiredFeatures, signalFeature } from '../engine/features';
import { segmentThresholds } from '../engine/bits';
import { compileScoring } from '../engine/scoring';
import type { ValidPack } from '../pack/validate';
import { dialects, doubleLiteral, relationName, type SqlDialect } from './sql-dialect';
import { bit, bySegment, comment, comparison } from './sql-parts';
import { potentialSqlColumns, potentialSqlOutputs, potentialSqlStep } from './potential-sql';
import { isSet } from '../missing';

export interface SqlOptions {
  dialect: SqlDialect;
  /** Name of the input relation (default ladder_features): see relationName. */
  table?: string;
  /** Steps computing the features relation first (the whole-model SQL over raw tables, compile/raw/). */
  prelude?: { ctes: string[]; input: string; header: string[] };
}

export const defaultFeaturesTable = 'ladder_features';

export function compileSql(valid: ValidPack, options: SqlOptions): string {
  const d = dialects[options.dialect];
  const { pack } = valid;
  const model = compileScoring(pack);
  const q = d.ident;
  const num = (v: number) => doubleLiteral(d, v);
  const input = options.prelude?.input ?? relationName(d, options.table ?? defaultFeaturesTable);
  const sig = (id: string) => q(`sig__${id}`);
  const cat = (id: string) => q(`subtotal_${id}`);

  // 1. Conditions as 0/1 (a missing value never meets a condition: comparing NULL is not true).
  const conditions = pack.signals.map((s) => {
    const feature = signalFeature(s);
    const per = segmentThresholds(s).map((t) => `(${comparison(d, q(feature.key), s.metric, s.operator, t)})`);
    const cond = per.slice(0, 3).every((p) => p === per[3]) ? per[3]! : `(${bySegment(d, per)})`;
    const how = s.sustainedPeriods ? ` (sustained ${s.sustainedPeriods} periods: ${feature.key})` : '';
    return `    ${comment(`signal ${s.id}: ${s.label}${how}${s.enabled ? '' : ' (switched off: fires, but counts for nothing)'}`)}\n    ${bit(cond)} AS ${sig(s.id)}`;
  });
  const gates = pack.ladder.gates.map((g) => {
    const c = g.condition;
    const cond = comparison(d, q(c.metric), c.metric, c.operator, c.value);
    const when = g.whenMissing === 'pass' ? `(${cond}) OR ${q(c.metric)} IS NULL` : `(${cond})`;
    return `    ${comment(`gate ${g.id}: ${g.label} (1 = passes${g.whenMissing === 'pass' ? ', also when the value is missing' : ''})`)}\n    ${bit(when)} AS ${q(`gate__${g.id}`)}`;
  });
  const filters = pack.filters.map((f) => {
    const parts = f.conditions.map((c) => `(${comparison(d, q(c.metric), c.metric, c.operator, c.value)})`);
    return `    ${comment(`filter ${f.id}: ${f.label} (1 = ${f.match === 'all' ? 'every' : 'any'} condition holds)`)}\n    ${bit(parts.join(f.match === 'all' ? ' AND ' : ' OR '))} AS ${q(`flt__${f.id}`)}`;
  });

  // 2. Score: weights added in pack order (per category when shares or caps apply).
  const weightOf = (k: number) =>
    bySegment(
      d,
      [0, 1, 2, 3].map((seg) => num(model.weight[k * 4 + seg]!)),
    );
  const enabledSignals = pack.signals.map((s, k) => ({ s, k })).filter(({ s }) => s.enabled);
  const fold = (terms: string[]) => terms.reduce((acc, t) => `(${acc} + ${t})`, num(0));
  const term = (k: number) => `CASE WHEN ${sig(pack.signals[k]!.id)} = 1 THEN ${weightOf(k)} ELSE ${num(0)} END`;
  const subtotals = model.categories.map((c, ci) => {
    const sub = fold(enabledSignals.filter(({ k }) => model.categoryOf[k] === ci).map(({ k }) => term(k)));
    return model.categorized && isSet(c.cap) ? d.least(sub, num(c.cap)) : sub;
  });
  let score: string;
  let scoreNote: string;
  if (!model.categorized) {
    score = fold(enabledSignals.map(({ k }) => term(k)));
    scoreNote = 'the sum of the fired signals’ weights, added in pack order';
  } else if (model.categories.some((c) => isSet(c.share))) {
    const parts = model.categories.map((c, ci) => {
      const maxBySegment = [0, 1, 2, 3].map((seg) => model.categoryMax[seg * model.categories.length + ci]!);
      return bySegment(
        d,
        maxBySegment.map((max) => (max > 0 ? `${num(c.share)} * (${cat(c.id)} / ${num(max)})` : num(0))),
      );
    });
    score = `${fold(parts)} * ${num(100)}`;
    scoreNote = 'each category’s share × (subtotal ÷ the most it can reach), added up, × 100';
  } else {
    score = fold(model.categories.map((c) => cat(c.id)));
    scoreNote = 'the capped category subtotals, added up';
  }
  const distinct = enabledSignals.length ? enabledSignals.map(({ s }) => sig(s.id)).join(' + ') : '0';

  // 3. Stage from the score (highest stage whose thresholds hold), then gates, then filters.
  const scoredDesc = [...model.scored].reverse().filter((i) => i !== model.catchAll);
  const baseStage = `CASE${scoredDesc
    .map(
      (i) =>
        ` WHEN ${q('score')} >= ${num(model.stages[i]!.minScore)} AND ${q('distinct_signals')} >= ${model.stages[i]!.minSignals} THEN ${i}`,
    )
    .join('')} ELSE ${model.catchAll} END`;
  const steps: { name: string; note: string; columns: string[] }[] = [];
  let stage = q('stage_0');
  let assigned: string | null = null; // column: 1 once a gate assigned the stage (later gates and filters skip)
  let step = 0;
  const notAssigned = () => (assigned ? `${assigned} = 0 AND ` : '');
  pack.ladder.gates.forEach((g, k) => {
    const gm = model.gates[k]!;
    if (!gm.enabled) return;
    const fails = `${notAssigned()}${q(`gate__${g.id}`)} = 0`;
    const nextStage = q(`stage_${++step}`);
    const target = model.stages[gm.stage]!.id;
    if (gm.action === 'assign') {
      const nextAssigned = q(`assigned_${step}`);
      steps.push({
        name: `gate_${g.id}`,
        note: `gate ${g.id}: failing it puts the account at ${target} (${gm.stage}), and nothing after this moves it`,
        columns: [
          `CASE WHEN ${fails} THEN ${gm.stage} ELSE ${stage} END AS ${nextStage}`,
          `CASE WHEN ${fails} THEN 1 ELSE ${assigned ?? '0'} END AS ${nextAssigned}`,
        ],
      });
      assigned = nextAssigned;
    } else {
      steps.push({
        name: `gate_${g.id}`,
        note: `gate ${g.id}: failing it caps the stage at ${target} (${gm.stage})`,
        columns: [`CASE WHEN ${fails} AND ${stage} > ${gm.stage} THEN ${gm.stage} ELSE ${stage} END AS ${nextStage}`],
      });
    }
    stage = nextStage;
  });
  // One scored stage down (the lowest scored stage stays where it is; gate-only stages fall to it).
  const lowerOf = (column: string) =>
    `CASE ${column}${model.scored
      .slice(1)
      .map((s, i) => ` WHEN ${s} THEN ${model.scored[i]}`)
      .join('')} ELSE ${model.catchAll} END`;
  pack.filters.forEach((f, k) => {
    const fm = model.filters[k]!;
    if (!fm.enabled) return;
    const target = fm.action === 'exclude' ? String(model.catchAll) : lowerOf(stage);
    const nextStage = q(`stage_${++step}`);
    steps.push({
      name: `filter_${f.id}`,
      note: `filter ${f.id}: accounts at ${model.stages[fm.appliesFrom]!.id} (${fm.appliesFrom}) or above that it hits are ${fm.action === 'exclude' ? `sent to ${model.stages[model.catchAll]!.id}` : 'moved one stage down'}`,
      columns: [
        `CASE WHEN ${notAssigned()}${q(`flt__${f.id}`)} = 1 AND ${stage} >= ${fm.appliesFrom} THEN ${target} ELSE ${stage} END AS ${nextStage}`,
      ],
    });
    stage = nextStage;
  });

  const stageName = `CASE ${stage}${model.stages.map((s, i) => ` WHEN ${i} THEN ${d.string(s.id)}`).join('')} END`;
  const outputSignals = pack.signals.map((s) => (s.enabled ? `${sig(s.id)} AS ${q(s.id)}` : `0 AS ${q(s.id)}`));
  const outputFilters = pack.filters.map((f) => (f.enabled ? `${q(`flt__${f.id}`)} AS ${q(f.id)}` : `0 AS ${q(f.id)}`));
  const features = requiredFeatures(valid).filter((f) => f.key !== 'segment');

  const cte = (name: string, note: string, body: string) => `${comment(note, '')}\n${name} AS (\n${body}\n)`;
  const ctes = [
    cte(
      'conditions',
      '1. Each signal, gate and filter as 0/1; potential seats, and the inputs of potential ARR.',
      `  SELECT\n    ${q('account_id')},\n    ${q('segment')},\n${[...conditions, ...gates, ...filters, ...potentialSqlColumns(d, valid.potential, valid.metrics)].join(',\n')}\n  FROM ${input}`,
    ),
    cte(
      'subtotals',
      `2. Category subtotals: fired weights added in pack order${model.categories.some((c) => isSet(c.cap)) ? ', capped' : ''}.`,
      `  SELECT *${model.categories.map((c, ci) => `,\n    ${subtotals[ci]} AS ${cat(c.id)}`).join('')}\n  FROM conditions`,
    ),
    cte(
      'scored',
      `3. Score: ${scoreNote}; distinct signals counted.`,
      `  SELECT *,\n    ${score} AS ${q('score')},\n    ${distinct} AS ${q('distinct_signals')}\n  FROM subtotals`,
    ),
    cte(
      'staged',
      `4. Stage from the score: the highest of ${model.scored.map((i) => `${model.stages[i]!.id} (${i})`).join(', ')} whose minimum score and signals hold.`,
      `  SELECT *,\n    ${baseStage} AS ${q('stage_0')}\n  FROM scored`,
    ),
  ];
  let previous = 'staged';
  steps.forEach((s, k) => {
    ctes.push(cte(s.name, `${5 + k}. ${s.note}.`, `  SELECT *,\n    ${s.columns.join(',\n    ')}\n  FROM ${previous}`));
    previous = s.name;
  });
  ctes.push(
    cte(
      'potential',
      `${5 + steps.length}. Potential ARR (from potential seats); the whitespace is the part above today's ARR.`,
      `  SELECT *,\n    ${potentialSqlStep(d, valid.potential, valid.metrics)}\n  FROM ${previous}`,
    ),
  );
  previous = 'potential';
  const version = pack.meta?.version ? ` version ${pack.meta.version}` : '';
  const header = [
    comment(
      `Ladder rule pack "${pack.name}"${version} (pack schema ${pack.schemaVersion}), compiled for ${d.label}.`,
      '',
    ),
    comment(
      `Input: ${input}, one row per account: account_id (text), segment (text: SMB, Mid-Market, Enterprise or NULL)`,
      '',
    ),
    comment(
      `and one ${d.double} column per number feature: ${
        features
          .filter((f) => !isCategoryMetric(f.metric))
          .map((f) =>
            f.kind === 'value'
              ? f.key
              : `${f.key} (the ${f.kind === 'rolling_min' ? 'lowest' : 'highest'} ${f.metric} of the last ${f.periods} periods)`,
          )
          .join(', ') || 'none'
      }`,
      '',
    ),
    ...(features.some((f) => isCategoryMetric(f.metric))
      ? [
          comment(
            `and one text column per category: ${features
              .filter((f) => isCategoryMetric(f.metric))
              .map((f) => f.key)
              .join(', ')}`,
            '',
          ),
        ]
      : []),
    comment(
      '(`ladder export features` writes exactly this relation). Missing values are NULL and never meet a condition.',
      '',
    ),
    comment('Output: account_id, score, stage, one 0/1 column per signal and per filter, category subtotals, then', ''),
    comment('potential_seats, potential_arr and whitespace = max(0, potential_arr − arr), NULL when unknown.', ''),
    comment(
      'Generated by Ladder; change the pack, not this file. No trailing semicolon, so it also works as a dbt model.',
      '',
    ),
  ].join('\n');
  const head = options.prelude ? options.prelude.header.map((line) => comment(line, '')).join('\n') : header;
  return `${head}\nWITH\n${[...(options.prelude?.ctes ?? []), ...ctes].join(',\n')}\nSELECT\n  ${[
    q('account_id'),
    q('score'),
    `${stageName} AS ${q('stage')}`,
    ...outputSignals,
    ...outputFilters,
    ...model.categories.map((c) => cat(c.id)),
    ...potentialSqlOutputs(d),
  ].join(',\n  ')}\nFROM ${previous}\n`;
}
