// The whole-model SQL for the API and the CLI: with a workspace, custom.NAME references are placed
// where the engine finds them (account field or per-period metric); without one, only an explicit
// account./period. prefix says.
import { LadderError } from '#shared/api/result';
import { compileRawSql, type RawSqlOptions } from '#shared/compile/raw/compile';
import { placeByPrefix, type PlaceCustom } from '#shared/compile/raw/plan';
import { customColumnOf } from '#shared/compile/raw/schema';
import type { ValidPack } from '#shared/pack/validate';
import { messageOf } from '#shared/error-message';
import { resolveCustomSource } from '../features/custom-fields';
import { latestPeriodStart } from '../features/build';
import type { Db } from '../store/sqlite';

export function placeFromWorkspace(db: Db, asOf: string | undefined): PlaceCustom {
  const date = asOf && asOf !== 'param' ? asOf : (latestPeriodStart(db) ?? '9999-12-31');
  return (ref) => {
    const source = resolveCustomSource(db, ref, date);
    const column = customColumnOf(source.key) ?? `custom_${ref.name.toLowerCase()}`;
    return { where: source.where, column };
  };
}

export function rawSql(db: Db | null, valid: ValidPack, options: Omit<RawSqlOptions, 'placeCustom'>): string {
  try {
    return compileRawSql(valid, { ...options, placeCustom: db ? placeFromWorkspace(db, options.asOf) : placeByPrefix });
  } catch (error) {
    if (error instanceof LadderError) throw error;
    throw new LadderError('bad_request', messageOf(error));
  }
}
