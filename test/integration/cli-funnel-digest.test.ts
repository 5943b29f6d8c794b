// `ladder funnel` and `ladder digest` against independent computations: the scored accounts of
// `ladder score` and the outcomes table read with SQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { funnelCsvColumns } from '#shared/act/funnel-text';
import Database from 'better-sqlite3';
import { ladder } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { slackProblems, type SlackMessage } from '#shared/act/slack';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const pack = 'preset:emerging-ready-filters';
const asOf = '2026-06-01';
afterAll(() => dir.cleanup());
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '800', '--end-date', asOf]).status).toBe(0);
});

type Scored = Record<string, string | number> & { account_id: string; stage: string; score: number };
function scored(date: string): Scored[] {
  const run = ladder(['score', '--workspace', workspace, '--pack', pack, '--as-of', date, '--json']);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).accounts;
}

function outcomes(): { id: string; opened: string | null; closed: string | null; won: number | null }[] {
  const db = new Database(workspace, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT a.id AS id, o.opened_date AS opened, o.close_date AS closed, o.won AS won
           FROM outcomes o JOIN accounts a ON a.key = o.account_key WHERE o.is_expansion = 1`,
      )
      .all() as never;
  } finally {
    db.close();
  }
}

const signals = [
  'team_spread',
  'repeated_operators',
  'workflow_depth',
  'capacity_pressure',
  'api_pressure',
  'renewal_window',
  'sponsor_engaged',
];

describe('ladder funnel', () => {
  it('per signal: fired → given a play → opened → won, as SQL and the scored accounts give them', () => {
    const from = '2026-01-05';
    const run = ladder(['funnel', '--workspace', workspace, '--pack', pack, '--from', from, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const funnel = JSON.parse(run.stdout);
    const accounts = scored(from);
    const inRange = (d: string | null) => d !== null && d > from && d <= asOf;
    const opened = new Set<string>();
    const won = new Set<string>();
    for (const o of outcomes()) {
      if (inRange(o.opened ?? o.closed)) opened.add(o.id);
      if (o.won === 1 && inRange(o.closed)) {
        won.add(o.id);
        opened.add(o.id);
      }
    }
    let anyWon = 0;
    for (const id of signals) {
      const fired = accounts.filter((a) => a[id] === 1);
      // Every approach of this preset has a play, so "given a play" is "at the top stage".
      const played = fired.filter((a) => a.stage === 'ready');
      const row = funnel.signals.find((r: { id: string }) => r.id === id);
      expect(row.fired.accounts).toBe(fired.length);
      expect(row.played.accounts).toBe(played.length);
      expect(row.opened.accounts).toBe(played.filter((a) => opened.has(a.account_id)).length);
      expect(row.won.accounts).toBe(played.filter((a) => won.has(a.account_id)).length);
      anyWon += row.won.accounts;
    }
    expect(anyWon).toBeGreaterThan(0);
    const ready = accounts.filter((a) => a.stage === 'ready');
    expect(funnel.total.played.accounts).toBe(ready.length);
    const perPlay = funnel.plays.reduce((s: number, r: { played: { accounts: number } }) => s + r.played.accounts, 0);
    const perOwner = funnel.owners.reduce((s: number, r: { played: { accounts: number } }) => s + r.played.accounts, 0);
    expect(perPlay).toBe(ready.length);
    expect(perOwner).toBe(ready.length);
  });

  it('prints a table, writes CSV, and refuses a reversed range', () => {
    const text = ladder(['funnel', '--workspace', workspace, '--pack', pack, '--from', '2026-01-05']);
    expect(text.stdout).toMatch(/By signal\n/);
    expect(text.stdout).toMatch(/By owner\n/);
    const csv = join(dir.path, 'funnel.csv');
    expect(
      ladder(['funnel', '--workspace', workspace, '--pack', pack, '--from', '2026-01-05', '--out', csv]).status,
    ).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(funnelCsvColumns.join(','));
    expect(lines.filter((l) => l.startsWith('signal,'))).toHaveLength(signals.length);
    const bad = ladder(['funnel', '--workspace', workspace, '--pack', pack, '--from', asOf, '--to', '2026-01-05']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/must come before/);
  });
});

describe('ladder digest', () => {
  it('new Ready this week, the five hottest, outcomes of the week, and the expansion rate', () => {
    const run = ladder(['digest', '--workspace', workspace, '--pack', pack, '--format', 'json']);
    expect(run.status).toBe(0);
    const digest = JSON.parse(run.stdout);
    expect(digest.weekStart).toBe('2026-05-25');
    const now = scored(asOf);
    const before = new Map(scored('2026-05-25').map((a) => [a.account_id, a.stage]));
    const fresh = now
      .filter((a) => a.stage === 'ready' && before.get(a.account_id) !== 'ready')
      .map((a) => a.account_id);
    expect(digest.newReady.map((a: { accountId: string }) => a.accountId).sort()).toEqual(fresh.sort());
    const topScores = now
      .filter((a) => a.stage === 'ready')
      .map((a) => a.score)
      .sort((a, b) => b - a)
      .slice(0, 5);
    expect(digest.hottest.map((h: { score: number }) => h.score)).toEqual(topScores);
    const all = outcomes();
    const inWeek = (d: string | null) => d !== null && d > '2026-05-25' && d <= asOf;
    expect(digest.won).toHaveLength(all.filter((o) => o.won === 1 && inWeek(o.closed)).length);
    expect(digest.opened).toHaveLength(all.filter((o) => inWeek(o.opened)).length);
    const rateFrom = '2026-03-03';
    const wonAccounts = new Set(
      all.filter((o) => o.won === 1 && o.closed && o.closed > rateFrom && o.closed <= asOf).map((o) => o.id),
    );
    expect(digest.expansionRate).toEqual({ won: wonAccounts.size, accounts: 800, days: 90 });
  });

  it('per owner, as Slack within the limits and as Markdown', () => {
    const owner = 'Marcus Bell';
    const slack = ladder(['digest', '--workspace', workspace, '--pack', pack, '--owner', owner, '--format', 'slack']);
    expect(slack.status).toBe(0);
    const { messages } = JSON.parse(slack.stdout) as { messages: SlackMessage[] };
    for (const m of messages) expect(slackProblems(m)).toEqual([]);
    const md = ladder(['digest', '--workspace', workspace, '--pack', pack, '--owner', owner]);
    expect(md.stdout).toContain(`owner ${owner}`);
    const json = JSON.parse(
      ladder(['digest', '--workspace', workspace, '--pack', pack, '--owner', owner, '--format', 'json']).stdout,
    );
    for (const h of json.hottest) expect(h.owner).toBe(owner);
  });
});
