// Signal activity as Plot options: how many accounts each signal fires for in the draft (bars, each
// opening its accounts) and in the baseline (ticks), with its share of the top stage.
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import { interactive } from '../../../charts/interactive';
import { formatCount, formatMoney } from '../../../format';

export type SignalRow = ModelResult['signals'][number] & { before: number };

export const percent = (x: number) => `${Math.round(x * 100)} %`;

export function signalRows(baseline: ModelResult, draft: ModelResult): SignalRow[] {
  return draft.signals.map((s) => ({ ...s, before: baseline.signals.find((b) => b.id === s.id)?.fired ?? 0 }));
}

export function signalsChart(input: { rows: SignalRow[]; top: string; width: number }): Plot.PlotOptions {
  const { rows, top, width } = input;
  const max = Math.max(0, ...rows.flatMap((r) => [r.fired, r.before]));
  return {
    width,
    height: rows.length * 34 + 50,
    marginLeft: 260,
    marginRight: 70,
    style: { fontSize: '12px' },
    x: { grid: true, label: 'Accounts firing', tickFormat: formatCount, domain: [0, max || 1] },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, {
        x: 'fired',
        y: 'label',
        fill: '#3b82f6',
        ...interactive({
          name: 'signal-bar',
          data: rows,
          selectable: true,
          describe: (r) => [
            r.label,
            `${formatCount(r.fired)} accounts (baseline ${formatCount(r.before)})`,
            `${formatMoney(r.firedArr)} ARR`,
            `${percent(r.shareOfTop)} of ${top} accounts`,
            'Select to see these accounts',
          ],
        }),
      }),
      Plot.tickX(rows, { x: 'before', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.text(rows, {
        x: 'fired',
        y: 'label',
        text: (r: SignalRow) => formatCount(r.fired),
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  } satisfies Plot.PlotOptions;
}
