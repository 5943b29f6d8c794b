// The dialects not executed here (Snowflake, BigQuery, Spark SQL / Databricks) — and the executed
// ones too — checked without their engines: every query the compilers emit, whole-model or over the
// features relation, parses in a maintained SQL parser that knows the dialect (@polyglot-sql/sdk,
// a port of SQLGlot), calls only the functions on the dialect's allowed list, and — for Spark —
// quotes names with backticks only (a double-quoted name is a string there) and has no QUALIFY.
// Golden files pin the text (UPDATE_GOLDEN=1 rewrites them; review the diff).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse, tokenize } from '@polyglot-sql/sdk';
import { allowedFunctions } from '#shared/compile/raw/allowed-functions';
import { compileRawSql } from '#shared/compile/raw/compile';
import type { PlaceCustom } from '#shared/compile/raw/plan';
import { compileSql } from '#shared/compile/sql';
import { sqlDialects, type SqlDialect } from '#shared/compile/sql-dialect';
import { checkPack, type ValidPack } from '#shared/pack/validate';
import { repoRoot } from '../../helpers/temp';

const packFile = (path: string): ValidPack => {
  const checked = checkPack(JSON.parse(readFileSync(path, 'utf8')));
  if (!checked.ok) throw new Error(path);
  return checked.value;
};
const packs: Record<string, ValidPack> = {
  'seven-signal-table': packFile(join(repoRoot, 'resources', 'packs', 'seven-signal-table.json')),
  'emerging-ready-filters': packFile(join(repoRoot, 'resources', 'packs', 'emerging-ready-filters.json')),
  'behavioural-indicators': packFile(join(repoRoot, 'resources', 'packs', 'behavioural-indicators.json')),
  'kitchen-sink': packFile(join(repoRoot, 'test', 'fixtures', 'packs', 'kitchen-sink.json')),
  'window-functions': packFile(join(repoRoot, 'test', 'fixtures', 'packs', 'window-functions.json')),
};

const parserDialect: Record<SqlDialect, string[]> = {
  sqlite: ['sqlite'],
  postgres: ['postgresql'],
  duckdb: ['duckdb'],
  snowflake: ['snowflake'],
  bigquery: ['bigquery'],
  spark: ['spark', 'databricks'],
};
/** Words a parenthesis follows that are not function calls. */
const structural = new Set([
  'AS',
  'IN',
  'OVER',
  'AND',
  'OR',
  'NOT',
  'WHEN',
  'THEN',
  'ELSE',
  'CASE',
  'ON',
  'FROM',
  'JOIN',
  'SELECT',
  'WITH',
  'BY',
  'WHERE',
  'BETWEEN',
  'IS',
  'END',
]);

/** A token as the SDK returns it at run time (its typings spell the fields in camel case). */
interface Token {
  token_type: string;
  text: string;
  span: { start: number };
}

function tokensOf(sql: string, dialect: string): Token[] {
  const result = tokenize(sql, dialect as never);
  if (!result.success || !result.tokens) throw new Error(`tokenize failed: ${result.error}`);
  return result.tokens as unknown as Token[];
}

function functionsUsed(sql: string, dialect: string): Set<string> {
  const tokens = tokensOf(sql, dialect);
  const used = new Set<string>();
  tokens.forEach((t, i) => {
    if (
      tokens[i + 1]?.token_type === 'L_PAREN' &&
      !/^(L_PAREN|R_PAREN|COMMA|PLUS|DASH|STAR|SLASH|EQ|NEQ|LT|LTE|GT|GTE|DPIPE|PERCENT)$/.test(t.token_type)
    ) {
      const name = t.text.toUpperCase();
      if (!structural.has(name) && t.token_type !== 'QUOTED_IDENTIFIER') used.add(name);
    }
  });
  return used;
}

/** custom.NAME as a per-period metric (the events import's event count), as a workspace would place it. */
const placeCustom: PlaceCustom = (ref) => ({ where: 'period', column: `custom_${ref.name.toLowerCase()}` });
const queries = (valid: ValidPack, dialect: SqlDialect) => ({
  raw: compileRawSql(valid, { dialect, asOf: '2026-06-01', placeCustom }),
  rawParam: compileRawSql(valid, { dialect, asOf: 'param', placeCustom }),
  features: compileSql(valid, { dialect }),
});

beforeAll(async () => {
  await init();
});

describe.each([...sqlDialects])('%s', (dialect) => {
  it.each(Object.keys(packs))('%s: every query parses and calls only allowed functions', (id) => {
    for (const [kind, sql] of Object.entries(queries(packs[id]!, dialect))) {
      for (const p of parserDialect[dialect]) {
        const parsed = parse(sql, p as never);
        expect(parsed.success, `${kind} in ${p}: ${parsed.error}`).toBe(true);
        const extra = [...functionsUsed(sql, p)].filter((f) => !allowedFunctions[dialect].includes(f));
        expect(extra, `${kind}: functions not on the ${dialect} list`).toEqual([]);
      }
      if (dialect === 'spark') {
        expect(sql).not.toMatch(/\bQUALIFY\b/i);
        const quoted = tokensOf(sql, 'spark').filter(
          (t) => t.token_type === 'STRING' && sql.slice(t.span.start, t.span.start + 1) === '"',
        );
        expect(quoted, 'double-quoted text is a string in Spark, never a name').toEqual([]);
      }
    }
  });
});

describe('golden files of the whole-model SQL', () => {
  it.each(['snowflake', 'bigquery', 'spark'] as const)('%s', (dialect) => {
    for (const id of ['window-functions', 'emerging-ready-filters']) {
      const file = join(repoRoot, 'test', 'fixtures', 'sql', 'raw', `${id}.${dialect}.sql`);
      const sql = compileRawSql(packs[id]!, { dialect, asOf: 'param', placeCustom });
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    }
  });
});

it('a compiler change that calls a function outside the list is caught', () => {
  const sql = "SELECT DATE_TRUNC('month', d), LEAST(a, b) FROM t";
  expect([...functionsUsed(sql, 'postgresql')].filter((f) => !allowedFunctions.postgres.includes(f))).toEqual([
    'DATE_TRUNC',
  ]);
});
