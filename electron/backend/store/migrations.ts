import { schemaV1 } from './schema-v1';
import { schemaV2 } from './schema-v2';
import { schemaV3 } from './schema-v3';
import { schemaV4 } from './schema-v4';

export interface Migration {
  /** The workspace format this migration produces; migrations run in order 1, 2, 3, … */
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'canonical tables', sql: schemaV1 },
  { version: 2, name: 'import undo log and reports', sql: schemaV2 },
  {
    version: 3,
    name: 'outcomes: is_expansion may be unknown; seats, probability, closed and churned flags',
    sql: schemaV3,
  },
  { version: 4, name: "accounts: the id's uniqueness a named index (built after a first load)", sql: schemaV4 },
];

/** Identifies a Ladder workspace among SQLite files ('LADR'). */
export const applicationId = 0x4c414452;

export function latestVersion(list: readonly Migration[] = migrations): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}
