// `ladder slides`: a model-review deck (PPTX) for the workspace, or one per owner.
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '#shared/api/iso-date';
import { refuseWorkspaceTarget } from '../../atomic-write';
import { loadPackArgument } from '../../packs/presets';
import { writeDecks } from '../../slides/slides-service';
import { openWorkspace } from '../../store/open-workspace';
import { contractArgs, parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

const dateArgs = z.object({ asOf: isoDate.optional() }).strict();

export const slidesSpec: CommandSpec = {
  name: 'slides',
  summary:
    'A model-review deck (PPTX): the model, the ladder beside a baseline, filters, scores, heatmap, top accounts.',
  usage:
    'ladder slides --workspace W --pack P|preset:NAME [--as-of YYYY-MM-DD] [--compare MODEL@VERSION|PACK] [--per-owner] --out deck.pptx [--json]',
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'the draft: a rule pack file, or preset:NAME' },
    'as-of': { kind: 'string', help: 'score as of this date (default: the latest period)', arg: 'asOf' },
    compare: { kind: 'string', help: 'the baseline: a saved version (MODEL@VERSION), a pack file or preset:NAME' },
    'per-owner': { kind: 'boolean', help: 'one deck per owner (owner_csm), named deck-OWNER.pptx' },
    out: { kind: 'string', help: 'the .pptx file to write (atomically)' },
    json: { kind: 'boolean', help: 'print the decks written (path, owner, slides) as JSON' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runSlides(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(slidesSpec, argv);
  const workspacePath = resolve(requireString(slidesSpec, args, 'workspace'));
  const packArg = requireString(slidesSpec, args, 'pack');
  const out = resolve(requireString(slidesSpec, args, 'out'));
  if (extname(out).toLowerCase() !== '.pptx') throw new UsageError('ladder slides: --out must end in .pptx.');
  const { asOf } = contractArgs(slidesSpec, args, dateArgs);
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    refuseWorkspaceTarget(out, ws.path);
    const { decks } = await writeDecks(ws, valid, {
      out,
      ...(asOf ? { asOf } : {}),
      ...(typeof args.options.compare === 'string' ? { compare: args.options.compare } : {}),
      perOwner: args.options['per-owner'] === true,
    });
    if (args.options.json) io.json({ decks });
    else for (const d of decks) io.out(`${d.path}: ${d.slides} slides${d.owner === null ? '' : ` (${d.owner})`}`);
    return 0;
  } finally {
    ws.db.close();
  }
}
