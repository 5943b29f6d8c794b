// What a model-review deck shows, as numbers from the engine: the model's parts, the ladder (baseline beside
// draft), the false-positive funnel, the score distribution, signal firing, a heatmap, the top Ready
// accounts with their plays, and what changed between two versions. Scoped to one owner for per-owner decks.
import type { ModelResult } from '../engine/aggregate';
import type { Engine } from '../engine/engine';
import { hasBit } from '../engine/classes';
import { segmentNames } from '../engine/features';
import { isSet } from '../missing';
import type { RulePack } from '../pack/schema';
import { diffPacks, type PackChange } from '../workbench/diff';
import { ownerMask, scopedClassTable, scopedResult } from '../workbench/scope';
import { classPlays } from './play-funnel';
import { formatThreshold } from './views';

export interface DeckAccount {
  accountId: string;
  name: string;
  owner: string | null;
  score: number;
  stage: string;
  arr: number | null;
  whitespace: number | null;
  play: string | null;
  signals: string[];
}

export interface Heatmap {
  rowLabel: string;
  rows: string[];
  columns: string[];
  /** accounts[row][column] */
  accounts: number[][];
}

export interface DeckPlay {
  label: string;
  ownerRole: string;
  opening: string;
  questions: string[];
  steps: string[];
  /** Top-stage accounts given this play, and the first of them by score then ARR. */
  accounts: number;
  arr: number;
  top: DeckAccount[];
}

export interface DeckData {
  pack: RulePack;
  asOf: string;
  workspace: string;
  owner: string | null;
  draft: ModelResult;
  baseline: { name: string; result: ModelResult } | null;
  heatmap: Heatmap;
  top: DeckAccount[];
  plays: DeckPlay[];
  changes: PackChange[] | null;
}

/** The aggregates over one owner's accounts (the book's scoping: same classes, the owner's counts). */
const ownerResult = (engine: Engine, owner: string): ModelResult =>
  scopedResult(
    engine,
    scopedClassTable(engine, ownerMask(engine.features.categories.get('owner_csm'), owner, engine.features.accounts)),
  );

export function ownerScope(engine: Engine, owner: string | null): (i: number) => boolean {
  if (owner === null) return () => true;
  const owners = engine.features.categories.get('owner_csm');
  const code = owners?.dictionary.indexOf(owner) ?? -1;
  return (i) => code >= 0 && owners!.codes[i] === code;
}

const heatmapRows = 12;

/** Owner × stage (segment × stage in one owner's deck): the biggest rows, the rest as "Other". */
function heatmapOf(engine: Engine, scope: (i: number) => boolean, owner: string | null): Heatmap {
  const { features, table, outcomes, model } = engine;
  const columns = model.stages.map((s) => s.label);
  const owners = features.categories.get('owner_csm');
  const rowOf =
    owner === null && owners
      ? (i: number) => (owners.codes[i]! < 0 ? 'Unassigned' : owners.dictionary[owners.codes[i]!]!)
      : (i: number) => segmentNames[features.segment[i]! & 3]!;
  const counts = new Map<string, number[]>();
  for (let i = 0; i < features.accounts; i++) {
    if (!scope(i)) continue;
    const row = rowOf(i);
    let cells = counts.get(row);
    if (!cells) counts.set(row, (cells = new Array<number>(columns.length).fill(0)));
    cells[outcomes.stage[table.of[i]!]!]! += 1;
  }
  const total = (cells: number[]) => cells.reduce((a, b) => a + b, 0);
  const sorted = [...counts].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const kept = sorted.slice(0, heatmapRows);
  const rest = sorted.slice(heatmapRows);
  if (rest.length > 0) kept.push(['Other', columns.map((_, k) => rest.reduce((s, [, cells]) => s + cells[k]!, 0))]);
  return {
    rowLabel: owner === null && owners ? 'Owner' : 'Segment',
    rows: kept.map(([r]) => r),
    columns,
    accounts: kept.map(([, cells]) => cells),
  };
}

