// `ladder digest`: the weekly expansion pipeline for everyone or one owner, as Markdown, Slack Block Kit
// JSON, CSV or JSON. The week is the seven days up to --as-of.
import { resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '#shared/api/iso-date';
import { alertFormats, type AlertFormat } from '#shared/act/escape';
import { addDays } from '#shared/dates';
import { weeklyDigest, expansionRateDays } from '#shared/act/digest';
import { digestCsv, digestJson, digestMarkdown, digestSlack } from '#shared/act/render-digest';
import { whitespaceReader } from '#shared/act/whitespace';
import { TemplateError } from '#shared/act/templates';
import { LadderError } from '#shared/api/result';
import { accountFacts, workspaceTemplates } from '../../act/act-data';
import { scoredAlerts } from '../../act/alerts-service';
import { expansionEvents } from '../../act/outcome-events';
import { loadPackArgument } from '../../packs/presets';
import { resolveAsOf } from '../../scoring/score-workspace';
import { openWorkspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, type CommandSpec } from '../args';
import type { CliIo } from '../io';
import { choice, emit } from './alerts';

const dateArgs = z.object({ asOf: isoDate.optional() }).strict();

export const digestSpec: CommandSpec = {
  name: 'digest',
  summary:
    'Weekly pipeline digest: new Ready accounts, the five hottest, expansions opened and won, the expansion rate.',
  usage:
    'ladder digest --workspace W --pack P|preset:NAME [--as-of YYYY-MM-DD] [--owner NAME] [--format md|slack|csv|json] [--out F]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'rule pack file, or preset:NAME' },
    'as-of': { kind: 'string', help: 'the last day of the week (default: the latest period)', arg: 'asOf' },
    owner: { kind: 'string', help: "one CSM's digest (owner_csm); default: everyone" },
    format: { kind: 'string', help: 'md (default), slack (Block Kit JSON), csv or json' },
    out: { kind: 'string', help: 'write to this file (atomically) instead of stdout' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runDigest(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(digestSpec, argv);
  const workspacePath = resolve(requireString(digestSpec, args, 'workspace'));
  const packArg = requireString(digestSpec, args, 'pack');
  const { asOf } = contractArgs(digestSpec, args, dateArgs);
  const format: AlertFormat = choice(digestSpec, args, 'format', alertFormats, 'md');
  const owner = typeof args.options.owner === 'string' ? args.options.owner : undefined;
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const end = resolveAsOf(ws, asOf);
    const weekStart = addDays(end, -7);
    const { report, current } = scoredAlerts(ws, valid, { since: weekStart, asOf: end, ...(owner ? { owner } : {}) });
    const features = current.build.table;
    const digest = weeklyDigest({
      report,
      current: current.engine,
      week: expansionEvents(ws.db, features, weekStart, end),
      rateWindow: expansionEvents(ws.db, features, addDays(end, -expansionRateDays), end),
      facts: (ids) => accountFacts(ws.db, ids),
      whitespace: whitespaceReader(current.engine),
    });
    const templates = workspaceTemplates(ws.db);
    let text: string;
    try {
      text =
        format === 'md'
          ? digestMarkdown(digest, templates)
          : format === 'slack'
            ? `${JSON.stringify(digestSlack(digest, templates), null, 2)}\n`
            : format === 'csv'
              ? digestCsv(digest)
              : digestJson(digest);
    } catch (error) {
      if (error instanceof TemplateError) throw new LadderError('bad_request', error.message);
      throw error;
    }
    await emit(text, args.options.out as string | undefined, ws.path, io);
    return 0;
  } finally {
    ws.db.close();
  }
}
