// The functions the SQL compilers may emit, per dialect (upper case): the whole-model SQL over the
// raw relations and the scoring SQL over the features relation. A test tokenizes every emitted
// query with a SQL parser for the dialect and fails on anything else, so a function an engine
// lacks (or spells differently) cannot slip into a dialect that is not executed here.
import type { SqlDialect } from '../sql-dialect';

const shared = ['CAST', 'COALESCE', 'NULLIF', 'ABS', 'COUNT', 'SUM', 'MIN', 'MAX', 'ROW_NUMBER'];

export const allowedFunctions: Record<SqlDialect, readonly string[]> = {
  sqlite: [...shared, 'JULIANDAY', 'STRFTIME', 'DATE', 'POW'],
  postgres: [...shared, 'LEAST', 'GREATEST', 'EXTRACT', 'MOD', 'POWER'],
  duckdb: [...shared, 'LEAST', 'GREATEST', 'DATE_DIFF', 'YEAR', 'MONTH', 'MOD', 'POWER'],
  snowflake: [
    ...shared,
    'LEAST',
    'GREATEST',
    'DATEDIFF',
    'DATEADD',
    'TO_DATE',
    'YEAR',
    'MONTH',
    'FLOOR',
    'MOD',
    'POWER',
  ],
  bigquery: [...shared, 'LEAST', 'GREATEST', 'UNIX_DATE', 'DATE_SUB', 'EXTRACT', 'DIV', 'MOD', 'POW'],
  spark: [...shared, 'LEAST', 'GREATEST', 'UNIX_DATE', 'DATE_SUB', 'YEAR', 'MONTH', 'MOD', 'POWER'],
};
