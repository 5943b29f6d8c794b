// The book over time: a pack scored as of several dates (stage counts and ARR per date), the flow
// between two dates, and the owner leaderboard with stale Ready accounts. Feature tables come
// from the workspace's feature cache, so repeated questions about the same dates are quick.
import { addDays, isoToDay, dayToIso } from '#shared/dates';
import { LadderError } from '#shared/api/result';
import { toFeatureTable } from '#shared/engine/arrow-features';
import { accountScores, createEngine, type Engine } from '#shared/engine/engine';
import { flowAccounts, flowMatrix, type FlowInput, type FlowMatrix } from '#shared/book/flow';
import { leaderboard, type LeaderboardRow } from '#shared/book/leaderboard';
import type { ValidPack } from '#shared/pack/validate';
import type { FlowAccountRow, TimelinePoint } from '#shared/api/book-contract';
import { loadFeatures } from '../features/cache';
import { latestPeriodStart } from '../features/build';
import type { Workspace } from '../store/open-workspace';
import { ownerScope } from './book-data';
import { expansionOpened } from './outcome-columns';
import { isSet } from '#shared/missing';

export interface ScoredAt {
  asOf: string;
  engine: Engine;
  names: string[];
  stage: Int8Array;
}

export async function scoreAt(ws: Workspace, valid: ValidPack, asOf: string, signal?: AbortSignal): Promise<ScoredAt> {
  const { payload } = await loadFeatures(ws, valid, asOf, { includeAccounts: true, ...(signal ? { signal } : {}) });
  const engine = createEngine(toFeatureTable(payload), valid);
  return { asOf, engine, names: payload.base!.names, stage: accountScores(engine).stage };
}

/** As-of dates every `weeks` weeks back from the latest period, within the period range (at most `limit`). */
export function timelineDates(ws: Workspace, weeks: number, limit = 13): string[] {
  const last = latestPeriodStart(ws.db);
  if (!last) throw new LadderError('bad_request', 'The workspace has no period data, so there is no history to show.');
  const first = ws.db.prepare('SELECT min(period_start) FROM periods').pluck().get() as string;
  const dates: string[] = [];
  for (let day = isoToDay(last); day >= isoToDay(first) && dates.length < limit; day -= weeks * 7)
    dates.push(dayToIso(day));
  return dates.reverse();
}

export async function timeline(
  ws: Workspace,
  valid: ValidPack,
  options: { owner?: string; weeks?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<TimelinePoint[]> {
  const dates = timelineDates(ws, options.weeks ?? 4);
  const out: TimelinePoint[] = [];
  for (const asOf of dates) {
    options.onProgress?.(out.length, dates.length);
    const s = await scoreAt(ws, valid, asOf, options.signal);
    const scope = ownerScope(s.engine.features.categories, options.owner);
    const stages = s.engine.model.stages.map((st) => ({ id: st.id, label: st.label, accounts: 0, arr: 0 }));
    const arr = s.engine.features.arr;
    let accounts = 0;
    for (let i = 0; i < s.stage.length; i++) {
      if (scope && scope[i] === 0) continue;
      accounts++;
      const st = stages[s.stage[i]!]!;
      st.accounts++;
      st.arr += isSet(arr[i]!) ? Math.round(arr[i]! * 100) : 0;
    }
    for (const st of stages) st.arr /= 100;
    out.push({ asOf, accounts, stages });
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new LadderError('cancelled', 'The history was cancelled.');
  }
  options.onProgress?.(dates.length, dates.length);
  return out;
}

function checkDates(from: string, to: string): void {
  if (from >= to) throw new LadderError('bad_request', `The first date (${from}) must be before the second (${to}).`);
}

async function flowInput(ws: Workspace, valid: ValidPack, from: string, to: string, owner?: string) {
  checkDates(from, to);
  const a = await scoreAt(ws, valid, from);
  const b = await scoreAt(ws, valid, to);
  const input: FlowInput = {
    stages: b.engine.model.stages,
    from: a.stage,
    to: b.stage,
    arr: b.engine.features.arr,
    owners: b.engine.features.categories.get('owner_csm'),
    scope: ownerScope(b.engine.features.categories, owner),
  };
  return { input, later: b };
}

export async function flow(
  ws: Workspace,
  valid: ValidPack,
  from: string,
  to: string,
  owner?: string,
): Promise<FlowMatrix & { from: string; to: string }> {
  const { input } = await flowInput(ws, valid, from, to, owner);
  return { ...flowMatrix(input), from, to };
}

export async function flowCellAccounts(
  ws: Workspace,
  valid: ValidPack,
  q: { from: string; to: string; owner?: string; fromStage: string; toStage: string; offset: number; limit: number },
): Promise<{ total: number; rows: FlowAccountRow[] }> {
  const { input, later } = await flowInput(ws, valid, q.from, q.to, q.owner);
  const index = (id: string) => {
    const i = input.stages.findIndex((s) => s.id === id);
    if (i < 0) throw new LadderError('bad_request', `Unknown stage "${id}".`);
    return i;
  };
  const all = flowAccounts(input, index(q.fromStage), index(q.toStage));
  const owners = input.owners;
  const rows = all.slice(q.offset, q.offset + q.limit).map((i) => {
    const code = owners?.codes[i] ?? -1;
    const arr = input.arr[i]!;
    return {
      id: later.engine.features.accountIds[i]!,
      name: later.names[i]!,
      owner: code >= 0 ? owners!.dictionary[code]! : '',
      arr: isSet(arr) ? arr : null,
      from: q.fromStage,
      to: q.toStage,
    };
  });
  return { total: all.length, rows };
}

export async function ownerLeaderboard(
  ws: Workspace,
  valid: ValidPack,
  options: { asOf: string; staleWeeks: number },
): Promise<{ asOf: string; since: string; rows: LeaderboardRow[] }> {
  const since = addDays(options.asOf, -7 * options.staleWeeks);
  const now = await scoreAt(ws, valid, options.asOf);
  const then = await scoreAt(ws, valid, since);
  const ids = now.engine.features.accountIds;
  const rows = leaderboard({
    owners: now.engine.features.categories.get('owner_csm'),
    stageNow: now.stage,
    stageThen: then.stage,
    top: now.engine.model.top,
    arr: now.engine.features.arr,
    whitespace: now.engine.potential.whitespace,
    opened: expansionOpened(ws.db, ids, since, options.asOf),
  });
  return { asOf: options.asOf, since, rows };
}
