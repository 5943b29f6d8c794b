// `ladder import FILE --workspace W --kind K …`: analyse, map (preset, mapping file, suggestions),
// validate and commit in one transaction. Exit 0 when the rows were (or, with --dry-run, would be)
// imported; 1 when nothing was, with the reason on stderr.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importKinds } from '#shared/domain/workspace';
import { mappingSpec, type MappingSpec } from '#shared/import/mapping';
import { presetIds } from '#shared/import/presets';
import type { ImportReport, OutcomeSummary } from '#shared/import/report';
import { ImportCancelled, ImportFailure } from '../../import/failure';
import { parseMappingJson, readOutcomeWords, readPhrases } from '../../import/import-service';
import { runImport } from '../../import/run-import';
import { checkFile } from '../../import/sources/open';
import { analyzeAndPlan } from '../../import/plan-file';
import { openWorkspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import { formatCount, type CliIo } from '../io';

export const importSpec: CommandSpec = {
  name: 'import',
  summary: 'Import a CSV/TSV, XLSX, JSON/NDJSON, Parquet or Arrow file into a workspace, all rows or none.',
  usage:
    'ladder import FILE --workspace W --kind accounts|periods|users|events|outcomes|tickets [--preset P] [--mapping M.json] [--on-error abort|skip|text] [--roll-up] [--dry-run] [--json]',
  positionals: { min: 1, max: 1, names: 'the file to import' },
  options: {
    workspace: { kind: 'string', help: 'workspace file to import into (created when missing)' },
    kind: { kind: 'string', help: `what the rows are: ${importKinds.join(', ')}`, arg: 'kind' },
    preset: { kind: 'string', help: `built-in mapping: ${presetIds.join(', ')}`, arg: 'preset' },
    mapping: { kind: 'string', help: 'a mapping file (JSON) saved from the app or written by hand' },
    'on-error': {
      kind: 'string',
      help: 'rows with bad values: abort (default, import nothing), skip them, or keep the value as text',
      arg: 'onError',
    },
    'date-order': {
      kind: 'string',
      help: 'DMY or MDY for dates like 03/04/2024 that read both ways',
      arg: 'dateOrder',
    },
    sheet: { kind: 'string', help: 'XLSX: the worksheet to read (default: the first)', arg: 'sheet' },
    'roll-up': {
      kind: 'boolean',
      help: 'accounts: many rows per account (subscriptions, order lines) become one (ARR and seats summed over active rows)',
      arg: 'rollUp',
    },
    'dry-run': { kind: 'boolean', help: 'validate and report, write nothing' },
    json: { kind: 'boolean', help: 'print the report as one JSON document' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function specFrom(args: ReturnType<typeof parseArgs>): MappingSpec {
  const o = args.options;
  const file = typeof o.mapping === 'string' ? resolve(o.mapping) : undefined;
  let spec: MappingSpec = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ImportFailure(`There is no mapping file at ${file}.`);
    }
    spec = parseMappingJson(text, basename(file));
  }
  // Options override the mapping file; both are checked by the API's mapping schema.
  if (typeof o['date-order'] === 'string') o['date-order'] = o['date-order'].toUpperCase();
  const checked = contractArgs(importSpec, args, mappingSpec, spec);
  if (checked.kind === undefined)
    throw new UsageError('ladder import: --kind is required (or a mapping file that names its kind).');
  return checked;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function progressLine(io: CliIo, label: string, total: number, started: number) {
  return (bytes: number, rows: number) => {
    const seconds = (Date.now() - started) / 1000;
    const share = total > 0 ? Math.min(1, bytes / total) : 0;
    const eta = share > 0 && seconds > 0.5 ? Math.round(seconds / share - seconds) : null;
    const bar = '█'.repeat(Math.round(share * 20)).padEnd(20, '░');
    io.progress(
      `${label} ${bar} ${Math.round(share * 100)}%  ${mb(bytes)} of ${mb(total)}  ${formatCount(Math.round(rows / Math.max(seconds, 0.001)))} rows/s${eta !== null ? `  ETA ${eta} s` : ''}`,
    );
  };
}

function failureSentence(report: ImportReport): string {
  const first = report.rejected[0];
  const example = first
    ? ` (first: row ${first.row}, column "${first.column}", value "${first.value}": ${first.reason})`
    : '';
  if (report.rowsImported === 0 && report.rowsRejected === 0)
    return 'Nothing was imported: the file has no rows to import.';
  if (report.rowsImported === 0)
    return `Nothing was imported: all ${formatCount(report.rowsRejected)} rows were rejected${example}.`;
  return `Nothing was imported: ${formatCount(report.rowsRejected)} of ${formatCount(report.rowsRead)} rows were rejected${example}. Fix the file, or use --on-error skip to import the other rows.`;
}

function printOutcomes(io: CliIo, o: OutcomeSummary): void {
  const t = o.totals;
  io.out(
    `  outcomes, read as ${o.source} (${o.sourceReason}): won ${formatCount(t.won)}, lost ${formatCount(t.lost)}, open ${formatCount(t.open)}${t.unknown ? `, unknown ${formatCount(t.unknown)}` : ''}`,
  );
  io.out(
    `    ${'type'.padEnd(40)} ${'expansion'.padEnd(10)} ${'won'.padStart(6)} ${'lost'.padStart(6)} ${'open'.padStart(6)}`,
  );
  for (const r of o.types.slice(0, 30)) {
    const expansion = r.by === 'flag' ? 'column' : r.expansion === null ? 'unknown' : r.expansion ? 'yes' : 'no';
    io.out(
      `    ${(r.type ?? '(none)').slice(0, 40).padEnd(40)} ${expansion.padEnd(10)} ${formatCount(r.won).padStart(6)} ${formatCount(r.lost).padStart(6)} ${formatCount(r.open).padStart(6)}`,
    );
  }
}

function printReport(io: CliIo, report: ImportReport): void {
  const s = report.source;
  io.out(
    `${s.fileName} (${s.format}${s.encoding ? `, ${s.encoding}` : ''}${s.delimiter ? `, delimiter ${JSON.stringify(s.delimiter)}` : ''}${s.sheet ? `, sheet "${s.sheet}"` : ''}) → ${report.kind}`,
  );
  const written =
    report.kind === 'events'
      ? ` into ${formatCount(report.periodsWritten)} weekly period rows (${formatCount(report.inserted)} new, ${formatCount(report.updated)} updated)`
      : ` (${formatCount(report.inserted)} new, ${formatCount(report.updated)} updated)`;
  io.out(
    `  rows read ${formatCount(report.rowsRead)}, imported ${formatCount(report.rowsImported)}${written}, rejected ${formatCount(report.rowsRejected)}${report.duplicates ? `, duplicates ${report.duplicates}` : ''}${report.orphans ? `, orphans ${report.orphans}` : ''}`,
  );
  for (const w of report.warnings) io.out(`  warning: ${w}`);
  io.out('  columns:');
  for (const c of report.columns) {
    const range = c.min !== null ? `  ${c.min} … ${c.max}` : '';
    io.out(
      `    ${c.name.slice(0, 40).padEnd(40)} → ${(c.field ?? 'skipped').padEnd(24)} ${c.type.padEnd(8)} nulls ${c.nulls}${range}${c.rejected ? `  rejected ${c.rejected}` : ''}`,
    );
  }
  if (report.outcomes) printOutcomes(io, report.outcomes);
  for (const r of report.rejected.slice(0, 10)) io.out(`  row ${r.row}, ${r.column}: "${r.value}" ${r.reason}`);
  if (report.rowsRejected > 10) io.out(`  … ${formatCount(report.rowsRejected - 10)} more rejected rows (see --json)`);
  if (report.committed)
    io.out(
      `  import #${report.importId} committed in ${(report.durationMs / 1000).toFixed(1)} s; undo it from the app's import history.`,
    );
  else if (report.dryRun) io.out('  dry run: nothing was written.');
}

export async function runImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(importSpec, argv);
  const file = resolve(args.positionals[0]!);
  const workspacePath = resolve(requireString(importSpec, args, 'workspace'));
  const spec = specFrom(args);
  const { bytes } = checkFile(file);
  const dryRun = args.options['dry-run'] === true;
  // A new workspace file is created on first import, so data can be brought in without the demo;
  // if that import brings nothing in, the file is removed again (a failed import changes nothing).
  const created = !existsSync(workspacePath);
  const ws = await openWorkspace(workspacePath, { create: true });
  let committed = false;
  const controller = new AbortController();
  const onSigint = () => controller.abort(new ImportCancelled());
  process.once('SIGINT', onSigint);
  try {
    const started = Date.now();
    // The workspace's word lists for outcome types, unless the mapping file brings its own.
    if (spec.kind === 'outcomes') spec.outcomeWords ??= readOutcomeWords(ws);
    const { analysis, plan } = await analyzeAndPlan(
      file,
      { ...spec, kind: spec.kind! },
      { signal: controller.signal, onProgress: progressLine(io, 'Reading  ', bytes, started) },
    );
    if (plan.blockers.length > 0) throw new ImportFailure(`${analysis.fileName}: ${plan.blockers.join(' ')}`);
    const phrases = spec.ticketPhrases ?? readPhrases(ws);
    // The importer's connection is then the only one, so a bulk load may use the faster rollback
    // journal (import/import-connection.ts).
    ws.db.close();
    const report = await runImport({
      workspacePath,
      analysis,
      plan,
      dryRun,
      phrases,
      spec,
      signal: controller.signal,
      onProgress: progressLine(io, dryRun ? 'Checking ' : 'Importing', analysis.bytes, Date.now()),
    });
    io.progress('');
    if (args.options.json) io.json(report);
    else printReport(io, report);
    committed = report.committed;
    const ok =
      report.committed ||
      (dryRun && report.rowsImported > 0 && (report.onError !== 'abort' || report.rowsRejected === 0));
    if (!ok) {
      io.err(
        dryRun
          ? failureSentence(report).replace('Nothing was imported', 'The import would not go through')
          : failureSentence(report),
      );
      return 1;
    }
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    io.progress('');
    if (ws.db.open) ws.db.close();
    if (created && !committed)
      for (const f of [workspacePath, `${workspacePath}-wal`, `${workspacePath}-shm`, `${workspacePath}-journal`])
        rmSync(f, { force: true });
  }
}
