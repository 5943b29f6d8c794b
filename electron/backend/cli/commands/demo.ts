import { resolve } from 'node:path';
import { openWorkspace } from '../../store/open-workspace';
import { readInfo } from '../../workspace/queries';
import { demoDefaults, writeDemoWorkspace } from '../../demo/write-demo';
import { isIsoDate } from '#shared/dates';
import { parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import { formatCount, formatMoney, type CliIo } from '../io';

export const demoSpec: CommandSpec = {
  name: 'demo',
  summary: 'Create the demo book of business: a realistic, seeded workspace with planted behaviour patterns.',
  usage: 'ladder demo --workspace W [--accounts N] [--seed S] [--weeks N] [--end-date YYYY-MM-DD] [--force] [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file to create' },
    accounts: { kind: 'int', help: 'number of accounts (default 2,000; up to 2,000,000)' },
    seed: { kind: 'int', help: 'random seed; the same seed gives the same book' },
    weeks: { kind: 'int', help: 'weeks of period metrics per account (default 52; 13 above 200,000 accounts)' },
    'end-date': { kind: 'string', help: 'start of the latest week (default: this week)' },
    force: { kind: 'boolean', help: 'replace the file if it exists' },
    json: { kind: 'boolean', help: 'print one JSON document' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runDemo(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(demoSpec, argv);
  const path = resolve(requireString(demoSpec, args, 'workspace'));
  const accounts = args.options.accounts as number | undefined;
  if (accounts !== undefined && (accounts < 10 || accounts > 2_000_000))
    throw new UsageError('ladder demo: --accounts must be between 10 and 2,000,000.');
  const weeks = args.options.weeks as number | undefined;
  if (weeks !== undefined && (weeks < 4 || weeks > 156))
    throw new UsageError('ladder demo: --weeks must be between 4 and 156.');
  const endDate = args.options['end-date'] as string | undefined;
  if (endDate !== undefined && !isIsoDate(endDate))
    throw new UsageError(`ladder demo: --end-date must be an ISO date (YYYY-MM-DD), not "${endDate}".`);

  const params = demoDefaults({ accounts, seed: args.options.seed as number | undefined, weeks, endDate });
  const started = performance.now();
  await writeDemoWorkspace(path, params, {
    overwrite: args.options.force === true,
    onProgress: ({ accountsDone, accountsTotal }) =>
      io.progress(`Generating accounts: ${formatCount(accountsDone)} / ${formatCount(accountsTotal)}`),
  });
  io.progress('');
  const generateMs = Math.round(performance.now() - started);
  const ws = await openWorkspace(path);
  try {
    const info = readInfo(ws);
    if (args.options.json) {
      io.json({
        workspace: path,
        ...params,
        generateMs,
        accounts: info.accounts,
        periodRows: info.periodRows,
        outcomes: info.outcomes,
        arr: info.arr,
        owners: info.owners,
        periodRange: info.periodRange,
        patterns: info.patterns,
      });
    } else {
      io.out(
        `Created ${path}: ${formatCount(info.accounts)} accounts, ${formatCount(info.periodRows)} period rows, ${formatMoney(info.arr)} ARR (seed ${params.seed}, ${(generateMs / 1000).toFixed(1)} s).`,
      );
    }
  } finally {
    ws.db.close();
  }
  return 0;
}
