// The whitespace columns of the compiled SQL: potential seats as an expression over the features
// relation (one branch per segment where the pack says so), potential ARR in a later step from
// potential seats and the inputs carried along, then max(0, potential ARR − ARR). Comments quote the pack's expressions through the shared comment
// helper, so no pack text can leave its comment line.
import { potentialSeatsName, type CheckedPotential } from '../pack/potential';
import type { ResolvedMetrics } from '../pack/metrics';
import { exprSql } from './expr-sql';
import { doubleLiteral, type Dialect } from './sql-dialect';
import { bySegment, comment } from './sql-parts';

/** The conditions step carries each input the ARR expression reads under this prefix. */
const carried = (name: string) => `ws__${name}`;

function context(d: Dialect, metrics: ResolvedMetrics, read: (name: string) => string) {
  return { dialect: d, ident: read, isBool: (name: string) => metrics.kindOf(name) === 'bool' };
}

const normalised = (d: Dialect, sql: string) => `(${sql} + ${doubleLiteral(d, 0)})`; // −0 becomes 0, as in the engine

/** Lines for the first step (which reads the input relation): potential seats, and the inputs carried on. */
export function potentialSqlColumns(d: Dialect, potential: CheckedPotential, metrics: ResolvedMetrics): string[] {
  const q = d.ident;
  const ctx = context(d, metrics, q);
  const seats = potential.bySegment.map((v) => normalised(d, exprSql(v.seats, ctx)));
  const def = potential.definition;
  const overrides = Object.entries(def.segmentOverrides ?? {})
    .flatMap(([segment, o]) => [
      ...(o?.seats ? [`${segment} seats = ${o.seats}`] : []),
      ...(o?.arr ? [`${segment} ARR = ${o.arr}`] : []),
    ])
    .join('; ');
  return [
    `    ${comment(`whitespace (${potential.source === 'pack' ? 'the pack' : 'the default'}): potential seats = ${def.seats}; potential ARR = ${def.arr}${overrides ? `; ${overrides}` : ''}`)}\n    ${bySegment(d, seats)} AS ${q('potential_seats')}`,
    ...potential.inputs.map((name) => `    ${q(name)} AS ${q(carried(name))}`),
  ];
}

/** A later step: potential ARR from potential seats and the carried inputs. */
export function potentialSqlStep(d: Dialect, potential: CheckedPotential, metrics: ResolvedMetrics): string {
  const q = d.ident;
  const ctx = context(d, metrics, (name) => q(name === potentialSeatsName ? name : carried(name)));
  const arr = potential.bySegment.map((v) => normalised(d, exprSql(v.arr, ctx)));
  return `${bySegment(d, arr)} AS ${q('potential_arr')}`;
}

/** The output columns, read from the step after potentialSqlStep. */
export function potentialSqlOutputs(d: Dialect): string[] {
  const q = d.ident;
  const p = q('potential_arr');
  const a = q(carried('arr'));
  return [
    q('potential_seats'),
    p,
    `CASE WHEN ${p} IS NULL OR ${a} IS NULL THEN NULL WHEN ${p} - ${a} > ${doubleLiteral(d, 0)} THEN ${p} - ${a} ELSE ${doubleLiteral(d, 0)} END AS ${q('whitespace')}`,
  ];
}
