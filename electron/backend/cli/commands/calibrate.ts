// `ladder calibrate`: backtest a pack against past outcomes, describe each signal, suggest points.
import { resolve } from 'node:path';
import { calibrationSummary } from '#shared/calibrate/summary';
import { defaultHorizonDays } from '../../calibrate/as-of-dates';
import { defaultSeed, runCalibration } from '../../calibrate/run-calibration';
import { suggestedPack, writeSuggestedPack } from '../../calibrate/suggested-pack';
import { loadPackArgument } from '../../packs/presets';
import { openWorkspace } from '../../store/open-workspace';
import { parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import { formatCount, type CliIo } from '../io';
import { isSet } from '#shared/missing';

export const calibrateSpec: CommandSpec = {
  name: 'calibrate',
  summary: 'Backtest a rule pack against past outcomes: model metrics, per-signal lift, suggested weights (held-out).',
  usage:
    'ladder calibrate --workspace W --pack P|preset:NAME [--as-of YYYY-MM-DD ...|--every 4w] [--horizon DAYS] [--seed S] [--thresholds] [--json] [--out suggested-pack.json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'rule pack JSON or YAML file, or preset:NAME' },
    'as-of': {
      kind: 'strings',
      help: 'an as-of date (repeat for several; default: the last date whose horizon the data cover)',
    },
    every: { kind: 'string', help: 'as-of dates every N days, weeks or months over the outcomes (e.g. 4w)' },
    horizon: {
      kind: 'int',
      help: `days after each as-of date in which a won expansion counts (default ${defaultHorizonDays})`,
    },
    seed: { kind: 'int', help: `seed of the 30 % hold-out when there is one as-of date (default ${defaultSeed})` },
    thresholds: { kind: 'boolean', help: 'with --out: also apply the suggested thresholds' },
    json: { kind: 'boolean', help: 'print one JSON document' },
    out: { kind: 'string', help: 'write the pack with the suggested weights to this file (JSON)' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

const pct = (x: number) => (isSet(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');
const num = (x: number, d = 3) => (isSet(x) ? x.toFixed(d) : 'n/a');

export async function runCalibrate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(calibrateSpec, argv);
  const workspacePath = resolve(requireString(calibrateSpec, args, 'workspace'));
  const packArg = requireString(calibrateSpec, args, 'pack');
  const asOf = (args.options['as-of'] as string[] | undefined) ?? [];
  const every = args.options.every as string | undefined;
  if (asOf.length > 0 && every !== undefined)
    throw new UsageError('ladder calibrate: give --as-of or --every, not both.');
  const horizon = args.options.horizon as number | undefined;
  if (horizon !== undefined && (horizon < 1 || horizon > 730))
    throw new UsageError('ladder calibrate: --horizon must be between 1 and 730 days.');
  const seed = args.options.seed as number | undefined;
  if (seed !== undefined && (seed < 0 || seed > 2 ** 31 - 1))
    throw new UsageError('ladder calibrate: --seed must be a whole number from 0 to 2147483647.');
  const out = args.options.out as string | undefined;
  if (args.options.thresholds && !out) throw new UsageError('ladder calibrate: --thresholds applies to --out.');
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const run = await runCalibration(
      ws,
      valid,
      { asOf, every, horizonDays: horizon, seed },
      {
        onProgress: (p) =>
          io.progress(
            p.phase === 'fitting'
              ? 'Fitting…'
              : `Features as of ${p.datesTotal} date${p.datesTotal === 1 ? '' : 's'}: ${formatCount(p.accountsDone)} / ${formatCount(p.accountsTotal)} accounts`,
          ),
      },
    );
    io.progress('');
    const { report } = run;
    if (out) writeSuggestedPack(resolve(out), suggestedPack(valid.pack, report, args.options.thresholds === true));
    if (report.verdict === 'too-little-signal' && out)
      io.err(`${report.verdictReason} The weights in ${out} are not an improvement you can rely on.`);
    if (args.options.json) {
      io.json(calibrationSummary(report));
      return 0;
    }
    const m = report.model;
    const s = report.suggested;
    io.out(
      `${valid.pack.name} — calibrated against outcomes within ${report.horizonDays} days of ${report.asOf.join(', ')}`,
    );
    io.out(
      `  Labels: ${formatCount(report.labels.positives)} positive, ${formatCount(report.labels.negatives)} negative, ${formatCount(report.labels.excluded)} excluded (not yet a customer ${report.labels.excludedBy.notCustomer}, expansion already open ${report.labels.excludedBy.openAtAsOf}, unknown type ${report.labels.excludedBy.unknownType})`,
    );
    io.out(
      `  Split: ${report.split.kind === 'holdout' ? `30 % of accounts held out (seed ${report.split.seed})` : `by time — train ${report.split.train.join(', ')}; evaluate ${report.split.test.join(', ')}`}`,
    );
    io.out(
      `  Held out: AUC ${num(m.auc)} (95 % CI ${num(m.aucCi[0])}–${num(m.aucCi[1])}), PR AUC ${num(m.prAuc)}, Brier ${num(m.brier)}, top-decile lift ${num(m.liftTopDecile, 2)} (capture ${pct(m.captureTopDecile)}), Ready precision ${pct(m.readyPrecision)} / recall ${pct(m.readyRecall)}`,
    );
    for (const st of m.stages)
      io.out(
        `    ${st.label.padEnd(20)} ${pct(st.shareOfAccounts).padStart(8)} of accounts  ${pct(st.shareOfConversions).padStart(8)} of conversions  converts ${pct(st.conversion)}`,
      );
    io.out('  Signals (training part):');
    for (const sig of report.signals)
      io.out(
        `    ${sig.id.padEnd(24)} fires ${pct(sig.fireRate).padStart(8)}  lift ${num(sig.lift, 2)} [${num(sig.liftCi[0], 2)}, ${num(sig.liftCi[1], 2)}]  IV ${num(sig.iv, 2)}  AUC ${num(sig.auc, 2)}${sig.leakage.length ? `  leakage? ${sig.leakage.join(', ')}` : ''}`,
      );
    io.out(
      `  Suggested points: ${Object.entries(s.weights)
        .map(([id, w]) => `${id} ${w}`)
        .join(
          ', ',
        )}${s.removal.length ? ` (remove: ${s.removal.map((r) => `${r.id} — ${r.reason}`).join(', ')})` : ''}`,
    );
    io.out(
      `  Held-out AUC: suggested ${num(s.heldOut.auc)}, unrounded regression ${num(s.regression.auc)}, current ${num(s.current.auc)}`,
    );
    io.out(`  ${report.verdictReason}`);
    for (const w of report.warnings) io.out(`  Note: ${w}`);
    if (out) io.out(`Suggested pack written to ${resolve(out)}.`);
    return 0;
  } finally {
    ws.db.close();
  }
}
