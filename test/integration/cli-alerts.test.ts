// `ladder alerts` and `ladder templates` as users script them: the alerts between two as-of dates are
// exactly the accounts `ladder score` puts below Ready at the first and in Ready at the second; hostile
// account names from the workspace stay text in every format; templates are checked before they are stored.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ladder } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { slackProblems, type SlackMessage } from '#shared/act/slack';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const pack = 'preset:emerging-ready-filters';
const since = '2026-04-06';
const asOf = '2026-06-01';
const hostile = '=HYPERLINK("http://evil","go") <!channel> *x*';
afterAll(() => dir.cleanup());

function stages(date: string): Map<string, string> {
  const run = ladder(['score', '--workspace', workspace, '--pack', pack, '--as-of', date, '--json']);
  expect(run.status).toBe(0);
  const doc = JSON.parse(run.stdout) as { accounts: { account_id: string; stage: string }[] };
  return new Map(doc.accounts.map((a) => [a.account_id, a.stage]));
}

let expected: string[];
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '600', '--end-date', asOf]).status).toBe(0);
  const before = stages(since);
  const after = stages(asOf);
  expected = [...after].filter(([id, s]) => s === 'ready' && before.get(id) !== 'ready').map(([id]) => id);
  // Give the alerted accounts names and owners that try to ping, format and run.
  const db = new Database(workspace);
  db.prepare(
    `UPDATE accounts SET name = ? || ' ' || id, owner_csm = '@here' WHERE id IN (${expected.map(() => '?').join(',')})`,
  ).run(hostile, ...expected);
  db.close();
});

const alerts = (...extra: string[]) =>
  ladder(['alerts', '--workspace', workspace, '--pack', pack, '--since', since, '--as-of', asOf, ...extra]);

describe('ladder alerts', () => {
  it('lists exactly the accounts whose stage rose into Ready, each with why now, money, owner, play and timing', () => {
    expect(expected.length).toBeGreaterThan(3);
    const run = alerts('--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.since).toBe(since);
    expect(report.asOf).toBe(asOf);
    expect(report.alerts.map((a: { accountId: string }) => a.accountId).sort()).toEqual([...expected].sort());
    for (const a of report.alerts) {
      expect(a.stage.id).toBe('ready');
      expect(a.previousStage.id).not.toBe('ready');
      expect(a.signals.length).toBeGreaterThan(0);
      for (const s of a.signals) expect(s).toHaveProperty('threshold');
      expect(a.play?.questions.length).toBeGreaterThan(0);
      expect(typeof a.arr).toBe('number');
      expect(a.name.startsWith(hostile)).toBe(true);
    }
  });

  it('a chosen stage alerts on the accounts that reached at least that stage', () => {
    const before = stages(since);
    const after = stages(asOf);
    const order = ['health_first', 'not_ready', 'emerging', 'ready'];
    const rank = (s: string | undefined) => order.indexOf(s ?? '');
    const want = [...after].filter(([id, s]) => rank(s) >= 2 && rank(before.get(id)) < 2).map(([id]) => id);
    const report = JSON.parse(alerts('--format', 'json', '--stage', 'emerging').stdout);
    expect(report.alerts.map((a: { accountId: string }) => a.accountId).sort()).toEqual(want.sort());
  });

  it('Markdown, Slack and CSV keep the hostile names as text', () => {
    const md = alerts();
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('## \\=HYPERLINK("http\\://evil","go") \\<!channel> \\*x\\* ACC-');
    const slack = alerts('--format', 'slack');
    const { messages } = JSON.parse(slack.stdout) as { messages: SlackMessage[] };
    for (const m of messages) {
      expect(slackProblems(m)).toEqual([]);
      expect(JSON.stringify(m)).not.toMatch(/<!channel>|<!here>|@here/);
    }
    const csv = join(dir.path, 'tasks.csv');
    expect(alerts('--format', 'csv', '--crm', 'hubspot', '--out', csv).status).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Task Title,Notes,Due Date,Priority,Task Type,Task Status,Activity assigned to,Company Domain Name,Company name,Account Id',
    );
    expect(text).toContain(`"'${hostile.replace(/"/g, '""')}`);
    expect(text).not.toMatch(/(^|,|\r\n)"?=/);
  });

  it('--owner keeps one CSM’s accounts', () => {
    const report = JSON.parse(alerts('--format', 'json', '--owner', '@here').stdout);
    expect(report.alerts).toHaveLength(expected.length);
    expect(JSON.parse(alerts('--format', 'json', '--owner', 'Nobody').stdout).alerts).toHaveLength(0);
  });

  it('refuses bad dates, stages and formats with one sentence', () => {
    const late = ladder(['alerts', '--workspace', workspace, '--pack', pack, '--since', asOf, '--as-of', since]);
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/must come before/);
    const stage = alerts('--stage', 'nope');
    expect(stage.status).toBe(1);
    expect(stage.stderr).toMatch(/no stage "nope"; its stages are health_first, not_ready, emerging, ready/);
    expect(alerts('--format', 'html').status).toBe(2);
    expect(alerts('--crm', 'hubspot').status).toBe(2);
    expect(ladder(['alerts', '--workspace', workspace, '--pack', pack, '--since', '2026-02-30']).status).toBe(2);
  });
});

describe('ladder templates', () => {
  it('stores a checked template per workspace, uses it, and resets it', () => {
    const file = join(dir.path, 'mine.mustache');
    writeFileSync(file, '{{#alerts}}* {{name}} → {{stage}}\n{{/alerts}}');
    expect(ladder(['templates', '--workspace', workspace, '--set', 'alerts-markdown', '--file', file]).status).toBe(0);
    const md = alerts();
    expect(md.stdout.trimEnd().split('\n')).toHaveLength(expected.length);
    expect(md.stdout).toMatch(/^\* \\=HYPERLINK\("http\\:\/\/evil","go"\) \\<!channel> \\\*x\\\* /);
    const list = JSON.parse(ladder(['templates', '--workspace', workspace, '--json']).stdout);
    expect(list.find((t: { kind: string }) => t.kind === 'alerts-markdown').custom).toBe(true);
    expect(ladder(['templates', '--workspace', workspace, '--reset', 'alerts-markdown']).status).toBe(0);
    expect(alerts().stdout).toMatch(/^# Ready alerts/);
  });

  it('refuses an unescaped or unknown field and keeps the old template', () => {
    const file = join(dir.path, 'bad.mustache');
    writeFileSync(file, 'ok\n{{{name}}}');
    const run = ladder(['templates', '--workspace', workspace, '--set', 'alerts-markdown', '--file', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/template alerts-markdown, line 2: .*unescaped/);
    expect(ladder(['templates', '--workspace', workspace, '--show', 'alerts-markdown']).stdout).toMatch(
      /^# \{\{stageName\}\}/,
    );
  });
});
