// The deck's calibration slides: the pack checked against past outcomes exactly as `ladder calibrate` runs it
// by default (the last as-of date whose 90-day horizon the data cover, a seeded 30 % hold-out), then lift and
// capture by score decile with the headline metrics and the verdict, and the reliability table. Without
// outcomes, or with too few conversions to say anything, one slide says why instead: a review that silently
// drops the calibration would read as if the model had never been checked.
import type PptxGenJS from 'pptxgenjs';
import { formatCount, formatDate, formatDecimal } from '#shared/act/format';
import { LadderError } from '#shared/api/result';
import { fixed, interval, known, pct } from '#shared/calibrate/format';
import { minPositives, type CalibrationReport } from '#shared/calibrate/report';
import type { ValidPack } from '#shared/pack/validate';
import { runCalibration, type RunOptions } from '../calibrate/run-calibration';
import type { Workspace } from '../store/open-workspace';
import { accent, baselineColour, chartOptions, clip, font, ink, muted, t, table, type Slide } from './slide-parts';

export type DeckCalibration = { kind: 'report'; report: CalibrationReport } | { kind: 'none'; reason: string };

const noOutcomes =
  'The workspace holds no outcomes (won or lost expansions with their close dates), so the model cannot be ' +
  'checked against what happened. Import them and this slide shows lift and reliability.';

const hasOutcomes = (ws: Workspace) => ws.db.prepare('SELECT EXISTS (SELECT 1 FROM outcomes)').pluck().get() === 1;

/** The calibration a deck shows, computed once for the whole workspace (per-owner decks share it). */
export async function deckCalibration(
  ws: Workspace,
  valid: ValidPack,
  options: RunOptions = {},
): Promise<DeckCalibration> {
  if (!hasOutcomes(ws)) return { kind: 'none', reason: noOutcomes };
  let report: CalibrationReport;
  try {
    ({ report } = await runCalibration(ws, valid, {}, options));
  } catch (error) {
    // The data cannot be calibrated (no accounts, no dates): say so on the slide; anything else is a fault.
    if (error instanceof LadderError && error.code === 'bad_request') return { kind: 'none', reason: error.message };
    throw error;
  }
  if (report.labels.positives < minPositives) return { kind: 'none', reason: report.verdictReason };
  const m = report.model;
  const drawable =
    m.positives > 0 &&
    m.reliability.length > 0 &&
    m.deciles.every((d) => known(d.lift) && known(d.capture)) &&
    m.reliability.every((r) => known(r.observed));
  if (!drawable)
    return {
      kind: 'none',
      reason: `None of the ${formatCount(m.accounts)} held-out accounts converted within ${report.horizonDays} days of ${formatDate(report.asOf[0]!)}: there is no lift or reliability to show.`,
    };
  return { kind: 'report', report };
}

type AddSlide = (title: string, subtitle?: string) => Slide;

const scoreRange = (from: number, to: number) =>
  from === to ? formatDecimal(from) : `${formatDecimal(from)}–${formatDecimal(to)}`;

function splitText(r: CalibrationReport): string {
  const s = r.split;
  return s.kind === 'holdout'
    ? `${pct(s.share, 0)} of accounts held out (seed ${s.seed})`
    : `trained on ${s.train.map(formatDate).join(', ')}, evaluated on ${s.test.map(formatDate).join(', ')}`;
}

/** The headline figures as the Calibrate tab shows them (pack on the held-out accounts). */
function headlineRows(r: CalibrationReport): string[][] {
  const m = r.model;
  const s = r.suggested.heldOut;
  return [
    ['ROC AUC', `${fixed(m.auc)} (95 % CI ${interval(m.aucCi)})`],
    ['PR AUC', fixed(m.prAuc)],
    ['Brier score', fixed(m.brier)],
    ['Top-decile lift', `${fixed(m.liftTopDecile, 2)}×`],
    ['Top-decile capture', pct(m.captureTopDecile)],
    ['Ready precision', pct(m.readyPrecision)],
    ['Ready recall', pct(m.readyRecall)],
    ['Held out', `${formatCount(m.positives)} of ${formatCount(m.accounts)} converted`],
    [
      'Labels',
      `${formatCount(r.labels.positives)} positive, ${formatCount(r.labels.negatives)} negative, ${formatCount(r.labels.excluded)} excluded`,
    ],
    ['Suggested weights', `AUC ${fixed(s.auc)} (95 % CI ${interval(s.aucCi)})`],
  ];
}

