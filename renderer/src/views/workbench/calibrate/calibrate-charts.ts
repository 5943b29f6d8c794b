// Plot options for the Calibrate tab's charts, as plain functions of the report (options in,
// options out), so each chart can be drawn and tested on its own (test/charts). The dots are the
// marks a click drills from: each is `interactive`, so PlotFigure reports its mark name and the
// index of its datum in the arrays these functions export (gainsPoints, datesRows, …).
import * as Plot from '@observablehq/plot';
import type { DateReport } from '#shared/calibrate/report';
import type { ReliabilityRow } from '#shared/calibrate/reliability';
import type { ThresholdCandidate } from '#shared/calibrate/metric-stats';
import { interactive } from '../../../charts/interactive';

export const seriesColors = { baseline: '#64748b', draft: '#2563eb', suggested: '#16a34a' } as const;

export interface GainsSeries {
  name: 'baseline' | 'draft' | 'suggested';
  label: string;
  deciles: readonly { share: number; capture: number; lift: number }[];
  /** Which ranking the run can list accounts for: the pack as calibrated, the suggestion, or none (an edited draft). */
  drill: 'current' | 'suggested' | null;
}

export interface GainsPoint {
  series: GainsSeries['name'];
  label: string;
  drill: GainsSeries['drill'];
  share: number;
  capture: number;
  lift: number;
  decile: number;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const fixed = (x: number, digits: number) => (finite(x) ? x.toFixed(digits) : 'n/a');

/**
 * Every decile point of every series (the line), and apart the ones a click can list accounts for.
 * A decile without a capture (nobody converted) is left out rather than drawn at 0 %.
 */
export function gainsPoints(series: readonly GainsSeries[]): { all: GainsPoint[]; selectable: GainsPoint[] } {
  const all = series.flatMap((s) =>
    s.deciles.flatMap((d, k): GainsPoint[] =>
      finite(d.capture)
        ? [
            {
              series: s.name,
              label: s.label,
              drill: s.drill,
              share: d.share,
              capture: d.capture,
              lift: d.lift,
              decile: k + 1,
            },
          ]
        : [],
    ),
  );
  return { all, selectable: all.filter((p) => p.drill !== null) };
}

const describeGain = (p: GainsPoint) => [
  p.label,
  `Top ${percent(p.share)} of accounts: ${percent(p.capture)} of conversions`,
  `Lift ${fixed(p.lift, 2)}`,
  p.drill ? 'Click for the accounts of this tenth' : 'Run again to list the accounts of an edited draft',
];

/** Cumulative capture of conversions by share of accounts taken from the top (the gains chart). */
export function gainsOptions(series: readonly GainsSeries[], width: number): Plot.PlotOptions {
  const { all, selectable } = gainsPoints(series);
  const drawn = new Set(all.map((p) => p.label));
  const starts = series.filter((s) => drawn.has(s.label)).map((s) => ({ label: s.label, share: 0, capture: 0 }));
  const lines = [...starts, ...all];
  const plain = all.filter((p) => p.drill === null);
  return {
    width,
    height: 280,
    marginLeft: 50,
    style: { fontSize: '12px' },
    x: { label: 'Share of accounts, best scored first', domain: [0, 1], tickFormat: percent },
    y: { label: 'Share of conversions captured', domain: [0, 1], tickFormat: percent, grid: true },
    color: { domain: series.map((s) => s.label), range: series.map((s) => seriesColors[s.name]), legend: true },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: '#cbd5e1', strokeDasharray: '4,3' },
      ),
      Plot.line(lines, { x: 'share', y: 'capture', stroke: 'label', strokeWidth: 2 }),
      Plot.dot(plain, {
        x: 'share',
        y: 'capture',
        fill: 'label',
        r: 4,
        ...interactive({ name: 'gains-live', data: plain, describe: describeGain }),
      }),
      Plot.dot(selectable, {
        x: 'share',
        y: 'capture',
        fill: 'label',
        r: 4,
        ...interactive({ name: 'gains-point', data: selectable, describe: describeGain, selectable: true }),
      }),
    ],
  };
}

/** Predicted (training) against observed (held-out) conversion per score bin; dot area = accounts. */
export function reliabilityOptions(
  rows: readonly (ReliabilityRow & { stage: string })[],
  width: number,
): Plot.PlotOptions {
  const top = Math.max(0.05, ...rows.flatMap((r) => [r.observed, r.predicted].filter(finite)));
  const domain = [0, Math.min(1, top * 1.1)];
  return {
    width,
    height: 280,
    marginLeft: 50,
    style: { fontSize: '12px' },
    x: { label: 'Predicted conversion (training part)', domain, tickFormat: percent },
    y: { label: 'Observed conversion (held out)', domain, tickFormat: percent, grid: true },
    r: { range: [3, 14] },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: '#cbd5e1', strokeDasharray: '4,3', clip: true },
      ),
      Plot.dot(rows, {
        x: 'predicted',
        y: 'observed',
        r: 'accounts',
        fill: seriesColors.draft,
        fillOpacity: 0.7,
        ...interactive({
          name: 'reliability-bin',
          data: rows,
          selectable: true,
          describe: (r) => [
            `Score ${r.scoreFrom === r.scoreTo ? r.scoreFrom : `${r.scoreFrom}–${r.scoreTo}`} (${r.stage})`,
            `${r.positives} of ${r.accounts} converted (${percent(r.observed)})`,
            `Predicted ${percent(r.predicted)}`,
            'Click for the accounts',
          ],
        }),
      }),
    ],
  };
}

