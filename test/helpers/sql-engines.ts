// Runs compiled SQL over a features relation in real SQL engines — SQLite (better-sqlite3), DuckDB
// (@duckdb/node-api) and PostgreSQL (psql against a test server) — and returns the rows as plain
// objects with numbers as JavaScript numbers, so tests compare them with the engine's exactly.
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadRelationIntoDuckdb } from './duckdb-load';
import type { FeaturesRelation } from '../../electron/backend/export/features-relation';
import { featuresCsv } from '../../electron/backend/export/features-csv';
import type { Postgres } from './postgres';

export type SqlRow = Record<string, string | number | null>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function createTable(relation: FeaturesRelation, table: string, types: { text: string; double: string }): string {
  return `CREATE TABLE ${quote(table)} (${relation.columns.map((c) => `${quote(c.name)} ${types[c.type]}`).join(', ')})`;
}

/** Numbers as numbers, names in lower case (Snowflake's SQL names its columns in upper case). */
const normalize = (row: Record<string, unknown>): SqlRow =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k.toLowerCase(),
      typeof v === 'bigint' ? Number(v) : (v as string | number | null),
    ]),
  );

/**
 * SQLite, optionally with LEAST and GREATEST functions (SQLite's own are min and max) so BigQuery's SQL,
 * which SQLite otherwise accepts as written (backtick names, FLOAT64 read as REAL), runs too.
 */
export function runSqlite(
  relation: FeaturesRelation,
  sql: string,
  table = 'ladder_features',
  options: { least?: boolean } = {},
): SqlRow[] {
  const db = new Database(':memory:');
  if (options.least) {
    // BigQuery's LEAST and GREATEST: NULL when any argument is NULL.
    const fold =
      (pick: (...v: number[]) => number) =>
      (...values: unknown[]) =>
        values.some((v) => v === null) ? null : pick(...values.map(Number));
    db.function('LEAST', { deterministic: true, varargs: true }, fold(Math.min));
    db.function('GREATEST', { deterministic: true, varargs: true }, fold(Math.max));
  }
  try {
    db.exec(createTable(relation, table, { text: 'TEXT', double: 'REAL' }));
    const insert = db.prepare(`INSERT INTO ${quote(table)} VALUES (${relation.columns.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const row of relation.rows()) insert.run(...row);
    })();
    return (db.prepare(sql).all() as Record<string, unknown>[]).map(normalize);
  } finally {
    db.close();
  }
}

export async function runDuckdb(relation: FeaturesRelation, sql: string, table = 'ladder_features'): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await loadRelationIntoDuckdb(connection, relation, table);
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjects().map((r) => normalize(r as Record<string, unknown>));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** DuckDB on its own data: a setup statement (e.g. a view over a Parquet file), then the query. */
export async function runDuckdbSql(setup: string, sql: string): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(setup);
    return (await connection.runAndReadAll(sql)).getRowObjects().map((r) => normalize(r as Record<string, unknown>));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A small RFC 4180 reader for psql's CSV output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else if (ch !== '\r' || wasQuoted) field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Loads the relation into a fresh schema of the test server and runs the SQL there. */
export function runPostgres(
  pg: Postgres,
  relation: FeaturesRelation,
  sql: string,
  schema: string,
  table = 'ladder_features',
): SqlRow[] {
  pg.psql(
    `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema};\n${createTable(relation, table, { text: 'TEXT', double: 'DOUBLE PRECISION' })};\n`,
  );
  pg.copyFrom(`${quote(schema)}.${quote(table)}`, featuresCsv(relation));
  const body = sql.trim().replace(/;\s*$/, '');
  const out = pg.psql(
    `SET search_path TO ${schema};\nCOPY (${body}) TO STDOUT WITH (FORMAT csv, HEADER true, NULL '\\N');\n`,
  );
  const [header, ...rows] = parseCsv(out);
  const numeric = /^-?(\d|Infinity|NaN)/;
  return rows.map((cells) =>
    Object.fromEntries(
      header!.map((name, k) => {
        const cell = cells[k]!;
        return [
          name,
          cell === '\\N' ? null : numeric.test(cell) && name !== 'account_id' && name !== 'stage' ? Number(cell) : cell,
        ];
      }),
    ),
  );
}
