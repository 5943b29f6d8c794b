// The `ladder` command as users script it: demo then info agree; bad files exit 1 with one
// sentence and stay unchanged; usage errors exit 2.
import Database from 'better-sqlite3';
import { copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../helpers/cli';
import { sha256, tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'book.ladder');
afterAll(() => dir.cleanup());

describe('ladder demo + ladder info', () => {
  let demo: Record<string, any>;
  let info: Record<string, any>;

  beforeAll(() => {
    const made = ladder([
      'demo',
      '--workspace',
      workspace,
      '--accounts',
      '2500',
      '--seed',
      '7',
      '--end-date',
      '2026-06-01',
      '--json',
    ]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    demo = JSON.parse(made.stdout);
    const read = ladder(['info', '--workspace', workspace, '--json']);
    expect(read.status).toBe(0);
    info = JSON.parse(read.stdout);
  });

  it('report the same counts, and the counts match the file', () => {
    expect(demo.accounts).toBe(2500);
    expect(info.accounts).toBe(2500);
    expect(info.periodRows).toBe(demo.periodRows);
    expect(info.periodRows).toBe(2500 * 52);
    expect(info.outcomes).toBe(demo.outcomes);
    expect(info.arr).toBe(demo.arr);
    expect(info.periodRange).toEqual({ from: '2025-06-09', to: '2026-06-01', periods: 52 });
    const db = new Database(workspace, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(info.accounts);
    expect(db.prepare('SELECT sum(arr) FROM accounts').pluck().get()).toBe(info.arr);
    expect(db.prepare('SELECT count(DISTINCT owner_csm) FROM accounts').pluck().get()).toBe(info.owners);
    db.close();
  });

  it('record the planted-pattern shares, queryable with SQL', () => {
    const db = new Database(workspace, { readonly: true });
    const rows = db.prepare('SELECT pattern, designed_share, accounts, share FROM demo_pattern_shares').all() as {
      pattern: string;
      designed_share: number;
      accounts: number;
      share: number;
    }[];
    db.close();
    expect(rows.map((r) => r.pattern).sort()).toEqual([
      'admin_only',
      'healthy_narrow',
      'launch_spike',
      'no_buying_path',
      'ordinary',
      'single_champion',
      'true_expander',
      'unhappy_high_usage',
    ]);
    expect(rows.reduce((s, r) => s + r.accounts, 0)).toBe(2500);
    for (const r of rows) expect(Math.abs(r.accounts - r.designed_share * 2500)).toBeLessThanOrEqual(1);
    expect(info.patterns).toHaveLength(8);
    expect(info.patterns.find((p: any) => p.pattern === 'true_expander')).toMatchObject({ accounts: 300, share: 0.12 });
  });

  it('has at least 8 owners, three segments, regions, industries and tiers', () => {
    const db = new Database(workspace, { readonly: true });
    const distinct = (col: string) => db.prepare(`SELECT count(DISTINCT ${col}) FROM accounts`).pluck().get() as number;
    expect(distinct('owner_csm')).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT DISTINCT segment FROM accounts ORDER BY 1').pluck().all()).toEqual([
      'Enterprise',
      'Mid-Market',
      'SMB',
    ]);
    expect(distinct('region')).toBeGreaterThanOrEqual(4);
    expect(distinct('industry')).toBeGreaterThanOrEqual(8);
    expect(distinct('tier')).toBe(4);
    const wonLost = db.prepare('SELECT won, count(*) FROM outcomes WHERE is_expansion = 1 GROUP BY won').raw().all();
    expect(wonLost).toHaveLength(2);
    const window = db.prepare('SELECT min(close_date), max(close_date) FROM outcomes').raw().get() as string[];
    expect(window[0]! >= '2025-06-03').toBe(true); // last four quarters before the end date
    expect(window[1]! <= '2026-06-01').toBe(true);
    db.close();
  });

  it('refuses to overwrite an existing workspace without --force', () => {
    const again = ladder(['demo', '--workspace', workspace]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('already exists');
  });
});

describe('ladder info on files it must refuse', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a text file renamed .ladder', (p) => writeFileSync(p, 'name,arr\nAcme,1200\n'), /is not a Ladder workspace/],
    [
      'a truncated SQLite file',
      (p) => {
        copyFileSync(workspace, p);
        truncateSync(p, 64 * 1024);
      },
      /is damaged/,
    ],
    [
      "a workspace whose user_version is above the app's",
      (p) => {
        copyFileSync(workspace, p);
        const db = new Database(p);
        db.pragma('user_version = 999');
        db.close();
      },
      /newer version of Ladder/,
    ],
  ];

  it.each(cases)('%s: exit 1, one clear sentence, file unchanged', (_name, make, message) => {
    const path = join(dir.path, `case-${Math.random().toString(36).slice(2)}.ladder`);
    make(path);
    const before = sha256(path);
    const run = ladder(['info', '--workspace', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/\.$/);
    expect(sha256(path)).toBe(before);
  });
});

describe('ladder usage errors', () => {
  it('exit 2 for an unknown option, a missing value or an unknown command', () => {
    expect(ladder(['info', '--frobnicate']).status).toBe(2);
    expect(ladder(['info', '--workspace']).status).toBe(2);
    expect(ladder(['info']).status).toBe(2);
    expect(ladder(['demo', '--workspace', 'x.ladder', '--accounts', 'many']).status).toBe(2);
    expect(ladder(['transmogrify']).status).toBe(2);
  });

  it('prints help with exit 0', () => {
    const help = ladder(['demo', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--accounts');
    // Every command is listed, one a line, in registry order (more commands arrive with later issues).
    expect(ladder(['--help']).stdout).toMatch(/^ {2}demo .*\n {2}info .*\n {2}import .*\n(?: {2}\w+ .*\n)* {2}serve /m);
  });
});

describe('ladder in a pipeline', () => {
  it('stops quietly when the reader closes the pipe early (ladder … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [
      join(__dirname, '..', '..', 'bin', 'ladder.js'),
      'score',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
      '--json',
    ]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
