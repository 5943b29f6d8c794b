// What differs between the SQL engines a pack compiles for: identifier quoting (and case: Snowflake
// folds unquoted names to upper case, so its output uses upper-case quoted names that match tables
// created the usual, unquoted way), string escaping, the double type, and the smaller-of-two function.

export const sqlDialects = ['sqlite', 'postgres', 'duckdb', 'snowflake', 'bigquery', 'spark'] as const;
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

// Pack text never changes the meaning of the SQL it lands in, in any engine, in a command-line
// client (psql and the sqlite3 shell read files line by line: a NUL or line break inside a literal
// makes them treat the rest of the text as their own commands) or in dbt, which renders the whole
// file as Jinja, literals included. So text literals and names refuse control characters, and a
// literal that contains a Jinja delimiter ({{ {% {# and their closers, which some engines refuse
// on their own) is written as a concatenation that splits it.
// The pack validator's rule (C0 but tab, and DEL): what ends or breaks a line for a client.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const controlCharacters = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** Inside a Jinja delimiter: between `{` and `{`/`%`/`#`, or between `}`/`%`/`#` and `}`. */
const jinjaDelimiter = /(?<=\{)(?=[{%#])|(?<=[}%#])(?=\})/;

export class UnsafeSqlText extends Error {}

function refuseControls(value: string, what: string): void {
  if (controlCharacters.test(value))
    throw new UnsafeSqlText(`${what} ${JSON.stringify(value.slice(0, 80))} holds a control character.`);
}

/** A dialect's quoting, made safe: no control characters, no Jinja opener in one piece. */
function textLiteral(quote: (value: string) => string): (value: string) => string {
  return (value) => {
    refuseControls(value, 'The SQL text');
    const parts = value.split(jinjaDelimiter);
    return parts.length === 1 ? quote(value) : `(${parts.map(quote).join(' || ')})`;
  };
}

function safeName(quote: (name: string) => string): (name: string) => string {
  return (name) => {
    refuseControls(name, 'The SQL name');
    if (jinjaDelimiter.test(name)) throw new UnsafeSqlText(`The SQL name ${JSON.stringify(name)} holds a Jinja tag.`);
    return quote(name);
  };
}

/** Comment text: control characters become spaces and Jinja delimiters are broken apart (`{ {`, `} }`). */
export function commentText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\{(?=[{%#])/g, '{ ')
      .replace(/([}%#])(?=\})/g, '$1 ')
  );
}

const doubleQuoted = safeName((name: string) => `"${name.replace(/"/g, '""')}"`);
const singleQuoted = textLiteral((value: string) => `'${value.replace(/'/g, "''")}'`);

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
    string: textLiteral((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`),
    double: 'DOUBLE',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
  bigquery: {
    name: 'bigquery',
    label: 'BigQuery',
    ident: safeName((name) => `\`${name.replace(/[`\\]/g, '')}\``),
    string: textLiteral((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
    double: 'FLOAT64',
    least: (...v) => `LEAST(${v.join(', ')})`,
    greatest: (...v) => `GREATEST(${v.join(', ')})`,
  },
  // Spark SQL / Databricks: backticks quote names (a double-quoted name is a string literal there),
  // and string literals take backslash escapes.
  spark: {
    name: 'spark',
    label: 'Spark SQL / Databricks',
    ident: safeName((name) => `\`${name.replace(/`/g, '``')}\``),
    string: textLiteral((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
    double: 'DOUBLE',
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
