// `ladder book`: the book of business as a heatmap — rows × columns of account fields or the
// model's stage, one measure — printed as a table, as JSON (rows, cols, cells, rowTotals,
// colTotals, total), or written to CSV or XLSX.
import { extname, resolve } from 'node:path';
import {
  bookMeasures,
  defaultOutcomeDays,
  defaultTopN,
  isBookField,
  measureInfo,
  type BookMeasure,
} from '#shared/book/fields';
import { heatmapCsv } from '#shared/book/heatmap-table';
import type { Heatmap } from '#shared/book/heatmap';
import { isIsoDate } from '#shared/dates';
import { loadPackArgument } from '../../packs/presets';
import { openWorkspace } from '../../store/open-workspace';
import { bookHeatmap } from '../../book/book-service';
import { refuseWorkspaceTarget, writeFileAtomic } from '../../atomic-write';
import { heatmapXlsx } from '../../book/heatmap-xlsx';
import { parseArgs, requireString, UsageError, type CommandSpec } from '../args';
import { formatCount, type CliIo } from '../io';

export const bookSpec: CommandSpec = {
  name: 'book',
  summary:
    "The book of business as a heatmap: accounts, ARR, Ready ARR, whitespace, won expansion ARR or conversion by two fields or the model's stage.",
  usage: `ladder book --workspace W --pack P|preset:NAME --rows FIELD [--cols FIELD|stage] --measure ${bookMeasures.join('|')} [--owner NAME] [--as-of D] [--compare D] [--top N] [--days N] [--json|--out F.csv|F.xlsx]`,
  options: {
    workspace: { kind: 'string', help: 'workspace file' },
    pack: { kind: 'string', help: 'rule pack file (JSON or YAML), or preset:NAME' },
    rows: {
      kind: 'string',
      help: 'field for rows: owner_csm, owner_am, segment, region, industry, tier, journey_stage, custom.NAME or stage',
    },
    cols: { kind: 'string', help: 'field for columns (the same choices); default: one column of totals' },
    measure: { kind: 'string', help: `what each cell holds: ${bookMeasures.join(', ')}` },
    owner: { kind: 'string', help: "only this CSM's accounts (my book)" },
    'as-of': { kind: 'string', help: 'score as of this date (default: the latest period)' },
    compare: { kind: 'string', help: 'an earlier as-of date: cells become the change since then' },
    top: { kind: 'int', help: `values shown per axis before the rest are summed as Other (default ${defaultTopN})` },
    days: {
      kind: 'int',
      help: `won_arr and conversion: expansions won in this many days before the as-of date (default ${defaultOutcomeDays})`,
    },
    json: { kind: 'boolean', help: 'print one JSON document' },
    out: { kind: 'string', help: 'write the table to a .csv or .xlsx file' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

function formatValue(h: Heatmap, v: number | null, delta: boolean): string {
  if (v === null) return '—';
  const sign = delta && v > 0 ? '+' : '';
  switch (h.unit) {
    case 'accounts':
      return sign + formatCount(v);
    case 'money':
      return `${sign}${v < 0 ? '−' : ''}$${Math.round(Math.abs(v)).toLocaleString('en-US')}`;
    case 'share':
      return delta ? `${sign}${(v * 100).toFixed(1)} pts` : `${(v * 100).toFixed(1)} %`;
  }
}

function textTable(h: Heatmap, delta: boolean): string {
  const rows = [
    [h.colField ? `${h.rowField.label} \\ ${h.colField.label}` : h.rowField.label, ...h.cols, 'Total'],
    ...h.rows.map((label, i) => [
      label,
      ...h.cells[i]!.map((v) => formatValue(h, v, delta)),
      formatValue(h, h.rowTotals[i]!, delta),
    ]),
    ['Total', ...h.colTotals.map((v) => formatValue(h, v, delta)), formatValue(h, h.total, delta)],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/** The same bounds as the app's book.heatmap request. */
function intOption(args: ReturnType<typeof parseArgs>, name: 'top' | 'days', min: number, max: number) {
  const value = args.options[name] as number | undefined;
  if (value !== undefined && (value < min || value > max))
    throw new UsageError(`ladder book: --${name} must be between ${min} and ${max}, not ${value}.`);
  return value;
}

export async function runBook(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(bookSpec, argv);
  const workspacePath = resolve(requireString(bookSpec, args, 'workspace'));
  const packArg = requireString(bookSpec, args, 'pack');
  const rows = requireString(bookSpec, args, 'rows');
  const measure = requireString(bookSpec, args, 'measure');
  for (const name of ['rows', 'cols'] as const) {
    const field = args.options[name];
    if (typeof field === 'string' && !isBookField(field))
      throw new UsageError(
        `ladder book: --${name} must be owner_csm, owner_am, segment, region, industry, tier, journey_stage, custom.NAME or stage, not "${field}".`,
      );
  }
  if (!(bookMeasures as readonly string[]).includes(measure))
    throw new UsageError(`ladder book: --measure must be one of ${bookMeasures.join(', ')}, not "${measure}".`);
  for (const name of ['as-of', 'compare'] as const) {
    const value = args.options[name];
    if (typeof value === 'string' && !isIsoDate(value))
      throw new UsageError(`ladder book: --${name} must be a date (YYYY-MM-DD), not "${value}".`);
  }
  const top = intOption(args, 'top', 1, 200);
  const days = intOption(args, 'days', 1, 3660);
  const out = args.options.out as string | undefined;
  const format = out ? extname(out).toLowerCase() : null;
  if (out !== undefined && format !== '.csv' && format !== '.xlsx')
    throw new UsageError('ladder book: --out must end in .csv or .xlsx.');
  if (out !== undefined && args.options.json)
    throw new UsageError('ladder book: use either --json or --out, not both.');
  const valid = loadPackArgument(packArg);
  const ws = await openWorkspace(workspacePath);
  try {
    const result = bookHeatmap(ws, valid, {
      rows,
      cols: args.options.cols as string | undefined,
      measure: measure as BookMeasure,
      owner: args.options.owner as string | undefined,
      asOf: args.options['as-of'] as string | undefined,
      compare: args.options.compare as string | undefined,
      topN: top,
      days,
    });
    if (out) {
      const target = resolve(out);
      refuseWorkspaceTarget(target, ws.path);
      const title = measureInfo[result.measure].label;
      await writeFileAtomic(target, format === '.csv' ? heatmapCsv(result) : await heatmapXlsx(result, title));
      io.out(
        `${title} by ${result.rowField.label}${result.colField ? ` × ${result.colField.label}` : ''} written to ${target}.`,
      );
      return 0;
    }
    if (args.options.json) {
      io.json(result);
      return 0;
    }
    const delta = result.compare !== null;
    io.out(
      `${measureInfo[result.measure].label}${delta ? ` change since ${result.compare!.asOf}` : ''} — ${valid.pack.name}, as of ${result.asOf}${result.owner ? `, ${result.owner}'s book` : ''} (${formatCount(result.accounts)} accounts)`,
    );
    io.out(textTable(result, delta));
    if (result.measure === 'whitespace' && result.whitespaceUnknown > 0)
      io.out(
        `${formatCount(result.whitespaceUnknown)} accounts lack the inputs of the whitespace and count for nothing.`,
      );
    return 0;
  } finally {
    ws.db.close();
  }
}
