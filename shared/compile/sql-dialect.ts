// What differs between the SQL engines a pack compiles for: identifier quoting, string escaping,
// the double type, and the name of the smaller-of-two function.

export const sqlDialects = ['sqlite', 'postgres', 'duckdb', 'snowflake', 'bigquery'] as const;
export type SqlDialect = (typeof sqlDialects)[number];

export interface Dialect {
  name: SqlDialect;
  label: string;
  ident(name: string): string;
  string(value: string): string;
  /** A double literal. Bare decimals are DECIMAL/NUMERIC in most engines, which would change sums. */
  number(value: number): string;
  least(a: string, b: string): string;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const singleQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
const repr = (value: number) => (Object.is(value, -0) ? '0' : String(value));

export const dialects: Record<SqlDialect, Dialect> = {
  sqlite: { name: 'sqlite', label: 'SQLite', ident: doubleQuoted, string: singleQuoted, number: (v) => `CAST(${repr(v)} AS REAL)`, least: (a, b) => `min(${a}, ${b})` },
  postgres: {
    name: 'postgres',
    label: 'PostgreSQL',
    ident: doubleQuoted,
    string: singleQuoted,
    number: (v) => `CAST(${repr(v)} AS DOUBLE PRECISION)`,
    least: (a, b) => `LEAST(${a}, ${b})`,
  },
  duckdb: { name: 'duckdb', label: 'DuckDB', ident: doubleQuoted, string: singleQuoted, number: (v) => `CAST(${repr(v)} AS DOUBLE)`, least: (a, b) => `LEAST(${a}, ${b})` },
  snowflake: { name: 'snowflake', label: 'Snowflake', ident: doubleQuoted, string: singleQuoted, number: (v) => `CAST(${repr(v)} AS DOUBLE)`, least: (a, b) => `LEAST(${a}, ${b})` },
  bigquery: {
    name: 'bigquery',
    label: 'BigQuery',
    ident: (name) => `\`${name.replace(/[`\\]/g, '')}\``,
    string: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`,
    number: (v) => `CAST(${repr(v)} AS FLOAT64)`,
    least: (a, b) => `LEAST(${a}, ${b})`,
  },
};
