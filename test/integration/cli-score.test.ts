// `ladder score` as users script it: scored-accounts CSV with the fixed columns, JSON aggregates,
// clear failures for bad packs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
afterAll(() => dir.cleanup());
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '300', '--end-date', '2026-06-01']).status).toBe(0);
});

describe('ladder score', () => {
  it('writes the scored-accounts columns: account_id, score, stage, 0/1 per signal and per filter, whitespace', () => {
    const out = join(dir.path, 'scored.csv');
    const run = ladder(['score', '--workspace', workspace, '--pack', 'preset:emerging-ready-filters', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toBe(
      'account_id,score,stage,team_spread,repeated_operators,workflow_depth,capacity_pressure,api_pressure,renewal_window,sponsor_engaged,single_champion,project_spike,admin_only,no_buying_path,potential_seats,potential_arr,whitespace',
    );
    expect(rows).toHaveLength(300);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells[0]).toMatch(/^ACC-\d{7}$/);
      expect(Number.isFinite(Number(cells[1]))).toBe(true);
      expect(['health_first', 'not_ready', 'emerging', 'ready']).toContain(cells[2]);
      expect(cells.slice(3, -3).every((c) => c === '0' || c === '1')).toBe(true);
      // Potential seats, potential ARR and whitespace: numbers, or empty where an input is missing.
      expect(cells.slice(-3).every((c) => c === '' || Number.isFinite(Number(c)))).toBe(true);
      if (cells[cells.length - 1] !== '') expect(Number(cells[cells.length - 1])).toBeGreaterThanOrEqual(0);
    }
    expect(rows.filter((r) => Number(r.split(',').at(-1)) > 0).length).toBeGreaterThan(30);
  });

  it('--json prints the aggregates and the same accounts as the CSV', () => {
    const run = ladder(['score', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.asOf).toBe('2026-06-01');
    expect(doc.accounts).toHaveLength(300);
    expect(doc.aggregates.stages.map((s: { id: string }) => s.id)).toEqual(['not_ready', 'emerging', 'ready']);
    const ready = doc.accounts.filter((a: { stage: string }) => a.stage === 'ready').length;
    expect(doc.aggregates.stages[2].accounts).toBe(ready);
    const first = doc.accounts[0];
    const signals = [
      'seat_limit',
      'feature_graduation',
      'headcount_growth',
      'new_department',
      'power_users',
      'renewal_window',
      'exec_engagement',
    ];
    const weights = [5, 3, 4, 4, 3, 2, 4];
    expect(first.score).toBe(signals.reduce((s, id, i) => s + first[id] * weights[i]!, 0));
  });

  it('accepts a pack file and an --as-of date; refuses bad packs and dates with one sentence', () => {
    const packPath = join(dir.path, 'pack.json');
    const pack = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'resources', 'packs', 'seven-signal-table.json'), 'utf8'),
    );
    pack.signals[0].threshold = 0.5;
    writeFileSync(packPath, JSON.stringify(pack));
    const ok = ladder(['score', '--workspace', workspace, '--pack', packPath, '--as-of', '2026-03-02', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).asOf).toBe('2026-03-02');

    pack.signals[0].metric = 'seat_utilization';
    writeFileSync(packPath, JSON.stringify(pack));
    const bad = ladder(['score', '--workspace', workspace, '--pack', packPath]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'pack.json is not a valid rule pack: signals[0].metric: Unknown metric "seat_utilization".',
    );

    const unknown = ladder(['score', '--workspace', workspace, '--pack', 'preset:nope']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/There is no preset called "nope"; the presets are /);

    const date = ladder([
      'score',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
      '--as-of',
      '2026-02-30',
    ]);
    expect(date.status).toBe(2);
    expect(date.stderr).toMatch(/^ladder score: --as-of: "2026-02-30" is not a calendar date; use YYYY-MM-DD\.\n/);
    expect(ladder(['score', '--workspace', workspace]).status).toBe(2);
    expect(
      ladder(['score', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--out', 'x.txt']).status,
    ).toBe(2);
  });
});
