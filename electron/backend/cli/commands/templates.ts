// `ladder templates`: the workspace's alert and digest templates. Lists the kinds, prints one (the
// workspace's or the default), stores one from a file after checking it, or goes back to the default.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultTemplates, templateFields, templateKinds, type TemplateKind } from '#shared/act/default-templates';
import { LadderError } from '#shared/api/result';
import { isTemplateKind, resetTemplate, saveTemplate, workspaceTemplates } from '../../act/act-data';
import { openWorkspace } from '../../store/open-workspace';
import { parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

export const templatesSpec: CommandSpec = {
  name: 'templates',
  summary: "Show, replace or reset the workspace's alert and digest templates (Mustache, logic-less).",
  usage: 'ladder templates --workspace W [--show KIND | --set KIND --file T.mustache | --reset KIND] [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    show: { kind: 'string', help: `print a template: ${templateKinds.join(', ')}` },
    set: { kind: 'string', help: 'replace a template with the text of --file (checked first)' },
    file: { kind: 'string', help: 'the template file for --set' },
    reset: { kind: 'string', help: 'go back to the default template' },
    json: { kind: 'boolean', help: 'list the kinds, their fields and whether the workspace replaced them as JSON' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function kindOf(value: string): TemplateKind {
  if (!isTemplateKind(value))
    throw new UsageError(
      `ladder templates: there is no template "${value}"; the kinds are ${templateKinds.join(', ')}.`,
    );
  return value;
}

export async function runTemplates(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(templatesSpec, argv);
  const workspacePath = resolve(requireString(templatesSpec, args, 'workspace'));
  const actions = (['show', 'set', 'reset'] as const).filter((a) => args.options[a] !== undefined);
  if (actions.length > 1) throw new UsageError('ladder templates: give one of --show, --set and --reset.');
  if ((args.options.file !== undefined) !== (actions[0] === 'set'))
    throw new UsageError('ladder templates: --set and --file go together.');
  const ws = await openWorkspace(workspacePath);
  try {
    const own = workspaceTemplates(ws.db);
    const action = actions[0];
    if (action === 'show') {
      const kind = kindOf(String(args.options.show));
      io.out((own[kind] ?? defaultTemplates[kind]).replace(/\n$/, ''));
    } else if (action === 'set') {
      const kind = kindOf(String(args.options.set));
      const path = resolve(String(args.options.file));
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new LadderError('not_found', `Cannot read the template file ${path}: ${(error as Error).message}`);
      }
      saveTemplate(ws.db, kind, text);
      io.err(`Template ${kind} stored in the workspace.`);
    } else if (action === 'reset') {
      const kind = kindOf(String(args.options.reset));
      io.err(
        resetTemplate(ws.db, kind) ? `Template ${kind} is the default again.` : `Template ${kind} was the default.`,
      );
    } else if (args.options.json) {
      io.json(templateKinds.map((kind) => ({ kind, custom: own[kind] !== undefined, fields: templateFields[kind] })));
    } else {
      for (const kind of templateKinds)
        io.out(`  ${kind.padEnd(22)}${own[kind] !== undefined ? 'workspace' : 'default'}`);
    }
    return 0;
  } finally {
    ws.db.close();
  }
}
