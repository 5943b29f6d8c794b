// One contract for the CLI and the API: options become the contract's argument objects and are
// checked by its schemas, so a bad value is refused with the same sentence either way.
import { join } from 'node:path';
import { createDispatcher } from '#shared/api/dispatch';
import { handlers } from '../../electron/backend/api/handlers';
import { createSession } from '../../electron/backend/session';
import { runLadder } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const session = createSession(dir.path);
const dispatch = createDispatcher(handlers, session, (e) => {
  throw e;
});
afterAll(() => {
  session.workspace?.db.close();
  dir.cleanup();
});

/** The sentence after "where: " in an API message or a CLI usage error. */
const sentenceOf = (message: string, where: string) => {
  expect(message.startsWith(where)).toBe(true);
  return message.slice(where.length).split('\n')[0];
};

describe('CLI and API share one contract', () => {
  it('refuses a day that does not exist with the same sentence (ladder demo --end-date, workspace.createDemo)', async () => {
    const path = join(dir.path, 'never.ladder');
    const cli = await runLadder(['demo', '--workspace', path, '--end-date', '2024-02-30']);
    const api = await dispatch('workspace.createDemo', { path, endDate: '2024-02-30' });
    expect(cli.status).toBe(2);
    if (api.ok) throw new Error('the API accepted 2024-02-30');
    expect(api.error.code).toBe('bad_request');
    const fromCli = sentenceOf(cli.stderr, 'ladder demo: --end-date: ');
    expect(fromCli).toBe('"2024-02-30" is not a calendar date; use YYYY-MM-DD.');
    expect(sentenceOf(api.error.message, 'workspace.createDemo: endDate: ')).toBe(fromCli);
  });

  it('refuses out-of-range numbers with the same sentence, and accepts a leap day', async () => {
    const path = join(dir.path, 'small.ladder');
    const cli = await runLadder(['demo', '--workspace', path, '--accounts', '5']);
    const api = await dispatch('workspace.createDemo', { path, accounts: 5 });
    if (api.ok) throw new Error('the API accepted 5 accounts');
    expect(sentenceOf(cli.stderr, 'ladder demo: --accounts: ')).toBe(
      sentenceOf(api.error.message, 'workspace.createDemo: accounts: '),
    );
    const leap = await runLadder([
      'demo',
      '--workspace',
      path,
      '--accounts',
      '10',
      '--weeks',
      '4',
      '--end-date',
      '2024-02-29',
    ]);
    expect(leap).toMatchObject({ status: 0, stderr: '' });
  });

  it('checks score, export and import options with the contract schemas', async () => {
    const workspace = join(dir.path, 'small.ladder');
    const score = await runLadder([
      'score',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
      '--as-of',
      '2026-02-30',
    ]);
    expect(score.status).toBe(2);
    expect(score.stderr).toMatch(/^ladder score: --as-of: "2026-02-30" is not a calendar date; use YYYY-MM-DD\.\n/);
    const sql = await runLadder(['export', 'sql', '--pack', 'preset:seven-signal-table', '--dialect', 'oracle']);
    expect(sql.status).toBe(2);
    expect(sql.stderr).toMatch(
      /^ladder export: --dialect: Use one of sqlite, postgres, duckdb, snowflake, bigquery, spark\./,
    );
    const order = await runLadder([
      'import',
      join(dir.path, 'a.csv'),
      '--workspace',
      workspace,
      '--kind',
      'accounts',
      '--date-order',
      'ymd',
    ]);
    expect(order.status).toBe(2);
    expect(order.stderr).toMatch(/^ladder import: --date-order: Use DMY or MDY\./);
  });
});