export const topAccountCount = 10;
export const playAccountCount = 8;

/** The top-stage accounts in scope by score, then ARR, then account order; and how to describe one. */
function readyAccounts(
  engine: Engine,
  scope: (i: number) => boolean,
  names: readonly string[],
  whitespace: (i: number) => number | null,
) {
  const { features, table, outcomes, model, pack } = engine;
  const plays = classPlays(engine);
  const ranked: number[] = [];
  for (let i = 0; i < features.accounts; i++)
    if (scope(i) && outcomes.stage[table.of[i]!] === model.top) ranked.push(i);
  const score = (i: number) => outcomes.score[table.of[i]!]!;
  const arr = (i: number) => (isSet(features.arr[i]!) ? features.arr[i]! : 0);
  ranked.sort((a, b) => score(b) - score(a) || arr(b) - arr(a) || a - b);
  const owners = features.categories.get('owner_csm');
  const describe = (i: number): DeckAccount => {
    const c = table.of[i]!;
    const code = owners?.codes[i] ?? -1;
    return {
      accountId: features.accountIds[i]!,
      name: names[i] ?? features.accountIds[i]!,
      owner: code >= 0 ? owners!.dictionary[code]! : null,
      score: score(i),
      stage: model.stages[outcomes.stage[c]!]!.label,
      arr: isSet(features.arr[i]!) ? features.arr[i]! : null,
      whitespace: whitespace(i),
      play: plays[c]! >= 0 ? pack.plays[plays[c]!]!.label : null,
      signals: pack.signals.filter((s, k) => s.enabled && hasBit(table.mask[c]!, k)).map((s) => s.label),
    };
  };
  const playOf = (i: number) => plays[table.of[i]!]!;
  return { ranked, describe, playOf, arr };
}

function playsOf(pack: RulePack, ready: ReturnType<typeof readyAccounts>): DeckPlay[] {
  return pack.plays
    .map((p, k) => {
      const given = ready.ranked.filter((i) => ready.playOf(i) === k);
      return {
        label: p.label,
        ownerRole: p.ownerRole,
        opening: p.opening ?? p.outline[0]!,
        questions: p.questions ?? [],
        steps: p.outline,
        accounts: given.length,
        arr: given.reduce((sum, i) => sum + ready.arr(i), 0),
        top: given.slice(0, playAccountCount).map(ready.describe),
      };
    })
    .filter((p) => p.accounts > 0)
    .sort((a, b) => b.accounts - a.accounts || a.label.localeCompare(b.label));
}

export interface DeckInputs {
  draft: Engine;
  names: readonly string[];
  baseline: { name: string; engine: Engine; pack: RulePack } | null;
  asOf: string;
  workspace: string;
  owner: string | null;
  whitespace: (i: number) => number | null;
}

export function deckData(inputs: DeckInputs): DeckData {
  const { draft, owner } = inputs;
  const scope = ownerScope(draft, owner);
  const ready = readyAccounts(draft, scope, inputs.names, inputs.whitespace);
  return {
    pack: draft.pack,
    asOf: inputs.asOf,
    workspace: inputs.workspace,
    owner,
    draft: owner === null ? draft.result : ownerResult(draft, owner),
    baseline: inputs.baseline && {
      name: inputs.baseline.name,
      result: owner === null ? inputs.baseline.engine.result : ownerResult(inputs.baseline.engine, owner),
    },
    heatmap: heatmapOf(draft, scope, owner),
    top: ready.ranked.slice(0, topAccountCount).map(ready.describe),
    plays: playsOf(draft.pack, ready),
    changes: inputs.baseline ? diffPacks(inputs.baseline.pack, draft.pack) : null,
  };
}

/** A signal's rule in words: `seat_utilisation > 0.85 for 4 periods`. */
export function signalRule(s: RulePack['signals'][number]): string {
  const base = `${s.metric} ${s.operator} ${formatThreshold(s.threshold, s.operator)}`;
  return s.sustainedPeriods ? `${base} for ${s.sustainedPeriods} periods` : base;
}
