// What stops an import plan from running, checked apart from the suggestions themselves: a saved
// mapping that does not fit this file or kind, and a finished plan that misses a required field,
// gives events no account, or leaves a date column whose day/month order cannot be told.
import type { ImportKind } from '../domain/workspace';
import { fieldsByKind } from './fields';
import type { ColumnPlan, ImportPlan, MappingSpec } from './mapping';
import type { ColumnProfile } from './profile';

export function specBlockers(kind: ImportKind, headers: readonly string[], spec: MappingSpec): string[] {
  const fields = fieldsByKind[kind];
  const blockers: string[] = [];
  for (const c of spec.columns ?? []) {
    if (!headers.includes(c.source))
      blockers.push(`The mapping names a column "${c.source}" that this file does not have.`);
    else if (c.field !== 'custom' && c.field !== 'skip' && !fields.some((f) => f.id === c.field)) {
      blockers.push(
        `The mapping sends "${c.source}" to "${c.field}", which is not a field of ${kind} (${fields.map((f) => f.id).join(', ')}).`,
      );
    }
  }
  if (spec.rollUp && kind !== 'accounts')
    blockers.push(`Rolling rows up applies to accounts imports only, not to ${kind}.`);
  return blockers;
}

export function finishedPlanBlockers(
  kind: ImportKind,
  columns: readonly ColumnPlan[],
  constants: ImportPlan['constants'],
  profiles: readonly ColumnProfile[],
): string[] {
  const fields = fieldsByKind[kind];
  const blockers: string[] = [];
  for (const field of fields) {
    if (!field.required) continue;
    if (!columns.some((c) => c.field === field.id && !c.skip) && !constants.some((c) => c.field === field.id)) {
      blockers.push(`No column is mapped to ${field.label} (${field.id}), which ${kind} need.`);
    }
  }
  if (
    kind === 'events' &&
    !columns.some((c) => !c.skip && (c.field === 'account_id' || c.field === 'outcome_ref' || c.field === 'user_id'))
  ) {
    blockers.push(
      'Events need an account: map an account id, a subscription/opportunity id, or a user id of users already imported.',
    );
  }
  for (const c of columns) {
    if (c.needsDateOrder && !c.skip) {
      blockers.push(
        `Column "${c.source}": every date reads both day-first and month-first (e.g. "${profiles[c.index]!.samples[0] ?? ''}"); choose DMY or MDY for it.`,
      );
    }
  }
  return blockers;
}
