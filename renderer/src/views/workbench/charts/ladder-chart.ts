// The readiness ladder as Plot options: accounts (or ARR) per stage, baseline bar above the draft
// bar, each bar a selectable mark that opens its accounts.
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import { interactive } from '../../../charts/interactive';
import { formatCount, formatMoney, formatMoneyCompact } from '../../../format';
import type { Measure } from './measure';

export interface LadderBar {
  stage: string;
  id: string;
  series: 'Baseline' | 'Draft';
  from: 'baseline' | 'draft';
  accounts: number;
  arr: number;
  value: number;
  /** The accounts the bar opens (the accounts view's filter). */
  filter: { stage: string } | { baselineStage: string };
}

export interface LadderChartInput {
  baseline: ModelResult;
  draft: ModelResult;
  colors: Map<string, string>;
  measure: Measure;
  width: number;
}

/** Stages top first (the readiest at the top), each with its baseline and draft bar. */
export function ladderBars({ baseline, draft, measure }: Omit<LadderChartInput, 'colors' | 'width'>): LadderBar[] {
  return [...draft.stages].reverse().flatMap((s) => {
    const b = baseline.stages.find((x) => x.id === s.id) ?? { accounts: 0, arr: 0 };
    const bar = (series: LadderBar['series'], t: { accounts: number; arr: number }): LadderBar => ({
      stage: s.label,
      id: s.id,
      series,
      from: series === 'Baseline' ? 'baseline' : 'draft',
      accounts: t.accounts,
      arr: t.arr,
      value: measure === 'arr' ? t.arr : t.accounts,
      filter: series === 'Baseline' ? { baselineStage: s.id } : { stage: s.id },
    });
    return [bar('Baseline', b), bar('Draft', s)];
  });
}

export function ladderChart(input: LadderChartInput): { options: Plot.PlotOptions; bars: LadderBar[] } {
  const { draft, colors, measure, width } = input;
  const bars = ladderBars(input);
  const format = measure === 'arr' ? formatMoneyCompact : formatCount;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const options = {
    width,
    height: Math.max(180, draft.stages.length * 60 + 50),
    marginLeft: 120,
    marginRight: 90,
    marginTop: 24,
    style: { fontSize: '12px' },
    // An all-zero ladder keeps a readable axis instead of collapsing to one point.
    x: { grid: true, label: measure === 'arr' ? 'ARR' : 'Accounts', tickFormat: format, domain: [0, max || 1] },
    // Stages on the left; within a stage the upper, lighter bar is the baseline.
    y: { axis: null, domain: ['Baseline', 'Draft'] },
    fy: { label: null, axis: 'left', domain: [...draft.stages].reverse().map((s) => s.label) },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'series',
        fy: 'stage',
        fill: (d: LadderBar) => colors.get(d.id) ?? '#64748b',
        fillOpacity: (d: LadderBar) => (d.series === 'Baseline' ? 0.45 : 1),
        ...interactive({
          name: 'ladder-bar',
          data: bars,
          selectable: true,
          describe: (d) => [
            `${d.stage} · ${d.series}`,
            `${formatCount(d.accounts)} accounts`,
            `${formatMoney(d.arr)} ARR`,
            'Select to see these accounts',
          ],
        }),
      }),
      Plot.text(bars, {
        x: 'value',
        y: 'series',
        fy: 'stage',
        text: (d: LadderBar) => format(d.value),
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  } satisfies Plot.PlotOptions;
  return { options, bars };
}
