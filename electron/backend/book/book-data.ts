// The book of business of a scored workspace, as the pure heatmap functions read it: ARR,
// whitespace, outcome facts and the categorical fields per account, and the owner filter.
import { LadderError } from '#shared/api/result';
import type { BookData } from '#shared/book/cells';
import { customFieldPrefix, customFieldPattern, stageField } from '#shared/book/fields';
import type { StageInfo } from '#shared/book/heatmap';
import type { Engine } from '#shared/engine/engine';
import type { CategoryColumn } from '#shared/engine/features';
import type { Db } from '../store/sqlite';
import { loadCustomTextField } from './custom-fields';
import { loadOutcomeColumns } from './outcome-columns';

export const stagesOf = (engine: Engine): StageInfo => ({
  stages: engine.model.stages.map((s) => ({ id: s.id, label: s.label })),
  stageOfClass: engine.outcomes.stage,
  top: engine.model.top,
});

/** Accounts of one owner (CSM), or every account when `owner` is undefined. */
export function ownerScope(fields: ReadonlyMap<string, CategoryColumn>, owner: string | undefined): Uint8Array | null {
  if (owner === undefined) return null;
  const column = fields.get('owner_csm');
  const code = column?.dictionary.indexOf(owner) ?? -1;
  if (!column || code < 0) {
    const known = column?.dictionary.slice().sort() ?? [];
    throw new LadderError(
      'bad_request',
      `No account is owned by "${owner}"${known.length ? ` (owners: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` : ''}.`,
    );
  }
  return Uint8Array.from(column.codes, (c) => (c === code ? 1 : 0));
}

export function bookData(
  db: Db,
  engine: Engine,
  asOf: string,
  options: { fields: readonly (string | null | undefined)[]; owner?: string; days: number },
): BookData {
  const features = engine.features;
  const fields = new Map(features.categories);
  for (const field of options.fields) {
    if (!field || field === stageField || fields.has(field)) continue;
    if (!customFieldPattern.test(field)) throw new LadderError('bad_request', `"${field}" is not an account field.`);
    fields.set(field, loadCustomTextField(db, field.slice(customFieldPrefix.length)));
  }
  const outcomes = loadOutcomeColumns(db, features.accountIds, asOf, options.days);
  return {
    accounts: features.accounts,
    arr: features.arr,
    whitespace: engine.potential.whitespace,
    wonArr: outcomes.wonArr,
    converted: outcomes.converted,
    fields,
    scope: ownerScope(fields, options.owner),
  };
}