/** The dates the chart draws (those with an AUC), in the order of its dots. */
export const datesRows = (dates: readonly DateReport[]) => dates.filter((d) => finite(d.auc));

const partLabel = { train: 'training', test: 'held out', gap: 'gap', holdout: '70 / 30 hold-out' } as const;

/** AUC of the pack (with its 95 % interval) and of the suggestion at each as-of date. */
export function datesOptions(dates: readonly DateReport[], width: number): Plot.PlotOptions {
  const rows = datesRows(dates);
  const suggested = rows.filter((d) => finite(d.suggestedAuc));
  return {
    width,
    height: 240,
    marginLeft: 50,
    style: { fontSize: '12px' },
    x: { type: 'band', label: 'As-of date', tickRotate: rows.length > 6 ? -30 : 0 },
    y: { label: 'ROC AUC', domain: [0.3, 1], grid: true },
    marks: [
      Plot.ruleY([0.5], { stroke: '#cbd5e1', strokeDasharray: '4,3' }),
      Plot.ruleX(rows, {
        x: 'asOf',
        y1: (d: DateReport) => d.aucCi[0],
        y2: (d: DateReport) => d.aucCi[1],
        stroke: seriesColors.baseline,
        strokeOpacity: 0.5,
        strokeWidth: 6,
      }),
      Plot.dot(rows, {
        x: 'asOf',
        y: 'auc',
        fill: (d: DateReport) => (d.part === 'train' ? '#ffffff' : seriesColors.baseline),
        stroke: seriesColors.baseline,
        r: 5,
        ...interactive({
          name: 'date-auc',
          data: rows,
          selectable: true,
          describe: (d) => [
            `${d.asOf} (${partLabel[d.part]})`,
            `AUC ${d.auc.toFixed(3)} (95 % CI ${d.aucCi[0].toFixed(2)}–${d.aucCi[1].toFixed(2)})`,
            `${d.positives} positives of ${d.positives + d.negatives}`,
            'Click for the accounts',
          ],
        }),
      }),
      Plot.text(suggested, {
        x: 'asOf',
        y: 'suggestedAuc',
        text: () => '◆',
        fill: seriesColors.suggested,
        fontSize: 14,
        ...interactive({
          name: 'date-suggested',
          data: suggested,
          describe: (d) => [`${d.asOf}: suggested weights`, `AUC ${d.suggestedAuc.toFixed(3)}`],
        }),
      }),
    ],
  };
}

/** Information value and conversion at each candidate threshold of a signal's metric. */
export function scanOptions(
  candidates: readonly ThresholdCandidate[],
  marks: { current: number | null; suggested: number | null },
  width: number,
): Plot.PlotOptions {
  const rules = [
    ...(finite(marks.current)
      ? [{ t: marks.current, label: 'current', color: seriesColors.baseline, anchor: 'bottom' }]
      : []),
    ...(finite(marks.suggested)
      ? [{ t: marks.suggested, label: 'suggested', color: seriesColors.suggested, anchor: 'top' }]
      : []),
  ];
  return {
    width,
    height: 220,
    marginLeft: 50,
    style: { fontSize: '12px' },
    x: { label: 'Threshold' },
    y: { label: 'Information value', grid: true },
    marks: [
      Plot.ruleX(rules, { x: 't', stroke: 'color', strokeWidth: 2, strokeDasharray: '4,2' }),
      // One label at the top, the other at the bottom, so close thresholds stay readable.
      Plot.text(
        rules.filter((r) => r.anchor === 'top'),
        { x: 't', text: 'label', frameAnchor: 'top', dy: -6, fill: 'color' },
      ),
      Plot.text(
        rules.filter((r) => r.anchor === 'bottom'),
        { x: 't', text: 'label', frameAnchor: 'bottom', dy: -4, dx: 4, textAnchor: 'start', fill: 'color' },
      ),
      Plot.line(candidates, { x: 'threshold', y: 'iv', stroke: seriesColors.draft, strokeWidth: 2 }),
      Plot.dot(candidates, {
        x: 'threshold',
        y: 'iv',
        fill: seriesColors.draft,
        r: 3.5,
        ...interactive({
          name: 'scan-threshold',
          data: candidates,
          selectable: true,
          describe: (c) => [
            `At ${c.threshold}: fires for ${c.fired} (${percent(c.fireRate)})`,
            `${c.positives} converted (${percent(c.conversion)})`,
            `Lift ${fixed(c.lift, 2)}, IV ${fixed(c.iv, 3)}`,
            'Click for the accounts it fires for',
          ],
        }),
      }),
    ],
  };
}
