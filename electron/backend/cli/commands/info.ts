import { resolve } from 'node:path';
import { openWorkspace } from '../../store/open-workspace';
import { readInfo } from '../../workspace/queries';
import { parseArgs, requireString, type CommandSpec } from '../args';
import { formatCount, formatMoney, type CliIo } from '../io';

export const infoSpec: CommandSpec = {
  name: 'info',
  summary: 'Describe a workspace: counts, period range, import history, planted demo patterns.',
  usage: 'ladder info --workspace W [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file to read' },
    json: { kind: 'boolean', help: 'print one JSON document' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runInfo(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(infoSpec, argv);
  const ws = await openWorkspace(resolve(requireString(infoSpec, args, 'workspace')));
  try {
    const info = readInfo(ws);
    if (args.options.json) {
      io.json(info);
      return 0;
    }
    const range = info.periodRange
      ? `${info.periodRange.from} to ${info.periodRange.to} (${info.periodRange.periods} periods)`
      : 'none';
    io.out(`${info.path} (workspace format ${info.formatVersion})`);
    io.out(`  accounts      ${formatCount(info.accounts)}   ARR ${formatMoney(info.arr)}   owners ${info.owners}`);
    io.out(`  period rows   ${formatCount(info.periodRows)}   range ${range}`);
    io.out(
      `  users ${formatCount(info.users)}   outcomes ${formatCount(info.outcomes)}   tickets ${formatCount(info.tickets)}   models ${info.models}`,
    );
    io.out(`  imports       ${info.imports.length === 0 ? 'none' : ''}`);
    for (const i of info.imports)
      io.out(`    #${i.id} ${i.kind} ${i.fileName}: ${formatCount(i.rowsImported)} rows${i.undone ? ' (undone)' : ''}`);
    if (info.demo) {
      io.out(`  demo          seed ${info.demo.seed}, ${info.demo.weeks} weeks; planted patterns:`);
      for (const p of info.patterns)
        io.out(`    ${p.label.padEnd(22)} ${formatCount(p.accounts).padStart(9)}  ${(p.share * 100).toFixed(1)} %`);
    }
    return 0;
  } finally {
    ws.db.close();
  }
}