function liftSlide(pptx: PptxGenJS, add: AddSlide, r: CalibrationReport, owner: string | null) {
  const m = r.model;
  const slide = add(
    'Calibration: lift and capture by score decile',
    `Held-out accounts; expansions won within ${r.horizonDays} days of ${formatDate(r.asOf[0]!)}; ${splitText(r)}${owner === null ? '' : '; the whole book, not only this owner'}`,
  );
  const labels = m.deciles.map((d) => t(`Top ${pct(d.share, 0)}`));
  slide.addChart(
    [
      {
        type: pptx.ChartType.bar,
        data: [{ name: 'Conversions captured', labels, values: m.deciles.map((d) => 100 * d.capture) }],
        options: {
          barDir: 'col',
          chartColors: [baselineColour],
          dataLabelFormatCode: '0" %"',
          // At the bars' foot, clear of the lift line and its labels.
          dataLabelPosition: 'inBase',
        },
      },
      {
        type: pptx.ChartType.line,
        data: [{ name: 'Lift', labels, values: m.deciles.map((d) => d.lift) }],
        options: {
          chartColors: [accent],
          lineDataSymbol: 'circle',
          lineDataSymbolSize: 7,
          lineSize: 2,
          secondaryValAxis: true,
          secondaryCatAxis: true,
          dataLabelFormatCode: '0.00"×"',
          dataLabelPosition: 't',
          dataLabelColor: accent,
        },
      },
    ] as never,
    chartOptions({
      h: 4.7,
      showLegend: true,
      legendPos: 'b',
      valAxes: [
        {
          showValAxisTitle: true,
          valAxisTitle: 'Share of conversions captured',
          valAxisMinVal: 0,
          valAxisMaxVal: 100,
          valAxisLabelFormatCode: '0" %"',
        },
        {
          showValAxisTitle: true,
          valAxisTitle: 'Lift (conversion ÷ average)',
          valAxisMinVal: 0,
          valAxisLabelFormatCode: '0.0"×"',
          valGridLine: { style: 'none' },
        },
      ],
      catAxes: [{ catAxisTitle: 'Best-scored share of accounts', showCatAxisTitle: true }, { catAxisHidden: true }],
    }) as never,
  );
  table(slide, ['Metric', 'On held-out accounts'], headlineRows(r), { x: 8.2, y: 1.5, colW: [1.85, 2.78] });
  const tooLittle = r.verdict === 'too-little-signal';
  const notes = r.warnings.slice(0, 3).map((w) => ({
    text: t(clip(w, 230)),
    options: { fontSize: 10, color: muted, breakLine: true },
  }));
  slide.addText(
    [
      {
        text: t(r.verdictReason),
        options: { bold: true, fontSize: 12, color: tooLittle ? 'B45309' : '15803D', breakLine: true },
      },
      ...notes,
    ] as never,
    { x: 0.5, y: 6.25, w: 12.33, h: 1.1, fontFace: font, valign: 'top', margin: 0 },
  );
}

