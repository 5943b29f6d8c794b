// `ladder score --engine duckdb`: the whole-model SQL in embedded DuckDB, from a workspace and from
// the Parquet pair `ladder export raw` writes, gives exactly the scored accounts the in-app engine
// writes; wrong combinations of options are usage errors.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const raw = join(dir.path, 'raw');
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '500', '--end-date', '2026-06-01']).status).toBe(0);
  mkdirSync(raw);
  expect(ladder(['export', 'raw', '--workspace', workspace, '--out', raw]).status).toBe(0);
}, 120_000);
afterAll(() => dir.cleanup());

const sorted = (path: string) => {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return [header, ...rows.sort()];
};

describe('ladder score --engine duckdb', () => {
  it.each(['seven-signal-table', 'behavioural-indicators'])(
    '%s: from the workspace and from Parquet, the same CSV as the engine',
    (pack) => {
      const asOf = '2026-04-15';
      const engine = join(dir.path, `${pack}-engine.csv`);
      expect(
        ladder(['score', '--workspace', workspace, '--pack', `preset:${pack}`, '--as-of', asOf, '--out', engine])
          .status,
      ).toBe(0);
      const fromWorkspace = join(dir.path, `${pack}-duck-ws.csv`);
      const run = ladder([
        'score',
        '--engine',
        'duckdb',
        '--workspace',
        workspace,
        '--pack',
        `preset:${pack}`,
        '--as-of',
        asOf,
        '--out',
        fromWorkspace,
        '--json',
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ engine: 'duckdb', accounts: 500 });
      expect(sorted(fromWorkspace)).toEqual(sorted(engine));
      const fromParquet = join(dir.path, `${pack}-duck-pq.csv`);
      const pq = ladder([
        'score',
        '--engine',
        'duckdb',
        '--accounts',
        join(raw, 'accounts.parquet'),
        '--periods',
        join(raw, 'periods.parquet'),
        '--pack',
        `preset:${pack}`,
        '--as-of',
        asOf,
        '--out',
        fromParquet,
      ]);
      expect(pq.status, pq.stderr).toBe(0);
      expect(sorted(fromParquet)).toEqual(sorted(engine));
    },
  );

  it('refuses options that do not go together', () => {
    const both = ladder([
      'score',
      '--engine',
      'duckdb',
      '--workspace',
      workspace,
      '--accounts',
      'a.parquet',
      '--pack',
      'preset:seven-signal-table',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/give --workspace, or --accounts and --periods/);
    const engine = ladder([
      'score',
      '--engine',
      'spark',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
    ]);
    expect(engine.status).toBe(2);
    const pair = ladder([
      'score',
      '--workspace',
      workspace,
      '--accounts',
      'a.parquet',
      '--pack',
      'preset:seven-signal-table',
    ]);
    expect(pair.status).toBe(2);
    expect(pair.stderr).toMatch(/go with --engine duckdb/);
  });
});
