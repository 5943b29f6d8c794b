// The score distribution as Plot options: the draft's bins (bars) over the baseline's (dashed
// outline), in accounts or ARR, with a rule and a label at each stage's minimum score. Labels that
// would overlap go on the next line; the score axis always spans the thresholds, so a book where
// every account scores 0 draws one narrow bar at 0, not a bar across the chart.
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import type { RulePackInput } from '#shared/pack/schema';
import { interactive } from '../../../charts/interactive';
import { formatCount, formatMoney, formatMoneyCompact } from '../../../format';
import type { Measure } from './measure';

type Bin = ModelResult['histogram']['bins'][number];

export interface ThresholdLabel {
  id: string;
  label: string;
  score: number;
  text: string;
  line: number;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const marginLeft = 64;
const marginRight = 24;
const lineHeight = 15;
const charWidth = 7; // 12 px bold system font, a little generous

/** Each stage threshold's label and the line it goes on (0 = top), so no two labels overlap. */
export function thresholdLabels(pack: RulePackInput, domain: [number, number], width: number): ThresholdLabel[] {
  const scored = pack.ladder.stages.filter((s) => !s.gateOnly);
  const plotWidth = Math.max(1, width - marginLeft - marginRight);
  const px = (v: number) => ((v - domain[0]) / (domain[1] - domain[0] || 1)) * plotWidth;
  const lineEnds: number[] = [];
  return scored.slice(1).map((s) => {
    const score = s.minScore ?? 0;
    const text = `${s.label} ≥ ${fmt(score)}`;
    const half = (text.length * charWidth) / 2;
    const start = px(score) - half;
    let line = lineEnds.findIndex((end) => end + 8 <= start);
    if (line < 0) line = lineEnds.length;
    lineEnds[line] = px(score) + half;
    return { id: s.id, label: s.label, score, text, line };
  });
}

export function scoreChart(input: {
  baseline: ModelResult;
  draft: ModelResult;
  pack: RulePackInput;
  colors: Map<string, string>;
  measure: Measure;
  width: number;
}): Plot.PlotOptions {
  const { baseline, draft, pack, colors, measure, width } = input;
  const value = (b: Bin) => (measure === 'arr' ? b.arr : b.accounts);
  const bins = [...draft.histogram.bins, ...baseline.histogram.bins];
  const thresholds = pack.ladder.stages.filter((s) => !s.gateOnly).map((s) => s.minScore ?? 0);
  const lo = Math.min(0, ...bins.map((b) => b.from), ...thresholds);
  const hi = Math.max(1, ...bins.map((b) => b.to), ...thresholds.map((t) => t + 1));
  const labels = thresholdLabels(pack, [lo, hi], width);
  const lines = Math.max(1, ...labels.map((l) => l.line + 1));
  const max = Math.max(0, ...bins.map(value));
  const format = measure === 'arr' ? formatMoneyCompact : formatCount;
  const describe = (b: Bin) => [
    `Draft: scores ${fmt(b.from)}–${fmt(b.to)}`,
    `${formatCount(b.accounts)} accounts`,
    `${formatMoney(b.arr)} ARR`,
  ];
  return {
    width,
    height: 300 + lines * lineHeight,
    marginLeft,
    marginRight,
    marginTop: 12 + lines * lineHeight,
    style: { fontSize: '12px' },
    x: { label: 'Score', tickFormat: fmt, domain: [lo, hi] },
    y: { grid: true, label: measure === 'arr' ? 'ARR' : 'Accounts', tickFormat: format, domain: [0, max || 1] },
    marks: [
      Plot.rectY(draft.histogram.bins, {
        x1: 'from',
        x2: 'to',
        y: value,
        fill: '#3b82f6',
        fillOpacity: 0.75,
        inset: 0.5,
        ...interactive({ name: 'score-bin', data: draft.histogram.bins, describe }),
      }),
      Plot.rectY(baseline.histogram.bins, {
        x1: 'from',
        x2: 'to',
        y: value,
        fill: 'none',
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '3,2',
      }),
      Plot.ruleX(labels, {
        x: 'score',
        stroke: (l: ThresholdLabel) => colors.get(l.id) ?? '#64748b',
        strokeWidth: 2,
      }),
      // dy is one number per mark: one text mark per line of labels.
      ...Array.from({ length: lines }, (_, line) =>
        Plot.text(
          labels.filter((l) => l.line === line),
          {
            x: 'score',
            frameAnchor: 'top',
            dy: -(lines - line) * lineHeight + 4,
            text: 'text',
            fill: (l: ThresholdLabel) => colors.get(l.id) ?? '#64748b',
            fontWeight: 600,
          },
        ),
      ),
      Plot.ruleY([0]),
    ],
  } satisfies Plot.PlotOptions;
}
