import { resolve } from 'node:path';
import { openWorkspace } from '../../store/open-workspace';
import { readInfo } from '../../workspace/queries';
import { demoDefaults, writeDemoWorkspace } from '../../demo/write-demo';
import { demoOptions } from '#shared/api/contract';
import { contractArgs, parseArgs, requireString, type CommandSpec } from '../args';
import { formatCount, formatMoney, type CliIo } from '../io';

export const demoSpec: CommandSpec = {
  name: 'demo',
  summary: 'Create the demo book of business: a realistic, seeded workspace with planted behaviour patterns.',
  usage: 'ladder demo --workspace W [--accounts N] [--seed S] [--weeks N] [--end-date YYYY-MM-DD] [--force] [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file to create', arg: 'path' },
    accounts: { kind: 'int', help: 'number of accounts (default 2,000; up to 2,000,000)', arg: 'accounts' },
    seed: { kind: 'int', help: 'random seed; the same seed gives the same book', arg: 'seed' },
    weeks: {
      kind: 'int',
      help: 'weeks of period metrics per account (default 52; 13 above 200,000 accounts)',
      arg: 'weeks',
    },
    'end-date': { kind: 'string', help: 'start of the latest week (default: this week)', arg: 'endDate' },
    force: { kind: 'boolean', help: 'replace the file if it exists', arg: 'overwrite' },
    json: { kind: 'boolean', help: 'print one JSON document' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runDemo(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(demoSpec, argv);
  requireString(demoSpec, args, 'workspace');
  // The same argument object as the API's workspace.createDemo, checked by the same schema.
  const { path: file, overwrite, ...options } = contractArgs(demoSpec, args, demoOptions);
  const path = resolve(file!);
  const params = demoDefaults(options);
  const started = performance.now();
  await writeDemoWorkspace(path, params, {
    overwrite: overwrite === true,
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
