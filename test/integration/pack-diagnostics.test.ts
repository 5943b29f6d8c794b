// Packs say when their inputs are missing (issue 9, problem 5): a preset on an accounts-only export,
// a misspelt `custom.` name, signals that never or always fire — on stderr, in `--json` as
// diagnostics[], and `--strict` refuses a pack blind on the workspace.
import { join } from 'node:path';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
const accountsOnly = join(dir.path, 'accounts-only.ladder');
const withEvents = join(dir.path, 'events.ladder');
afterAll(() => dir.cleanup());

const importInto = (workspace: string, file: string, kind: string) => {
  const run = ladder(['import', join(fixtures, file), '--workspace', workspace, '--kind', kind]);
  expect(run.status, run.stderr).toBe(0);
};

beforeAll(() => {
  importInto(accountsOnly, 'sparse-accounts.csv', 'accounts');
  importInto(withEvents, 'sparse-accounts.csv', 'accounts');
  importInto(withEvents, 'sparse-events.csv', 'events');
});

interface Diagnostic {
  part: string;
  id: string;
  kind: string;
  share: number;
  message: string;
}

describe('pack diagnostics in `ladder score`', () => {
  it('an accounts-only workspace with a preset: every signal reports its missing inputs', () => {
    const run = ladder(['score', '--workspace', accountsOnly, '--pack', 'preset:seven-signal-table', '--json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const bySignal = new Map(doc.diagnostics.filter((d) => d.part === 'signal').map((d) => [d.id, d]));
    expect([...bySignal.keys()].sort()).toEqual(
      [
        'exec_engagement',
        'feature_graduation',
        'headcount_growth',
        'new_department',
        'power_users',
        'renewal_window',
        'seat_limit',
      ].sort(),
    );
    for (const d of bySignal.values()) expect(d).toMatchObject({ kind: 'no_data', share: 1 });
    expect(bySignal.get('seat_limit')!.message).toBe('No data in this workspace: seats_used has no values.');
    expect(bySignal.get('renewal_window')!.message).toContain('days_to_renewal');
    expect(run.stderr).toContain('ladder score: 7 of 7 signals have no data in this workspace.');
    expect(run.stderr).toContain('ladder score: signal exec_engagement: No data in this workspace: exec_meetings');
  });

  it('--strict exits 1 with one sentence when an input is missing for every account', () => {
    const run = ladder(['score', '--workspace', accountsOnly, '--pack', 'preset:emerging-ready-filters', '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--strict: \d+ parts of the pack have an input missing for every account \(signal /);
    // Without --strict the same run succeeds: the diagnostics are information.
    expect(ladder(['score', '--workspace', accountsOnly, '--pack', 'preset:emerging-ready-filters']).status).toBe(0);
  });

  it('a misspelt custom. name is reported with a did-you-mean; a name that exists is not', () => {
    const pack = join(fixtures, 'misspelt-custom.pack.json');
    const run = ladder(['score', '--workspace', withEvents, '--pack', pack, '--as-of', '2026-03-30', '--json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    expect(doc.diagnostics).toContainEqual({
      part: 'signal',
      id: 'busy_typo',
      kind: 'unknown_name',
      share: 1,
      message: '"custom.evnts" is not in this workspace — did you mean custom.events?',
    });
    expect(doc.diagnostics.filter((d) => d.id === 'busy')).toEqual([]);
    // arr > 0 holds for all four accounts: it cannot tell them apart.
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ id: 'anyone', kind: 'always_fires', share: 1 }));
    expect(ladder(['score', '--workspace', withEvents, '--pack', pack, '--strict']).status).toBe(1);
  });

  it('the demo book gives the seven-signal table no diagnostics', () => {
    const demo = join(dir.path, 'demo.ladder');
    expect(ladder(['demo', '--workspace', demo, '--accounts', '400', '--end-date', '2026-06-01']).status).toBe(0);
    const run = ladder(['score', '--workspace', demo, '--pack', 'preset:seven-signal-table', '--json', '--strict']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
    expect(run.stderr).toBe('');
  });
});
