// Every number a chart shows and the accounts it opens come from one definition: on the demo book,
// for every preset (draft) against an edited baseline, each mark's count equals the number of
// accounts its drill-down lists — every ladder bar, every funnel step, every signal bar, every
// movers cell — and the score bins add up to the book.
import { join } from 'node:path';
import type { Engine } from '#shared/engine/engine';
import { checkPack, type ValidPack } from '#shared/pack/validate';
import { matchingAccounts, type AccountQuery, type QueryContext } from '#shared/workbench/queries';
import { enginesMovers, buildPairs } from '#shared/workbench/movers';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { listPresets, loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../electron/backend/scoring/score-workspace';
import { openWorkspace, type Workspace } from '../../electron/backend/store/open-workspace';
import { ladderBars } from '../../renderer/src/views/workbench/charts/ladder-chart';
import { funnelSteps } from '../../renderer/src/views/workbench/charts/funnel-chart';
import { signalRows } from '../../renderer/src/views/workbench/charts/signals-chart';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
let ws: Workspace;
beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 1500, seed: 21, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

/** The preset with every weight moved a little and a threshold changed, so accounts move. */
function edited(valid: ValidPack): ValidPack {
  const pack = structuredClone(valid.pack);
  pack.signals.forEach((s, i) => (s.weight = s.weight + (i % 2 ? 1 : -0.5)));
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error('edited pack is invalid');
  return checked.value;
}

function count(q: Omit<AccountQuery, 'sort' | 'descending' | 'offset' | 'limit'>, baseline: Engine, draft: Engine) {
  const ctx: QueryContext = { names: draft.features.accountIds };
  const matching = matchingAccounts(
    { ...q, sort: 'score', descending: true, offset: 0, limit: 0 },
    baseline,
    draft,
    ctx,
  );
  let cents = 0;
  for (const i of matching) cents += Math.round((draft.features.arr[i]! || 0) * 100);
  return { accounts: matching.length, arr: cents / 100 };
}

describe.each(listPresets().map((p) => p.id))('drill-downs of %s', (id) => {
  const draftPack = loadPreset(id);
  let draft: Engine;
  let baseline: Engine;
  beforeAll(() => {
    draft = scoreWorkspace(ws, draftPack).engine;
    baseline = scoreWorkspace(ws, edited(draftPack)).engine;
  });

  it('every ladder bar lists exactly its count', () => {
    const bars = ladderBars({ baseline: baseline.result, draft: draft.result, measure: 'accounts' });
    expect(bars).toHaveLength(draft.result.stages.length * 2);
    for (const bar of bars)
      expect(count(bar.filter, baseline, draft), `${bar.series} ${bar.id}`).toEqual({
        accounts: bar.accounts,
        arr: bar.arr,
      });
  });

  it('every funnel step lists exactly its count (candidates, each filter, what remains)', () => {
    const steps = funnelSteps(baseline.result, draft.result);
    expect(steps).toHaveLength(draft.pack.filters.length + 2);
    for (const step of steps)
      expect(count({ funnel: step.key }, baseline, draft), step.key).toEqual({
        accounts: step.draft.accounts,
        arr: step.draft.arr,
      });
    const removed = steps.filter((s) => s.kind === 'removed').reduce((n, s) => n + s.draft.accounts, 0);
    expect(steps[0]!.draft.accounts - removed).toBe(steps[steps.length - 1]!.draft.accounts);
  });

  it('every signal bar lists exactly the accounts it fires for', () => {
    for (const row of signalRows(baseline.result, draft.result))
      expect(count({ signal: row.id }, baseline, draft).accounts, row.id).toBe(row.fired);
  });

  it('every movers cell lists exactly its count, and the score bins add up to the book', () => {
    const movers = enginesMovers(baseline, draft, buildPairs(baseline, draft));
    movers.from.forEach((from, i) =>
      movers.to.forEach((to, j) =>
        expect(count({ baselineStage: from.id, stage: to.id }, baseline, draft).accounts, `${from.id}→${to.id}`).toBe(
          movers.accounts[i]![j],
        ),
      ),
    );
    const bins = draft.result.histogram.bins;
    expect(bins.reduce((n, b) => n + b.accounts, 0)).toBe(draft.features.accounts);
    expect(Math.round(bins.reduce((n, b) => n + b.arr, 0) * 100)).toBe(Math.round(draft.result.arr * 100));
  });
});
