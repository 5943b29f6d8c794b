// Decks for a workspace: the pack scored as of a date, beside a baseline (another pack or a saved version),
// for everyone or one deck per owner, each written atomically. Feature computation is timed apart from the
// deck (the benchmark reports the deck alone).
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { deckData } from '#shared/act/deck-data';
import { whitespaceReader } from '#shared/act/whitespace';
import type { ValidPack } from '#shared/pack/validate';
import { writeFileAtomic } from '../atomic-write';
import { getVersion } from '../models/model-store';
import { loadPackArgument, validateOrThrow } from '../packs/presets';
import { scoreWorkspace, type ScoredWorkspace } from '../scoring/score-workspace';
import type { Workspace } from '../store/open-workspace';
import { buildDeck } from './build-deck';
import { deckCalibration, type DeckCalibration } from './calibration-slides';

/** `MODEL@VERSION` names a saved version in the workspace; anything else is a pack file or preset:NAME. */
export function loadBaseline(ws: Workspace, arg: string): { name: string; valid: ValidPack } {
  const saved = /^(.+)@(\d+)$/.exec(arg);
  if (saved && !existsSync(arg)) {
    const row = ws.db
      .prepare(
        'SELECT v.id AS id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = ? AND v.version = ?',
      )
      .get(saved[1], Number(saved[2])) as { id: number } | undefined;
    if (!row)
      throw new LadderError(
        'not_found',
        `The workspace has no saved version ${saved[2]} of a model "${saved[1]!.slice(0, 80)}".`,
      );
    const version = getVersion(ws.db, row.id);
    return { name: `${saved[1]} v${saved[2]}`, valid: validateOrThrow(JSON.stringify(version.pack), arg) };
  }
  const valid = loadPackArgument(arg);
  return { name: valid.pack.name, valid };
}

export interface DeckRequest {
  out: string;
  asOf?: string;
  /** The baseline as named on the command line (MODEL@VERSION, a pack file or preset:NAME)… */
  compare?: string;
  /** …or as a pack the app sends. */
  baseline?: ValidPack;
  perOwner?: boolean;
}

export interface WrittenDeck {
  path: string;
  owner: string | null;
  slides: number;
}

/** A file name for an owner's deck: the owner's name kept to letters, digits and dashes. */
export function ownerDeckPath(out: string, owner: string, taken: Set<string>): string {
  const stem = basename(out, extname(out));
  const slug =
    owner
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'owner';
  let name = `${stem}-${slug}`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${stem}-${slug}-${k}`;
  taken.add(name.toLowerCase());
  return join(dirname(out), `${name}${extname(out) || '.pptx'}`);
}

/** One deck for everyone, in memory (browser mode downloads it). */
export async function renderDeck(
  ws: Workspace,
  valid: ValidPack,
  request: Omit<DeckRequest, 'out' | 'perOwner' | 'compare'>,
): Promise<{ buffer: Buffer; slides: number; asOf: string }> {
  const scored = scoreWorkspace(ws, valid, request.asOf);
  const baseline = request.baseline ? scoreWorkspace(ws, request.baseline, scored.asOf) : null;
  const calibration = await deckCalibration(ws, valid);
  const deck = await buildDeck(
    deckData({
      draft: scored.engine,
      names: scored.build.names,
      baseline: baseline && {
        name: request.baseline!.pack.name,
        engine: baseline.engine,
        pack: request.baseline!.pack,
      },
      asOf: scored.asOf,
      workspace: basename(ws.path),
      owner: null,
      whitespace: whitespaceReader(scored.engine),
    }),
    calibration,
  );
  return { ...deck, asOf: scored.asOf };
}

export async function writeDecks(
  ws: Workspace,
  valid: ValidPack,
  request: DeckRequest,
  scored: ScoredWorkspace = scoreWorkspace(ws, valid, request.asOf),
  calibration?: DeckCalibration,
): Promise<{ decks: WrittenDeck[]; deckMs: number }> {
  const baseline = request.baseline
    ? { name: request.baseline.pack.name, valid: request.baseline }
    : request.compare
      ? loadBaseline(ws, request.compare)
      : null;
  const baselineScored = baseline ? scoreWorkspace(ws, baseline.valid, scored.asOf) : null;
  const owners = scored.build.table.categories.get('owner_csm')?.dictionary ?? [];
  const scopes: (string | null)[] = request.perOwner ? [...owners].sort((a, b) => a.localeCompare(b)) : [null];
  if (request.perOwner && scopes.length === 0)
    throw new LadderError(
      'bad_request',
      'No account in this workspace has an owner (owner_csm): there is no deck per owner.',
    );
  // Calibration computes features as of its own date: it is feature work, outside the deck's time.
  const calibrated = calibration ?? (await deckCalibration(ws, valid));
  const t0 = performance.now();
  const taken = new Set<string>();
  const decks: WrittenDeck[] = [];
  for (const owner of scopes) {
    const data = deckData({
      draft: scored.engine,
      names: scored.build.names,
      baseline: baseline && { name: baseline.name, engine: baselineScored!.engine, pack: baseline.valid.pack },
      asOf: scored.asOf,
      workspace: basename(ws.path),
      owner,
      whitespace: whitespaceReader(scored.engine),
    });
    const deck = await buildDeck(data, calibrated);
    const path = owner === null ? request.out : ownerDeckPath(request.out, owner, taken);
    await writeFileAtomic(path, deck.buffer);
    decks.push({ path, owner, slides: deck.slides });
  }
  return { decks, deckMs: performance.now() - t0 };
}
