// `ladder alerts`: the accounts that rose into Ready (or --stage) between --since and --as-of, one alert
// each, as Markdown, Slack Block Kit JSON, a CRM task CSV or JSON, on stdout or atomically into --out.
import { resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '#shared/api/iso-date';
import { alertFormats, type AlertFormat } from '#shared/act/escape';
import { crmKinds, type CrmKind } from '#shared/act/render-alerts';
import { refuseWorkspaceTarget, writeFileAtomic } from '../../atomic-write';
import { buildAlertReport, renderAlerts } from '../../act/alerts-service';
import { loadPackArgument } from '../../packs/presets';
import { openWorkspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import type { CliIo } from '../io';

const datesArgs = z.object({ since: isoDate, asOf: isoDate.optional() }).strict();

export const alertsSpec: CommandSpec = {
  name: 'alerts',
  summary: 'Opportunity alerts: the accounts that rose into Ready (or a chosen stage) between two dates, with why now.',
  usage:
    'ladder alerts --workspace W --pack P|preset:NAME --since YYYY-MM-DD [--as-of YYYY-MM-DD] [--stage ID] [--format md|slack|csv|json] [--crm salesforce|hubspot] [--owner NAME] [--out F]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'rule pack file, or preset:NAME' },
    since: { kind: 'string', help: 'the earlier as-of date: alerts for accounts below the stage then', arg: 'since' },
    'as-of': { kind: 'string', help: 'the later as-of date (default: the latest period)', arg: 'asOf' },
    stage: { kind: 'string', help: "the stage id to alert on (default: the ladder's top stage)" },
    format: { kind: 'string', help: 'md (default), slack (Block Kit JSON), csv (CRM tasks) or json' },
    crm: { kind: 'string', help: 'csv: salesforce (Task fields, default) or hubspot (task import properties)' },
    owner: { kind: 'string', help: "only this CSM's accounts (the owner_csm field)" },
    out: { kind: 'string', help: 'write to this file (atomically) instead of stdout' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export function choice<T extends string>(
  spec: CommandSpec,
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = args.options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new UsageError(`ladder ${spec.name}: --${name} must be ${allowed.join(', ')}, not "${String(value)}".`);
  return value as T;
}

/** Writes the text to --out atomically, or prints it. */
export async function emit(text: string, out: string | undefined, workspacePath: string, io: CliIo): Promise<void> {
  if (out === undefined) {
    io.out(text.replace(/\n$/, ''));
    return;
  }
  const target = resolve(out);
  refuseWorkspaceTarget(target, workspacePath);
  await writeFileAtomic(target, text);
  io.err(`Written to ${target}.`);
}

export async function runAlerts(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(alertsSpec, argv);
  const workspacePath = resolve(requireString(alertsSpec, args, 'workspace'));
  const packArg = requireString(alertsSpec, args, 'pack');
  requireString(alertsSpec, args, 'since');
  const { since, asOf } = contractArgs(alertsSpec, args, datesArgs);
  const format: AlertFormat = choice(alertsSpec, args, 'format', alertFormats, 'md');
  const crm: CrmKind = choice(alertsSpec, args, 'crm', crmKinds, 'salesforce');
  if (args.options.crm !== undefined && format !== 'csv')
    throw new UsageError('ladder alerts: --crm goes with --format csv.');
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const report = buildAlertReport(ws, valid, {
      since,
      ...(asOf ? { asOf } : {}),
      ...(typeof args.options.stage === 'string' ? { stage: args.options.stage } : {}),
      ...(typeof args.options.owner === 'string' ? { owner: args.options.owner } : {}),
    });
    await emit(renderAlerts(ws, report, format, crm), args.options.out as string | undefined, ws.path, io);
    return 0;
  } finally {
    ws.db.close();
  }
}
