// The weekly digest in each format: Markdown and Slack from the workspace's templates (Slack: the rendered
// mrkdwn split into sections at blank lines, within Block Kit's limits), CSV rows by section, and JSON.
import type { Digest } from './digest';
import { escapeCsv, escapeMarkdown, escapeSlack } from './escape';
import { formatDate, formatDecimal, formatMoney, formatPercent } from './format';
import { header, packMessages, section, type SlackMessage } from './slack';
import { renderTemplate } from './templates';
import type { Templates } from './render-alerts';
import { alertView, moneyOrUnknown, scopeText, unassigned } from './views';

export function digestView(d: Digest) {
  const money = (n: number | null) => (n === null ? 'no amount' : formatMoney(n));
  const sum = (lines: Digest['opened']) => formatMoney(lines.reduce((s, l) => s + (l.amount ?? 0), 0));
  const rate = d.expansionRate;
  return {
    pack: d.pack,
    stageName: d.stage.label,
    weekStart: formatDate(d.weekStart),
    asOf: formatDate(d.asOf),
    scope: scopeText(d.owner),
    newReadyCount: formatDecimal(d.newReady.length),
    newReady: d.newReady.map(alertView),
    hottest: d.hottest.map((h) => ({
      name: h.name,
      accountId: h.accountId,
      owner: h.owner ?? unassigned,
      score: formatDecimal(h.score),
      signalList: h.signals.join(', ') || 'no signals',
      arr: moneyOrUnknown(h.arr),
      whitespace: moneyOrUnknown(h.whitespace),
    })),
    openedCount: formatDecimal(d.opened.length),
    openedAmount: sum(d.opened),
    opened: d.opened.map((l) => ({ name: l.name, amount: money(l.amount), date: formatDate(l.date) })),
    wonCount: formatDecimal(d.won.length),
    wonAmount: sum(d.won),
    won: d.won.map((l) => ({ name: l.name, amount: money(l.amount), date: formatDate(l.date) })),
    expansionRate: rate.accounts > 0 ? formatPercent(rate.won / rate.accounts) : '—',
    expansionRateBasis: `${formatDecimal(rate.won)} of ${formatDecimal(rate.accounts)} accounts won an expansion in the last ${rate.days} days`,
  };
}

export const digestMarkdown = (d: Digest, templates: Templates = {}): string =>
  renderTemplate('digest-markdown', templates['digest-markdown'], digestView(d), escapeMarkdown);

export function digestSlack(d: Digest, templates: Templates = {}): { messages: SlackMessage[] } {
  const view = digestView(d);
  const text = renderTemplate('digest-slack', templates['digest-slack'], view, escapeSlack);
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const title = `Expansion pipeline: week of ${view.weekStart}`;
  return {
    messages: packMessages(
      [header(title)],
      parts.map((p) => [section(p)]),
      title,
    ),
  };
}

export function digestCsv(d: Digest): string {
  const rows: (string | number | null)[][] = [
    ['section', 'account_id', 'name', 'owner', 'score', 'arr', 'amount', 'date', 'detail'],
  ];
  for (const a of d.newReady)
    rows.push(['new_ready', a.accountId, a.name, a.ownerCsm, a.score, a.arr, null, d.asOf, a.play?.label ?? null]);
  for (const h of d.hottest)
    rows.push(['hottest', h.accountId, h.name, h.owner, h.score, h.arr, null, d.asOf, h.signals.join('; ')]);
  for (const l of d.opened) rows.push(['opened', l.accountId, l.name, null, null, null, l.amount, l.date, null]);
  for (const l of d.won) rows.push(['won', l.accountId, l.name, null, null, null, l.amount, l.date, null]);
  return `${rows.map((r) => r.map(escapeCsv).join(',')).join('\r\n')}\r\n`;
}

export const digestJson = (d: Digest): string => `${JSON.stringify(d, null, 2)}\n`;