function reliabilitySlide(pptx: PptxGenJS, add: AddSlide, r: CalibrationReport) {
  const m = r.model;
  const stageLabel = new Map(m.stages.map((s) => [s.id, s.label]));
  const slide = add(
    'Calibration: reliability',
    'Per score bucket: the held-out accounts, how many converted, and the rate the training part predicts',
  );
  const labels = m.reliability.map((b) => t(scoreRange(b.scoreFrom, b.scoreTo)));
  const predicted = m.reliability.every((b) => known(b.predicted));
  slide.addChart(
    pptx.ChartType.bar,
    [
      { name: 'Observed (held out)', labels, values: m.reliability.map((b) => 100 * b.observed) },
      ...(predicted
        ? [{ name: 'Predicted (training part)', labels, values: m.reliability.map((b) => 100 * b.predicted) }]
        : []),
    ],
    chartOptions({
      w: 6.2,
      barDir: 'col',
      barGrouping: 'clustered',
      showLegend: true,
      legendPos: 'b',
      showValue: false,
      chartColors: [accent, baselineColour],
      valAxisMinVal: 0,
      valAxisLabelFormatCode: '0" %"',
      showValAxisTitle: true,
      valAxisTitle: 'Conversion',
      showCatAxisTitle: true,
      catAxisTitle: 'Score buckets, lowest ranked first (ranked by stage, then score)',
    }) as never,
  );
  // In the chart's order, so a row reads beside its bars (ranking by stage first, buckets' scores can overlap).
  const rows = m.reliability.map((b) => [
    scoreRange(b.scoreFrom, b.scoreTo),
    b.stage
      .split(' + ')
      .map((id) => stageLabel.get(id) ?? id)
      .join(' + '),
    formatCount(b.accounts),
    formatCount(b.positives),
    pct(b.observed),
  ]);
  table(slide, ['Score', 'Stage', 'Accounts', 'Converted', 'Observed'], rows, {
    x: 6.9,
    y: 1.5,
    fontSize: 10,
    colW: [0.8, 1.9, 1.05, 1.15, 1.03],
  });
}

function stageSlide(pptx: PptxGenJS, add: AddSlide, r: CalibrationReport) {
  const stages = r.model.stages;
  const slide = add(
    'Calibration: conversion by stage',
    'Per stage of the ladder: its share of the held-out accounts, its share of their conversions, and its conversion',
  );
  const labels = stages.map((s) => t(s.label));
  slide.addChart(
    pptx.ChartType.bar,
    [
      { name: 'Share of accounts', labels, values: stages.map((s) => 100 * s.shareOfAccounts) },
      { name: 'Share of conversions', labels, values: stages.map((s) => 100 * s.shareOfConversions) },
    ],
    chartOptions({
      w: 6.2,
      barDir: 'col',
      barGrouping: 'clustered',
      showLegend: true,
      legendPos: 'b',
      chartColors: [baselineColour, accent],
      valAxisMinVal: 0,
      dataLabelFormatCode: '0.0" %"',
      valAxisLabelFormatCode: '0" %"',
    }) as never,
  );
  const rows = [...stages]
    .reverse()
    .map((s) => [
      s.label,
      formatCount(s.accounts),
      pct(s.shareOfAccounts),
      pct(s.shareOfConversions),
      pct(s.conversion),
    ]);
  table(slide, ['Stage', 'Accounts', 'Share of accounts', 'Share of conversions', 'Conversion rate'], rows, {
    x: 6.9,
    y: 1.5,
    fontSize: 10,
    colW: [1.55, 1.0, 1.08, 1.22, 1.08],
  });
}

function reasonSlide(add: AddSlide, reason: string) {
  const slide = add('Calibration against outcomes', 'Lift and reliability of the score on past expansions');
  slide.addText(
    [
      { text: t(reason), options: { fontSize: 18, color: ink, breakLine: true, paraSpaceAfter: 12 } },
      {
        text: 'The Calibrate tab and the ladder calibrate command run the same check and say what it needs.',
        options: { fontSize: 13, color: muted },
      },
    ] as never,
    { x: 0.5, y: 1.8, w: 11, h: 2.4, fontFace: font, valign: 'top' },
  );
}

/** The calibration slides (lift, stages, reliability), or one slide saying why there are none. */
export function addCalibrationSlides(
  pptx: PptxGenJS,
  calibration: DeckCalibration,
  add: AddSlide,
  owner: string | null,
): void {
  if (calibration.kind === 'none') return reasonSlide(add, calibration.reason);
  liftSlide(pptx, add, calibration.report, owner);
  stageSlide(pptx, add, calibration.report);
  reliabilitySlide(pptx, add, calibration.report);
}
