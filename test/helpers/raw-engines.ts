// Loads the raw relations (electron/backend/export/raw-relations.ts) into real SQL engines —
// SQLite (better-sqlite3), DuckDB (@duckdb/node-api), PostgreSQL (psql against a test server) — and
// runs whole-model SQL over them, rows back as plain objects (see sql-engines.ts).
import Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { RawRelation, RawRelations } from '../../electron/backend/export/raw-relations';
import { csvField } from '../../electron/backend/export/features-csv';
import type { Postgres } from './postgres';
import { parseCsv, type SqlRow } from './sql-engines';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const types = {
  sqlite: { text: 'TEXT', double: 'REAL', date: 'TEXT' },
  duckdb: { text: 'VARCHAR', double: 'DOUBLE', date: 'DATE' },
  postgres: { text: 'TEXT', double: 'DOUBLE PRECISION', date: 'DATE' },
} as const;

const createTable = (relation: RawRelation, engine: keyof typeof types, schema = '') =>
  `CREATE TABLE ${schema}${quote(relation.name)} (${relation.columns.map((c) => `${quote(c.name)} ${types[engine][c.type]}`).join(', ')})`;

const normalize = (row: Record<string, unknown>): SqlRow =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k.toLowerCase(),
      typeof v === 'bigint' ? Number(v) : (v as string | number | null),
    ]),
  );

export function rawCsv(relation: RawRelation): string {
  const lines = [relation.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of relation.rows()) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** A SQLite database holding the raw relations (the caller closes it). */
export function sqliteWithRaw(raw: RawRelations): Database.Database {
  const db = new Database(':memory:');
  for (const relation of [raw.accounts, raw.periods]) {
    db.exec(createTable(relation, 'sqlite'));
    const insert = db.prepare(
      `INSERT INTO ${quote(relation.name)} VALUES (${relation.columns.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      for (const row of relation.rows()) insert.run(...row);
    })();
  }
  return db;
}

export function runSqliteRaw(raw: RawRelations, sql: string, params: Record<string, string> = {}): SqlRow[] {
  const db = sqliteWithRaw(raw);
  try {
    return (db.prepare(sql).all(params) as Record<string, unknown>[]).map(normalize);
  } finally {
    db.close();
  }
}

export async function loadRawIntoDuckdb(connection: DuckDBConnection, raw: RawRelations): Promise<void> {
  for (const relation of [raw.accounts, raw.periods]) {
    const staging = {
      ...relation,
      columns: relation.columns.map((c) => ({ ...c, type: c.type === 'date' ? ('text' as const) : c.type })),
    };
    await connection.run(createTable(staging, 'duckdb'));
    const appender = await connection.createAppender(relation.name);
    for (const row of relation.rows()) {
      row.forEach((v, k) => {
        if (v === null) appender.appendNull();
        else if (staging.columns[k]!.type === 'text') appender.appendVarchar(String(v));
        else appender.appendDouble(v as number);
      });
      appender.endRow();
    }
    appender.closeSync();
    for (const c of relation.columns.filter((c) => c.type === 'date'))
      await connection.run(`ALTER TABLE ${quote(relation.name)} ALTER ${quote(c.name)} TYPE DATE`);
  }
}

export async function runDuckdbRaw(raw: RawRelations, sql: string, params?: Record<string, string>): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await loadRawIntoDuckdb(connection, raw);
    const reader = params ? await connection.runAndReadAll(sql, params) : await connection.runAndReadAll(sql);
    return reader.getRowObjects().map((r) => normalize(r as Record<string, unknown>));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Loads the relations into a fresh schema of the test server; later runs use runPostgresSql. */
export function loadRawIntoPostgres(pg: Postgres, raw: RawRelations, schema: string): void {
  pg.psql(
    `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};\n${createTable(raw.accounts, 'postgres', `${schema}.`)};\n${createTable(raw.periods, 'postgres', `${schema}.`)};\n`,
  );
  for (const relation of [raw.accounts, raw.periods])
    pg.copyFrom(`${quote(schema)}.${quote(relation.name)}`, rawCsv(relation));
}

export function runPostgresSql(pg: Postgres, schema: string, sql: string, setup = ''): SqlRow[] {
  const body = sql.trim().replace(/;\s*$/, '');
  const out = pg.psql(
    `SET search_path TO ${schema};\n${setup}COPY (${body}) TO STDOUT WITH (FORMAT csv, HEADER true, NULL '\\N');\n`,
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
