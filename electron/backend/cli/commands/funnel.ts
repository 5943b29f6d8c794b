// `ladder funnel`: signal → play → owner over a date range — scored as of --from, expansion outcomes in
// (--from, --to] — per signal, per play and per owner.
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '#shared/api/iso-date';
import { LadderError } from '#shared/api/result';
import { playFunnel } from '#shared/act/play-funnel';
import { funnelCsv, funnelText } from '#shared/act/funnel-text';
import { expansionEvents } from '../../act/outcome-events';
import { loadPackArgument } from '../../packs/presets';
import { resolveAsOf, scoreWorkspace } from '../../scoring/score-workspace';
import { openWorkspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';
import { emit } from './alerts';

const rangeArgs = z.object({ from: isoDate, to: isoDate.optional() }).strict();

export const funnelSpec: CommandSpec = {
  name: 'funnel',
  summary: 'Signal → play → owner funnel: accounts where each signal fired, given a play, opened and won an expansion.',
  usage:
    'ladder funnel --workspace W --pack P|preset:NAME --from YYYY-MM-DD [--to YYYY-MM-DD] [--owner NAME] [--json | --out F.csv]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'rule pack file, or preset:NAME' },
    from: { kind: 'string', help: 'the start of the range: accounts are scored as of this date', arg: 'from' },
    to: { kind: 'string', help: 'the end of the range (default: the latest period)', arg: 'to' },
    owner: { kind: 'string', help: "only this CSM's accounts (owner_csm)" },
    out: { kind: 'string', help: 'write the rows to a .csv file (atomically)' },
    json: { kind: 'boolean', help: 'print one JSON document' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runFunnel(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(funnelSpec, argv);
  const workspacePath = resolve(requireString(funnelSpec, args, 'workspace'));
  const packArg = requireString(funnelSpec, args, 'pack');
  requireString(funnelSpec, args, 'from');
  const { from, to } = contractArgs(funnelSpec, args, rangeArgs);
  const out = args.options.out as string | undefined;
  if (out !== undefined && extname(out).toLowerCase() !== '.csv')
    throw new UsageError('ladder funnel: --out must end in .csv.');
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const end = resolveAsOf(ws, to);
    if (from >= end)
      throw new LadderError('bad_request', `The start date ${from} must come before the end date ${end}.`);
    const scored = scoreWorkspace(ws, valid, from);
    const events = expansionEvents(ws.db, scored.build.table, from, end);
    const owner = typeof args.options.owner === 'string' ? args.options.owner : null;
    const funnel = playFunnel(scored.engine, events, { from, to: end }, owner);
    if (args.options.json) io.json(funnel);
    else if (out) await emit(funnelCsv(funnel), out, ws.path, io);
    else io.out(funnelText(funnel));
    return 0;
  } finally {
    ws.db.close();
  }
}
