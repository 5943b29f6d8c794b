// Runs the portable exports the way another tool would: the JS module imported from a real .mjs
// file (no eval), and the JSON Logic document applied pass by pass with the reference
// json-logic-js, following the document's own "evaluation" notes.
import jsonLogic from 'json-logic-js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonLogicAccount, type JsonLogicExport } from '#shared/compile/jsonlogic';
import type { FeaturesRelation } from '../../electron/backend/export/features-relation';
import type { SqlRow } from './sql-engines';

export interface PortableResult {
  score: number;
  stage: string;
  signals: Record<string, boolean>;
  filters: Record<string, boolean>;
}

export interface PortableWhitespace {
  potential: { seats: number | null; arr: number | null };
  whitespace: number | null;
}

export type ScoreFn = (
  account: Record<string, unknown>,
) => PortableResult & PortableWhitespace & { subtotals: Record<string, number> };

let counter = 0;
export async function importModule(
  dir: string,
  source: string,
): Promise<{ score: ScoreFn; pack: { signals: string[]; filters: string[] } }> {
  const file = join(dir, `pack-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

const apply = (rule: unknown, data: unknown) => jsonLogic.apply(rule as jsonLogic.RulesLogic, data);

export function evaluateJsonLogic(
  doc: JsonLogicExport,
  account: Record<string, unknown>,
): PortableResult & PortableWhitespace {
  const map = (rules: Record<string, unknown>, off: string[], data: unknown) =>
    Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, !off.includes(id) && apply(r, data) === true]));
  const signals = map(doc.signals, doc.switchedOff.signals, account);
  const gates = map(doc.gates, doc.switchedOff.gates, account);
  const filters = map(doc.filters, doc.switchedOff.filters, account);
  const scoreData = { segment: account.segment, signals };
  const score = apply(doc.score, scoreData) as number;
  const distinct = apply(doc.distinct_signals, scoreData) as number;
  const stage = apply(doc.stage, { score, distinct_signals: distinct, gates, filters }) as string;
  const potential = { seats: apply(doc.potential_seats, account), arr: apply(doc.potential_arr, account) } as {
    seats: number | null;
    arr: number | null;
  };
  return { score, stage, signals, filters, potential, whitespace: apply(doc.whitespace, account) as number | null };
}

/** Accounts as plain objects (segment plus one key per feature column) from the features relation. */
export function relationAccounts(
  relation: FeaturesRelation,
): { id: string; flat: Record<string, unknown>; jsonLogic: Record<string, unknown> }[] {
  return Array.from(relation.rows(), (row) => {
    const flat: Record<string, string | number | null> = {};
    relation.columns.forEach((c, k) => (flat[c.name] = row[k]!));
    const { account_id, segment, ...inputs } = flat;
    return { id: String(account_id), flat, jsonLogic: jsonLogicAccount(segment as string | null, inputs) };
  });
}

/** A portable result in the scored-row shape (0/1 per signal and per filter, then whitespace). */
export function asRow(id: string, r: PortableResult & Partial<PortableWhitespace>): SqlRow {
  const row: SqlRow = { account_id: id, score: r.score, stage: r.stage };
  for (const [k, on] of Object.entries(r.signals)) row[k] = on ? 1 : 0;
  for (const [k, on] of Object.entries(r.filters)) row[k] = on ? 1 : 0;
  if (r.potential) {
    row.potential_seats = r.potential.seats;
    row.potential_arr = r.potential.arr;
    row.whitespace = r.whitespace ?? null;
  }
  return row;
}
