// What the views show: accounts and ARR per stage, the false-positive funnel, the score
// distribution and how often each signal fires — all summed over classes, not accounts.
import type { RulePack } from '../pack/schema';
import type { ClassTable } from './classes';
import type { ClassOutcomes, ScoringModel } from './scoring';
import { filterBitsOfContext, hasBit } from './classes';
import { funnelStepOf, notCandidate, remainsInTop } from './funnel';

export interface Tally {
  accounts: number;
  arr: number;
}

export interface ModelResult {
  accounts: number;
  arr: number;
  stages: ({ id: string; label: string } & Tally)[];
  funnel: {
    stage: string;
    candidates: Tally;
    removed: ({ id: string; label: string } & Tally)[];
    remaining: Tally;
  };
  histogram: { binWidth: number; bins: { from: number; to: number; accounts: number; arr: number }[] };
  signals: { id: string; label: string; fired: number; firedArr: number; shareOfTop: number }[];
  filters: { id: string; label: string; hits: number; applied: number }[];
  gates: { id: string; label: string; failed: number }[];
}

const tally = (): Tally => ({ accounts: 0, arr: 0 });
const centsToDollars = (cents: number) => cents / 100;

/** A readable bin width: 1 for small integer scores, otherwise 1/2/5 × 10^k giving ~25 bins. */
function binWidthFor(min: number, max: number, integers: boolean): number {
  const range = max - min;
  if (integers && range <= 40) return 1;
  const raw = Math.max(range / 25, 1e-9);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * power) return m * power;
  return 10 * power;
}

function histogram(table: ClassTable, out: ClassOutcomes): ModelResult['histogram'] {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let any = false;
  for (let c = 0; c < out.size; c++) {
    if (table.count[c] === 0) continue;
    any = true;
    const s = out.score[c]!;
    if (!Number.isFinite(s)) continue; // ±Infinity (tiny positive weights under shares) goes to the end bins
    min = Math.min(min, s);
    max = Math.max(max, s);
    if (!Number.isInteger(s)) integers = false;
  }
  if (!any) return { binWidth: 1, bins: [] };
  if (min === Infinity) min = max = 0;
  const width = binWidthFor(min, max, integers);
  const first = Math.floor(min / width) * width;
  const count = Math.max(1, Math.floor((max - first) / width) + 1); // rounding can put max a hair below first
  const bins = Array.from({ length: count }, (_, b) => ({
    from: first + b * width,
    to: first + (b + 1) * width,
    accounts: 0,
    arr: 0,
  }));
  const cents = new Float64Array(count); // summed in whole cents, like every other ARR total
  for (let c = 0; c < out.size; c++) {
    if (table.count[c] === 0) continue;
    const b = Math.max(0, Math.min(count - 1, Math.floor((out.score[c]! - first) / width)));
    bins[b]!.accounts += table.count[c]!;
    cents[b]! += table.arrCents[c]!;
  }
  bins.forEach((bin, b) => (bin.arr = centsToDollars(cents[b]!)));
  return { binWidth: width, bins };
}

export function aggregate(pack: RulePack, model: ScoringModel, table: ClassTable, out: ClassOutcomes): ModelResult {
  const stageCents = model.stages.map(() => 0);
  const stageCount = model.stages.map(() => 0);
  const signalCount = new Float64Array(model.signalCount);
  const signalCents = new Float64Array(model.signalCount);
  const signalTop = new Float64Array(model.signalCount);
  const filterHits = new Float64Array(pack.filters.length);
  const filterApplied = new Float64Array(pack.filters.length);
  const removedCount = new Float64Array(pack.filters.length);
  const removedCents = new Float64Array(pack.filters.length);
  const gateFailed = new Float64Array(pack.ladder.gates.length);
  const candidates = tally();
  const remaining = tally();
  let totalCount = 0;
  let totalCents = 0;

  for (let c = 0; c < out.size; c++) {
    const n = table.count[c]!;
    if (n === 0) continue;
    const cents = table.arrCents[c]!;
    totalCount += n;
    totalCents += cents;
    const stage = out.stage[c]!;
    stageCount[stage]! += n;
    stageCents[stage]! += cents;
    const mask = table.mask[c]!;
    for (let s = 0; s < model.signalCount; s++) {
      if (!model.enabled[s] || !hasBit(mask, s)) continue;
      signalCount[s]! += n;
      signalCents[s]! += cents;
      if (stage === model.top) signalTop[s]! += n;
    }
    const hits = filterBitsOfContext(table.context[c]!);
    pack.filters.forEach((f, fi) => {
      if (f.enabled && hasBit(hits, fi)) filterHits[fi]! += n;
      if (hasBit(out.appliedFilters[c]!, fi)) filterApplied[fi]! += n;
    });
    for (let g = 0; g < gateFailed.length; g++) if (hasBit(out.failedGates[c]!, g)) gateFailed[g]! += n;
    const step = funnelStepOf(model, out, c);
    if (step !== notCandidate) {
      candidates.accounts += n;
      candidates.arr += cents;
    }
    if (step >= 0) {
      removedCount[step]! += n;
      removedCents[step]! += cents;
    }
    if (step === remainsInTop) {
      remaining.accounts += n;
      remaining.arr += cents;
    }
  }
  const topCount = stageCount[model.top]!;
  const removed = pack.filters.map((f, fi) => ({
    id: f.id,
    label: f.label,
    accounts: removedCount[fi]!,
    arr: centsToDollars(removedCents[fi]!),
  }));
  return {
    accounts: totalCount,
    arr: centsToDollars(totalCents),
    stages: model.stages.map((s, i) => ({
      id: s.id,
      label: s.label,
      accounts: stageCount[i]!,
      arr: centsToDollars(stageCents[i]!),
    })),
    funnel: {
      stage: model.stages[model.top]!.id,
      candidates: { accounts: candidates.accounts, arr: centsToDollars(candidates.arr) },
      removed,
      remaining: { accounts: remaining.accounts, arr: centsToDollars(remaining.arr) },
    },
    histogram: histogram(table, out),
    signals: pack.signals.map((s, i) => ({
      id: s.id,
      label: s.label,
      fired: signalCount[i]!,
      firedArr: centsToDollars(signalCents[i]!),
      shareOfTop: topCount > 0 ? signalTop[i]! / topCount : 0,
    })),
    filters: pack.filters.map((f, i) => ({
      id: f.id,
      label: f.label,
      hits: filterHits[i]!,
      applied: filterApplied[i]!,
    })),
    gates: pack.ladder.gates.map((g, i) => ({ id: g.id, label: g.label, failed: gateFailed[i]! })),
  };
}
