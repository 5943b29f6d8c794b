// `ladder export KIND`: the rule pack and its compiled forms, the features relation, scored
// accounts. Model-only kinds (sql, jsonlogic, js, signals-csv; pack without validation) need no
// workspace; the others are measured on one as of a date.
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { LadderError } from '#shared/api/result';
import { refuseWorkspaceTarget } from '../../atomic-write';
import { writeRawExport } from '../../export/raw-export';
import { dbtPackage, writeDbtPackage } from '../../export/dbt-package';
import { extname, resolve } from 'node:path';
import { exportRequest } from '#shared/api/export-contract';
import { sqlDialects } from '#shared/compile/sql-dialect';
import type { ExportFormat } from '#shared/export/formats';
import { loadPackArgument } from '../../packs/presets';
import { produceExport, writeExport } from '../../export/export-service';
import { openWorkspace, type Workspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

const kinds = ['pack', 'sql', 'jsonlogic', 'js', 'features', 'scored', 'signals-csv', 'raw', 'dbt'] as const;
type Kind = (typeof kinds)[number];

export const exportSpec: CommandSpec = {
  name: 'export',
  summary:
    'Export a rule pack (JSON/YAML with validation), its SQL, JSON Logic or JS form, a signals CSV, the features relation or scored accounts.',
  usage: `ladder export ${kinds.join('|')} --pack P|preset:NAME [--workspace W] [--dialect ${sqlDialects.join('|')}] [--from features|raw] [--table NAME] [--as-of YYYY-MM-DD | --as-of-param] [--format json|yaml|csv|parquet|xlsx] [--bom] [--no-validation] [--owner NAME] [--out F]\n       ladder export raw --workspace W --out DIR [--format parquet|csv]
       ladder export dbt --pack P --out DIR [--workspace W] [--dialect D] [--as-of YYYY-MM-DD]`,
  positionals: { min: 1, max: 1, names: `what to export (${kinds.join(', ')})` },
  options: {
    pack: { kind: 'string', help: 'rule pack file (JSON or YAML), or preset:NAME' },
    workspace: { kind: 'string', help: 'workspace file (needed by features, scored, and pack validation)' },
    dialect: { kind: 'string', help: `SQL dialect: ${sqlDialects.join(', ')} (default duckdb)`, arg: 'dialect' },
    table: {
      kind: 'string',
      help: "SQL input relation: name, schema.name, or a dbt {{ ref('…') }} (default ladder_features)",
      arg: 'table',
    },
    from: {
      kind: 'string',
      help: 'sql: features (default: over the features relation) or raw (the whole model)',
      arg: 'from',
    },
    'as-of': { kind: 'string', help: 'measure as of this date (default: the latest period)', arg: 'asOf' },
    'as-of-param': { kind: 'boolean', help: 'sql --from raw: the as-of date is a query parameter', arg: 'asOfParam' },
    'accounts-table': {
      kind: 'string',
      help: 'sql --from raw: the accounts relation (default accounts)',
      arg: 'accountsTable',
    },
    'periods-table': {
      kind: 'string',
      help: 'sql --from raw: the periods relation (default periods)',
      arg: 'periodsTable',
    },
    format: {
      kind: 'string',
      help: 'pack: json or yaml; features: csv or parquet; scored: csv or xlsx; raw: parquet or csv (default: from --out, else json / csv / parquet)',
    },
    bom: { kind: 'boolean', help: 'CSV: start with a UTF-8 byte-order mark (for Excel)', arg: 'bom' },
    'no-validation': { kind: 'boolean', help: 'pack: leave out the validation block (no workspace needed)' },
    owner: { kind: 'string', help: "scored: only this CSM's accounts (my book)", arg: 'owner' },
    out: { kind: 'string', help: 'write to this file (default: standard output; xlsx needs --out)' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function formatOf(
  kind: Exclude<Kind, 'raw' | 'dbt'>,
  format: string | undefined,
  out: string | undefined,
): ExportFormat {
  const ext = out ? extname(out).toLowerCase().slice(1) : '';
  const pick = (allowed: string[], fallback: string) => {
    const chosen =
      format ?? (allowed.includes(ext === 'yml' ? 'yaml' : ext) ? (ext === 'yml' ? 'yaml' : ext) : fallback);
    if (!allowed.includes(chosen))
      throw new UsageError(`ladder export ${kind}: --format must be ${allowed.join(' or ')}, not "${chosen}".`);
    return chosen;
  };
  if (format !== undefined && kind !== 'pack' && kind !== 'scored' && kind !== 'features')
    throw new UsageError(`ladder export ${kind}: --format applies to pack, features, scored and raw only.`);
  switch (kind) {
    case 'pack':
      return pick(['json', 'yaml'], 'json') === 'yaml' ? 'pack-yaml' : 'pack-json';
    case 'scored':
      return pick(['csv', 'xlsx'], 'csv') === 'xlsx' ? 'scored-xlsx' : 'scored-csv';
    case 'features':
      return pick(['csv', 'parquet'], 'csv') === 'parquet' ? 'features-parquet' : 'features-csv';
    case 'sql':
    case 'jsonlogic':
    case 'js':
    case 'signals-csv':
      return kind;
  }
}

/** Streams to standard output; a reader that stops early (`| head`) ends the export quietly. */
async function writeStdout(chunks: Iterable<string>): Promise<void> {
  let closed = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else throw error;
  };
  process.stdout.on('error', onError);
  try {
    for (const chunk of chunks) {
      if (closed) return;
      if (!process.stdout.write(chunk))
        await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
    }
  } finally {
    process.stdout.off('error', onError);
  }
}

/** `ladder export raw`: the accounts and periods relations, into a folder. */
async function runRawExport(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const workspacePath = args.options.workspace as string | undefined;
  const out = args.options.out as string | undefined;
  if (!workspacePath) throw new UsageError('ladder export raw: --workspace is required.');
  if (!out) throw new UsageError('ladder export raw: --out DIR (a folder) is required.');
  const format = args.options.format === undefined ? 'parquet' : String(args.options.format);
  if (format !== 'parquet' && format !== 'csv')
    throw new UsageError(`ladder export raw: --format must be parquet or csv, not "${format}".`);
  for (const option of ['pack', 'dialect', 'table', 'from', 'as-of', 'as-of-param'])
    if (args.options[option] !== undefined) throw new UsageError(`ladder export raw: --${option} does not apply.`);
  const dir = resolve(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new LadderError('not_found', `${dir} is not a folder: create it first.`);
  const ws = await openWorkspace(resolve(workspacePath));
  try {
    for (const name of ['accounts', 'periods']) refuseWorkspaceTarget(resolve(dir, `${name}.${format}`), ws.path);
    const result = await writeRawExport(ws.db, dir, format);
    for (const line of result.skipped) io.err(`ladder export raw: left out ${line}.`);
    for (const f of result.files) io.out(`Wrote ${f.path} (${f.rows.toLocaleString('en-US')} rows).`);
    return 0;
  } finally {
    ws.db.close();
  }
}

/** `ladder export dbt`: the whole model as a dbt package, into a folder. */
async function runDbtExport(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const packArg = requireString(exportSpec, args, 'pack');
  const out = args.options.out as string | undefined;
  if (!out) throw new UsageError('ladder export dbt: --out DIR (the package folder) is required.');
  for (const option of ['table', 'from', 'as-of-param', 'accounts-table', 'periods-table', 'format', 'bom'])
    if (args.options[option] !== undefined) throw new UsageError(`ladder export dbt: --${option} does not apply.`);
  const request = contractArgs(exportSpec, args, exportRequest.omit({ pack: true }), { format: 'sql' });
  const dir = resolve(out);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new LadderError('bad_request', `${dir} is a file; give a folder for the dbt package.`);
  const valid = loadPackArgument(packArg);
  const workspacePath = args.options.workspace as string | undefined;
  const ws = workspacePath ? await openWorkspace(resolve(workspacePath)) : null;
  try {
    const files = dbtPackage(ws, valid, {
      dialect: request.dialect ?? 'duckdb',
      ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
    });
    for (const path of await writeDbtPackage(files, dir)) io.out(`Wrote ${path}.`);
    if (!files.some((f) => f.text.includes('unit_tests:')))
      io.err(
        'ladder export dbt: no golden cases (give --workspace, or a pack with a validation block), so no unit tests.',
      );
    return 0;
  } finally {
    ws?.db.close();
  }
}

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(exportSpec, argv);
  const kind = args.positionals[0]!;
  if (!(kinds as readonly string[]).includes(kind))
    throw new UsageError(`ladder export: unknown kind "${kind}"; use one of ${kinds.join(', ')}.`);
  if (kind === 'raw') return runRawExport(args, io);
  if (kind === 'dbt') return runDbtExport(args, io);
  const packArg = requireString(exportSpec, args, 'pack');
  const out = args.options.out as string | undefined;
  const format = formatOf(kind as Exclude<Kind, 'raw' | 'dbt'>, args.options.format as string | undefined, out);
  // The API's export request, checked by its schema (the pack is loaded and checked below).
  const request = contractArgs(exportSpec, args, exportRequest.omit({ pack: true }), { format });
  if ((request.dialect !== undefined || request.table !== undefined) && kind !== 'sql')
    throw new UsageError('ladder export: --dialect and --table apply to sql only.');
  if (request.owner !== undefined && kind !== 'scored')
    throw new UsageError('ladder export: --owner applies to scored only.');
  const from = request.from;
  if (from !== undefined && kind !== 'sql') throw new UsageError('ladder export: --from applies to sql only.');
  const rawOnly = ['as-of-param', 'accounts-table', 'periods-table'].filter((o) => args.options[o] !== undefined);
  if (rawOnly.length > 0 && from !== 'raw')
    throw new UsageError(`ladder export: --${rawOnly[0]} applies to sql --from raw only.`);
  if (from === 'raw' && args.options.table !== undefined)
    throw new UsageError('ladder export sql --from raw: use --accounts-table and --periods-table, not --table.');
  if (args.options['as-of-param'] && args.options['as-of'] !== undefined)
    throw new UsageError('ladder export sql: give --as-of or --as-of-param, not both.');
  if (format === 'scored-xlsx' && !out)
    throw new UsageError('ladder export scored: an Excel workbook needs --out F.xlsx.');
  if (format === 'features-parquet' && !out)
    throw new UsageError('ladder export features: a Parquet file needs --out F.parquet.');
  const workspacePath = args.options.workspace as string | undefined;
  const needsWorkspace =
    kind === 'features' || kind === 'scored' || (kind === 'pack' && !args.options['no-validation']);
  if (needsWorkspace && !workspacePath) {
    throw new UsageError(
      `ladder export ${kind}: --workspace is required${kind === 'pack' ? ' (or --no-validation for the pack alone)' : ''}.`,
    );
  }
  const valid = loadPackArgument(packArg);
  let ws: Workspace | null = null;
  try {
    if (workspacePath) ws = await openWorkspace(resolve(workspacePath));
    const output = produceExport(ws, valid, {
      format,
      ...(request.dialect ? { dialect: request.dialect } : {}),
      ...(request.table !== undefined ? { table: request.table } : {}),
      ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
      ...(request.from === 'raw' ? { from: 'raw' as const, asOfParam: request.asOfParam === true } : {}),
      ...(request.accountsTable !== undefined ? { accountsTable: request.accountsTable } : {}),
      ...(request.periodsTable !== undefined ? { periodsTable: request.periodsTable } : {}),
      validation: !args.options['no-validation'] && ws !== null,
      bom: request.bom === true,
      ...(request.owner !== undefined ? { owner: request.owner } : {}),
    });
    if (out) {
      const bytes = await writeExport(output, resolve(out), ws);
      io.out(`Wrote ${resolve(out)} (${bytes.toLocaleString('en-US')} bytes).`);
    } else if (output.kind === 'text') {
      await writeStdout(output.lines());
    }
    return 0;
  } finally {
    ws?.db.close();
  }
}
