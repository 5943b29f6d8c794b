// The signal → play → owner funnel as text for a terminal, and as CSV rows for a spreadsheet.
import { escapeCsv } from './escape';
import { formatCount, formatDate, formatMoney, formatPercent } from './format';
import type { FunnelRow, PlayFunnel } from './play-funnel';

const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '—');

function line(r: FunnelRow, width: number): string {
  const cells = [
    formatCount(r.fired.accounts).padStart(9),
    formatCount(r.played.accounts).padStart(9),
    formatCount(r.opened.accounts).padStart(9),
    formatCount(r.won.accounts).padStart(9),
    share(r.won.accounts, r.played.accounts).padStart(8),
    formatMoney(r.won.amount).padStart(14),
  ];
  return `  ${r.label.slice(0, width).padEnd(width)}${cells.join('')}`;
}

export function funnelText(f: PlayFunnel): string {
  const width = 34;
  const head = `  ${''.padEnd(width)}${['fired', 'play', 'opened', 'won'].map((h) => h.padStart(9)).join('')}${'win %'.padStart(8)}${'won amount'.padStart(14)}`;
  const block = (title: string, rows: FunnelRow[]) =>
    [title, ...(rows.length ? rows.map((r) => line(r, width)) : ['  (none)'])].join('\n');
  return [
    `${f.pack}: signal → play → owner, scored as of ${formatDate(f.from)}, outcomes to ${formatDate(f.to)}${f.owner === null ? '' : ` · owner ${f.owner}`}`,
    head,
    line(f.total, width),
    block('By signal', f.signals),
    block('By play', f.plays),
    block('By owner', f.owners),
  ].join('\n');
}

export const funnelCsvColumns = [
  'group',
  'id',
  'label',
  'fired_accounts',
  'fired_arr',
  'played_accounts',
  'played_arr',
  'opened_accounts',
  'opened_arr',
  'won_accounts',
  'won_arr',
  'won_amount',
] as const;

export function funnelCsv(f: PlayFunnel): string {
  const rows: (string | number)[][] = [];
  const push = (group: string, r: FunnelRow) =>
    rows.push([
      group,
      r.id,
      r.label,
      r.fired.accounts,
      r.fired.arr,
      r.played.accounts,
      r.played.arr,
      r.opened.accounts,
      r.opened.arr,
      r.won.accounts,
      r.won.arr,
      r.won.amount,
    ]);
  push('total', f.total);
  for (const r of f.signals) push('signal', r);
  for (const r of f.plays) push('play', r);
  for (const r of f.owners) push('owner', r);
  return `${[funnelCsvColumns.join(','), ...rows.map((r) => r.map(escapeCsv).join(','))].join('\r\n')}\r\n`;
}
