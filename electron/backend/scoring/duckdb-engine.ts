// `ladder score --engine duckdb`: the whole-model SQL (shared/compile/raw) run in embedded DuckDB
// over the raw relations — a workspace (exported to Parquet first, in row groups, so memory stays
// bounded) or a Parquet pair — for books that do not fit the in-app engine's memory. DuckDB spills
// to a temporary folder beside the output when it runs short, and writes the scored accounts itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { compileRawSql } from '#shared/compile/raw/compile';
import type { PlaceCustom } from '#shared/compile/raw/plan';
import type { ValidPack } from '#shared/pack/validate';
import { potentialColumns } from '#shared/pack/potential';
import { messageOf } from '#shared/error-message';
import { placeFromWorkspace } from '../export/raw-sql';
import { writeRawExport } from '../export/raw-export';
import { commitFile, tempPathFor } from '../atomic-write';
import type { Workspace } from '../store/open-workspace';

export type DuckdbSource = { workspace: Workspace } | { accounts: string; periods: string };

export interface DuckdbScore {
  accounts: number;
  stages: { id: string; accounts: number }[];
  ms: number;
}

/** A scored column as the engine's CSV writes it: whole scores without ".0". */
/** Doubles written as the engine's CSV writes them: whole numbers without a fraction. */
const wholeAsInteger = new Set(['score', ...potentialColumns]);

function csvColumn(name: string): string {
  const q = `"${name.replace(/"/g, '""')}"`;
  if (!wholeAsInteger.has(name)) return q;
  return `CASE WHEN ${q} = CAST(${q} AS BIGINT) THEN CAST(CAST(${q} AS BIGINT) AS VARCHAR) ELSE CAST(${q} AS VARCHAR) END AS ${q}`;
}

const literal = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** custom.NAME in a Parquet pair: where the column is (account custom fields or per-period metrics). */
async function placeFromColumns(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<PlaceCustom> {
  const columns = async (table: string) =>
    new Set((await run(`DESCRIBE ${table}`)).map((r) => String(r.column_name).toLowerCase()));
  const accounts = await columns('accounts');
  const periods = await columns('periods');
  return (ref, id) => {
    const column = `custom_${ref.name.toLowerCase()}`;
    const inAccounts = ref.scope !== 'period' && accounts.has(column);
    const inPeriods = ref.scope !== 'account' && periods.has(column);
    if (inAccounts && inPeriods)
      throw new LadderError('bad_request', `"${id}" is a column of both files: write account.${id} or period.${id}.`);
    return { where: inAccounts ? 'account' : inPeriods ? 'period' : 'none', column };
  };
}

export async function scoreWithDuckdb(
  source: DuckdbSource,
  valid: ValidPack,
  options: { asOf?: string; out?: string },
): Promise<DuckdbScore> {
  const started = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const scratch = mkdtempSync(join(tmpdir(), 'ladder-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: join(scratch, 'spill'),
    preserve_insertion_order: 'false',
  });
  const connection = await instance.connect();
  const run = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
  try {
    let files: { accounts: string; periods: string };
    let place: PlaceCustom;
    if ('workspace' in source) {
      await writeRawExport(source.workspace.db, scratch, 'parquet');
      files = { accounts: join(scratch, 'accounts.parquet'), periods: join(scratch, 'periods.parquet') };
      place = placeFromWorkspace(source.workspace.db, options.asOf);
    } else files = source;
    for (const t of ['accounts', 'periods'] as const)
      await connection.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet(${literal(files[t])})`);
    if (!('workspace' in source)) place = await placeFromColumns(run);
    const sql = compileRawSql(valid, {
      dialect: 'duckdb',
      placeCustom: place!,
      ...(options.asOf ? { asOf: options.asOf } : {}),
    });
    const columns = [
      'account_id',
      'score',
      'stage',
      ...valid.pack.signals.map((s) => s.id),
      ...valid.pack.filters.map((f) => f.id),
      ...potentialColumns,
    ];
    await connection.run(`CREATE TEMP TABLE scored AS ${sql}`);
    if (options.out) {
      const tmp = tempPathFor(options.out);
      await connection.run(
        `COPY (SELECT ${columns.map(csvColumn).join(', ')} FROM scored ORDER BY account_id) TO ${literal(tmp)} (FORMAT csv, HEADER true)`,
      );
      commitFile(tmp, options.out);
    }
    const counts = new Map(
      (await run('SELECT stage, count(*) AS n FROM scored GROUP BY stage')).map((r) => [String(r.stage), Number(r.n)]),
    );
    const stages = valid.pack.ladder.stages.map((s) => ({ id: s.id, accounts: counts.get(s.id) ?? 0 }));
    return { accounts: stages.reduce((n, s) => n + s.accounts, 0), stages, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof LadderError) throw error;
    throw new LadderError('internal', `DuckDB could not score the book: ${messageOf(error)}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
}
