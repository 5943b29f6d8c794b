import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '#shared/api/iso-date';
import { openWorkspace } from '../../store/open-workspace';
import { loadPackArgument } from '../../packs/presets';
import { scoreWorkspaceAsync } from '../../scoring/score-workspace';
import { diagnoseWorkspace } from '../../scoring/diagnose';
import { blindDiagnostics, blindSignalsLine, type PackDiagnostic } from '#shared/pack/diagnostics';
import { refuseWorkspaceTarget } from '../../atomic-write';
import { scoredAccountsJson, writeScoredCsv, writeScoredJson } from '../../scoring/write-scored';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import { formatCount, formatMoney, type CliIo } from '../io';
import { scoreWithDuckdb } from '../../scoring/duckdb-engine';

/** The arguments the scoring of a workspace takes besides the pack (the same as features.load's). */
const scoreArgs = z.object({ asOf: isoDate.optional() }).strict();

export const scoreSpec: CommandSpec = {
  name: 'score',
  summary: 'Score every account with a rule pack: score, stage, fired signals, filters hit, and the aggregates.',
  usage:
    'ladder score --workspace W --pack P.json|preset:NAME [--as-of YYYY-MM-DD] [--out F.csv|F.json] [--strict] [--json]\n' +
    '       ladder score --engine duckdb (--workspace W | --accounts A.parquet --periods P.parquet) --pack P [--as-of D] [--out F.csv] [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    engine: { kind: 'string', help: 'ladder (default) or duckdb: the whole-model SQL in embedded DuckDB, out of core' },
    accounts: {
      kind: 'string',
      help: '--engine duckdb: the accounts relation as Parquet (with --periods; see export raw)',
    },
    periods: { kind: 'string', help: '--engine duckdb: the periods relation as Parquet' },
    pack: { kind: 'string', help: 'rule pack JSON file, or preset:NAME (see resources/packs)' },
    'as-of': { kind: 'string', help: 'evaluate as of this date (default: the latest period)', arg: 'asOf' },
    out: { kind: 'string', help: 'write scored accounts to a .csv or .json file' },
    json: { kind: 'boolean', help: 'print one JSON document (aggregates; accounts too unless --out)' },
    strict: { kind: 'boolean', help: 'fail (exit 1) when an input of the pack is missing for every account' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function strictFailure(strict: boolean, blind: readonly PackDiagnostic[], io: CliIo): number {
  if (!strict || blind.length === 0) return 0;
  const parts = blind.map((d) => `${d.part} ${d.id}`);
  io.err(
    `ladder score: --strict: ${blind.length} part${blind.length === 1 ? '' : 's'} of the pack ${blind.length === 1 ? 'has' : 'have'} an input missing for every account (${parts.slice(0, 5).join(', ')}${parts.length > 5 ? ', …' : ''}).`,
  );
  return 1;
}

/** `--engine duckdb`: the whole-model SQL over a workspace or a Parquet pair, in embedded DuckDB. */
async function runDuckdbScore(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const packArg = requireString(scoreSpec, args, 'pack');
  const out = args.options.out as string | undefined;
  if (out !== undefined && extname(out).toLowerCase() !== '.csv')
    throw new UsageError('ladder score --engine duckdb: --out must end in .csv.');
  if (args.options.strict) throw new UsageError('ladder score --engine duckdb: --strict needs the in-app engine.');
  const { asOf } = contractArgs(scoreSpec, args, scoreArgs);
  const workspacePath = args.options.workspace as string | undefined;
  const accounts = args.options.accounts as string | undefined;
  const periods = args.options.periods as string | undefined;
  if (workspacePath ? accounts || periods : !(accounts && periods))
    throw new UsageError(
      'ladder score --engine duckdb: give --workspace, or --accounts and --periods (Parquet files).',
    );
  const valid = loadPackArgument(packArg);
  const ws = workspacePath ? await openWorkspace(resolve(workspacePath)) : null;
  try {
    if (out && ws) refuseWorkspaceTarget(resolve(out), ws.path);
    const result = await scoreWithDuckdb(
      ws ? { workspace: ws } : { accounts: resolve(accounts!), periods: resolve(periods!) },
      valid,
      { ...(asOf ? { asOf } : {}), ...(out ? { out: resolve(out) } : {}) },
    );
    if (args.options.json) {
      io.json({
        pack: valid.pack.name,
        engine: 'duckdb',
        asOf: asOf ?? null,
        ...result,
        ...(out ? { out: resolve(out) } : {}),
      });
      return 0;
    }
    io.out(`${valid.pack.name} — ${formatCount(result.accounts)} accounts (DuckDB)`);
    for (const s of result.stages) io.out(`  ${s.id.padEnd(24)} ${formatCount(s.accounts).padStart(10)}`);
    if (out) io.out(`Scored accounts written to ${resolve(out)}.`);
    return 0;
  } finally {
    ws?.db.close();
  }
}

export async function runScore(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(scoreSpec, argv);
  const engineName = args.options.engine ?? 'ladder';
  if (engineName !== 'ladder' && engineName !== 'duckdb')
    throw new UsageError(`ladder score: --engine must be ladder or duckdb, not "${String(engineName)}".`);
  if (engineName === 'duckdb') return runDuckdbScore(args, io);
  if (args.options.accounts !== undefined || args.options.periods !== undefined)
    throw new UsageError('ladder score: --accounts and --periods go with --engine duckdb.');
  const workspacePath = resolve(requireString(scoreSpec, args, 'workspace'));
  const packArg = requireString(scoreSpec, args, 'pack');
  const out = args.options.out as string | undefined;
  if (out !== undefined && !['.csv', '.json'].includes(extname(out).toLowerCase())) {
    throw new UsageError('ladder score: --out must end in .csv or .json.');
  }
  const { asOf } = contractArgs(scoreSpec, args, scoreArgs);
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const scored = await scoreWorkspaceAsync(ws, valid, asOf);
    const { engine } = scored;
    const result = engine.result;
    const diagnostics = diagnoseWorkspace(ws.db, valid, scored.build.table, scored.asOf);
    // Diagnostics go to stderr whatever the output format, so scripts parsing stdout still see them.
    const summary = blindSignalsLine(valid, diagnostics);
    if (summary) io.err(`ladder score: ${summary}.`);
    for (const d of diagnostics) io.err(`ladder score: ${d.part} ${d.id}: ${d.message}`);
    const blind = blindDiagnostics(diagnostics);
    if (out) {
      const target = resolve(out);
      refuseWorkspaceTarget(target, ws.path);
      if (extname(out).toLowerCase() === '.csv') await writeScoredCsv(engine, target);
      else await writeScoredJson(engine, target, { pack: valid.pack.name, asOf: scored.asOf, result });
    }
    if (args.options.json) {
      io.json({
        pack: valid.pack.name,
        asOf: scored.asOf,
        aggregates: result,
        diagnostics,
        timings: { featuresMs: Math.round(scored.timings.featuresMs), scoreMs: Math.round(scored.timings.scoreMs) },
        ...(out ? { out: resolve(out) } : { accounts: scoredAccountsJson(engine) }),
      });
      return strictFailure(args.options.strict === true, blind, io);
    }
    io.out(`${valid.pack.name} — ${formatCount(result.accounts)} accounts as of ${scored.asOf}`);
    for (const s of result.stages)
      io.out(`  ${s.label.padEnd(24)} ${formatCount(s.accounts).padStart(10)}  ${formatMoney(s.arr).padStart(16)}`);
    if (valid.pack.filters.length > 0) {
      io.out(
        `  Filters: ${formatCount(result.funnel.candidates.accounts)} candidates for ${result.stages.find((s) => s.id === result.funnel.stage)?.label}`,
      );
      for (const r of result.funnel.removed)
        io.out(`    − ${r.label.padEnd(28)} ${formatCount(r.accounts).padStart(8)}`);
    }
    if (out) io.out(`Scored accounts written to ${resolve(out)}.`);
    return strictFailure(args.options.strict === true, blind, io);
  } finally {
    ws.db.close();
  }
}
