// `ladder export KIND`: the rule pack and its compiled forms, the features relation, scored
// accounts. Model-only kinds (sql, jsonlogic, js, signals-csv; pack without validation) need no
// workspace; the others are measured on one as of a date.
import { once } from 'node:events';
import { extname, resolve } from 'node:path';
import { exportRequest } from '#shared/api/export-contract';
import { sqlDialects } from '#shared/compile/sql-dialect';
import type { ExportFormat } from '#shared/export/formats';
import { loadPackArgument } from '../../packs/presets';
import { produceExport, writeExport } from '../../export/export-service';
import { openWorkspace, type Workspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

const kinds = ['pack', 'sql', 'jsonlogic', 'js', 'features', 'scored', 'signals-csv'] as const;
type Kind = (typeof kinds)[number];

export const exportSpec: CommandSpec = {
  name: 'export',
  summary:
    'Export a rule pack (JSON/YAML with validation), its SQL, JSON Logic or JS form, a signals CSV, the features relation or scored accounts.',
  usage: `ladder export ${kinds.join('|')} --pack P|preset:NAME [--workspace W] [--dialect ${sqlDialects.join('|')}] [--table NAME] [--as-of YYYY-MM-DD] [--format json|yaml|csv|parquet|xlsx] [--bom] [--no-validation] [--out F]`,
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
    'as-of': { kind: 'string', help: 'measure as of this date (default: the latest period)', arg: 'asOf' },
    format: {
      kind: 'string',
      help: 'pack: json or yaml; features: csv or parquet; scored: csv or xlsx (default: from --out, else json / csv)',
    },
    bom: { kind: 'boolean', help: 'CSV: start with a UTF-8 byte-order mark (for Excel)', arg: 'bom' },
    'no-validation': { kind: 'boolean', help: 'pack: leave out the validation block (no workspace needed)' },
    out: { kind: 'string', help: 'write to this file (default: standard output; xlsx needs --out)' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function formatOf(kind: Kind, format: string | undefined, out: string | undefined): ExportFormat {
  const ext = out ? extname(out).toLowerCase().slice(1) : '';
  const pick = (allowed: string[], fallback: string) => {
    const chosen =
      format ?? (allowed.includes(ext === 'yml' ? 'yaml' : ext) ? (ext === 'yml' ? 'yaml' : ext) : fallback);
    if (!allowed.includes(chosen))
      throw new UsageError(`ladder export ${kind}: --format must be ${allowed.join(' or ')}, not "${chosen}".`);
    return chosen;
  };
  if (format !== undefined && kind !== 'pack' && kind !== 'scored' && kind !== 'features')
    throw new UsageError(`ladder export ${kind}: --format applies to pack, features and scored only.`);
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

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(exportSpec, argv);
  const kind = args.positionals[0]!;
  if (!(kinds as readonly string[]).includes(kind))
    throw new UsageError(`ladder export: unknown kind "${kind}"; use one of ${kinds.join(', ')}.`);
  const packArg = requireString(exportSpec, args, 'pack');
  const out = args.options.out as string | undefined;
  const format = formatOf(kind as Kind, args.options.format as string | undefined, out);
  // The API's export request, checked by its schema (the pack is loaded and checked below).
  const request = contractArgs(exportSpec, args, exportRequest.omit({ pack: true }), { format });
  if ((request.dialect !== undefined || request.table !== undefined) && kind !== 'sql')
    throw new UsageError('ladder export: --dialect and --table apply to sql only.');
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
      validation: !args.options['no-validation'] && ws !== null,
      bom: request.bom === true,
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
