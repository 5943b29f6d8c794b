// Every preset runs on the demo book, and the planted patterns land where they were designed to:
// the seven-signal table lifts true expanders *and* their look-alikes to Ready; the filter preset
// keeps the expanders and stops each look-alike with its own filter or gate.
import { join } from 'node:path';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { listPresets, loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace, type ScoredWorkspace } from '../../electron/backend/scoring/score-workspace';
import { openWorkspace, type Workspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';
import { hasBit } from '#shared/engine/classes';

const dir = tempDir();
let ws: Workspace;
let patternOf: Map<string, string>;

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 2000, seed: 20240601, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
  patternOf = new Map(
    ws.db
      .prepare('SELECT a.id, ap.pattern FROM accounts a JOIN account_patterns ap ON ap.account_key = a.key')
      .raw()
      .all() as [string, string][],
  );
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

interface Landing {
  /** stage id → share of the pattern's accounts */
  stages: Record<string, number>;
  /** filter id → share of the pattern's accounts the filter moved down */
  applied: Record<string, number>;
}

function landing(scored: ScoredWorkspace): Record<string, Landing> {
  const { engine } = scored;
  const { table, outcomes, model, pack, features } = engine;
  const counts: Record<string, { n: number; stages: Record<string, number>; applied: Record<string, number> }> = {};
  for (let i = 0; i < features.accounts; i++) {
    const pattern = patternOf.get(features.accountIds[i]!)!;
    const entry = (counts[pattern] ??= { n: 0, stages: {}, applied: {} });
    const c = table.of[i]!;
    entry.n++;
    const stage = model.stages[outcomes.stage[c]!]!.id;
    entry.stages[stage] = (entry.stages[stage] ?? 0) + 1;
    pack.filters.forEach((f, k) => {
      if (hasBit(outcomes.appliedFilters[c]!, k)) entry.applied[f.id] = (entry.applied[f.id] ?? 0) + 1;
    });
  }
  const share = (r: Record<string, number>, n: number) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / n]));
  return Object.fromEntries(
    Object.entries(counts).map(([p, e]) => [p, { stages: share(e.stages, e.n), applied: share(e.applied, e.n) }]),
  );
}

function report(name: string, result: Record<string, Landing>): void {
  const lines = Object.entries(result)
    .sort()
    .map(
      ([p, l]) =>
        `  ${p.padEnd(20)} ${Object.entries(l.stages)
          .sort()
          .map(([s, v]) => `${s} ${(v * 100).toFixed(0)}%`)
          .join(', ')}${
          Object.keys(l.applied).length
            ? ` | stopped by ${Object.entries(l.applied)
                .map(([f, v]) => `${f} ${(v * 100).toFixed(0)}%`)
                .join(', ')}`
            : ''
        }`,
    );
  console.log(`${name}\n${lines.join('\n')}`);
}

const at = (l: Landing, stage: string) => l.stages[stage] ?? 0;
const stopped = (l: Landing, filter: string) => l.applied[filter] ?? 0;

describe('presets on the demo book', () => {
  it('every preset validates, runs and puts each account in exactly one stage', () => {
    const presets = listPresets();
    expect(presets.map((p) => p.id).sort()).toEqual([
      'behavioural-indicators',
      'emerging-ready-filters',
      'seven-signal-table',
      'two-signals-window',
      'value-journey-density',
    ]);
    for (const p of presets) {
      const scored = scoreWorkspace(ws, loadPreset(p.id));
      expect(scored.asOf).toBe('2026-11-16');
      expect(scored.engine.result.stages.reduce((s, x) => s + x.accounts, 0)).toBe(2000);
      report(p.name, landing(scored));
    }
  });

  it('seven-signal table: true expanders reach Ready — and so do most look-alikes, which have no filter to stop them', () => {
    const l = landing(scoreWorkspace(ws, loadPreset('seven-signal-table')));
    expect(at(l.true_expander!, 'ready')).toBeGreaterThan(0.95);
    for (const lookalike of ['single_champion', 'launch_spike', 'admin_only', 'no_buying_path', 'unhappy_high_usage']) {
      expect(at(l[lookalike]!, 'ready')).toBeGreaterThan(0.75);
    }
    expect(at(l.healthy_narrow!, 'ready')).toBeLessThan(0.05);
  });

  it('Emerging / Ready with filters: expanders stay Ready; each look-alike is stopped by its own filter or gate', () => {
    const l = landing(scoreWorkspace(ws, loadPreset('emerging-ready-filters')));
    expect(at(l.true_expander!, 'ready')).toBeGreaterThan(0.9);
    expect(stopped(l.single_champion!, 'single_champion')).toBeGreaterThan(0.9);
    expect(stopped(l.launch_spike!, 'project_spike')).toBeGreaterThan(0.8);
    expect(stopped(l.admin_only!, 'admin_only')).toBeGreaterThan(0.6);
    expect(stopped(l.no_buying_path!, 'no_buying_path')).toBeGreaterThan(0.9);
    expect(at(l.unhappy_high_usage!, 'health_first')).toBeGreaterThan(0.95);
    for (const lookalike of [
      'single_champion',
      'launch_spike',
      'admin_only',
      'no_buying_path',
      'unhappy_high_usage',
      'healthy_narrow',
    ]) {
      expect(at(l[lookalike]!, 'ready')).toBeLessThan(0.05);
    }
    // Filters do not eat the real thing.
    for (const f of ['single_champion', 'project_spike', 'admin_only', 'no_buying_path'])
      expect(stopped(l.true_expander!, f)).toBeLessThan(0.03);
  });

  it('the other frameworks rank true expanders at their top stage and leave narrow accounts below it', () => {
    const tops = {
      'two-signals-window': 'trigger',
      'behavioural-indicators': 'ready',
      'value-journey-density': 'top_priority',
    } as const;
    for (const [preset, top] of Object.entries(tops)) {
      const l = landing(scoreWorkspace(ws, loadPreset(preset)));
      expect(at(l.true_expander!, top), preset).toBeGreaterThan(0.85);
      expect(at(l.healthy_narrow!, top), preset).toBeLessThan(0.05);
    }
    const journey = landing(scoreWorkspace(ws, loadPreset('value-journey-density')));
    expect(at(journey.unhappy_high_usage!, 'health_first_track')).toBe(1);
  });

  it('replays the past exactly: scoring as of a date ignores every later period', async () => {
    const asOf = '2026-05-18';
    const then = scoreWorkspace(ws, loadPreset('emerging-ready-filters'), asOf);
    // The same workspace with everything after the as-of date deleted must score identically.
    const cut = join(dir.path, 'cut.ladder');
    await ws.db.backup(cut);
    const truncated = await openWorkspace(cut);
    truncated.db.prepare('DELETE FROM periods WHERE period_start > ?').run(asOf);
    const replay = scoreWorkspace(truncated, loadPreset('emerging-ready-filters'), asOf);
    truncated.db.close();
    expect(replay.engine.result).toEqual(then.engine.result);
    for (const [key, column] of then.build.table.columns)
      expect(Array.from(replay.build.table.columns.get(key)!), key).toEqual(Array.from(column));
    // Early in the year the expanders had not yet spread: fewer were Ready than today.
    const early = landing(scoreWorkspace(ws, loadPreset('seven-signal-table'), '2026-01-12'));
    const today = landing(scoreWorkspace(ws, loadPreset('seven-signal-table')));
    expect(at(early.true_expander!, 'ready')).toBeLessThan(at(today.true_expander!, 'ready') - 0.3);
  });
});
