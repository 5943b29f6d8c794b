// What differs between the SQL engines a pack compiles for: identifier quoting (and case: Snowflake
// folds unquoted names to upper case, so its output uses upper-case quoted names that match tables
// created the usual, unquoted way), string escaping, the double type, and the smaller-of-two function.

export const sqlDialects = ['sqlite', 'postgres', 'duckdb', 'snowflake', 'bigquery'] as const;
export type SqlDialect = (typeof sqlDialects)[number];

export interface Dialect {
  name: SqlDialect;
  label: string;
  ident(name: string): string;
  string(value: string): string;
  /** The engine's name for an IEEE double. */
  double: string;
  /** Smallest / largest of the values (callers make sure no argument is NULL unless all are). */
  least(...values: string[]): string;
  greatest(...values: string[]): string;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const singleQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const dialects: Record<SqlDialect, Dialect> = {
  sqlite: {
    name: 'sqlite',
    label: 'SQLite',
    ident: doubleQuoted,
    string: singleQuoted,
    double: 'REAL',
    least: (...v) => `min(${v.join(', ')})`,
    greatest: (...v) => `max(${v.join(', ')})`,
  },
  postgres: {
    name: 'postgres',
    label: 'PostgreSQL',
    ident: doubleQuoted,
    string: singleQuoted,
    double: 'DOUBLE PRECISION',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
  duckdb: {
    name: 'duckdb',
    label: 'DuckDB',
    ident: doubleQuoted,
    string: singleQuoted,
    double: 'DOUBLE',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
  snowflake: {
    name: 'snowflake',
    label: 'Snowflake',
    ident: (name) => doubleQuoted(name.toUpperCase()),
    string: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
    double: 'DOUBLE',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
  bigquery: {
    name: 'bigquery',
    label: 'BigQuery',
    ident: (name) => `\`${name.replace(/[`\\]/g, '')}\``,
    string: (value) =>
      `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`,
    double: 'FLOAT64',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
};

/**
 * A double literal. Whole numbers are written as they are; anything else as text cast to double,
 * because engines read a bare decimal such as 0.0095795801494080731 as DECIMAL first and DuckDB
 * then rounds it twice, landing one bit away from the double the engine compares with. Text is
 * parsed straight to the nearest double everywhere.
 */
export function doubleLiteral(d: Dialect, value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a SQL number.`);
  const text = Object.is(value, -0) ? '0' : String(value);
  return Number.isSafeInteger(value) ? `CAST(${text} AS ${d.double})` : `CAST('${text}' AS ${d.double})`;
}

/**
 * The input relation's name: `name`, `schema.name` or `db.schema.name` (each part quoted for the
 * dialect), or a dbt reference such as {{ ref('ladder_features') }} or {{ source('crm', 'features') }},
 * kept as written. Anything else is refused: the name lands in SQL text.
 */
export function relationName(d: Dialect, table: string): string {
  const name = table.trim();
  if (/^\{\{\s*(ref|source)\(\s*'[A-Za-z0-9_.-]{1,128}'(\s*,\s*'[A-Za-z0-9_.-]{1,128}')?\s*\)\s*\}\}$/.test(name))
    return name;
  if (/^[A-Za-z_][A-Za-z0-9_$-]{0,127}(\.[A-Za-z_][A-Za-z0-9_$-]{0,127}){0,2}$/.test(name))
    return name.split('.').map(d.ident).join('.');
  throw new Error(
    `"${table.slice(0, 80)}" is not a table name: use name, schema.name or db.schema.name (letters, digits, _ and -), or a dbt {{ ref('…') }} / {{ source('…', '…') }}.`,
  );
}
