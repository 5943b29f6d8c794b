// The deck's chart slides: the ladder (baseline beside draft), the false-positive funnel, the score
// distribution, how often each signal fires, and the book-of-business heatmap. Native, editable
// charts where PowerPoint has the type; the heatmap is a picture (chart-png.ts).
import { formatCount, formatDecimal, formatMoney } from '#shared/act/format';
import { heatmapPng } from './chart-png';
import {
  accent,
  baselineColour,
  chartOptions,
  font,
  ink,
  ladderRows,
  slideW,
  t,
  type DeckContext,
} from './slide-parts';

export function addChartSlides(deck: DeckContext) {
  ladderChartSlide(deck);
  funnelSlide(deck);
  distributionSlide(deck);
  signalFiringSlide(deck);
  heatmapSlide(deck);
}

/** Ladder: baseline beside draft (stages matched by id; a stage only one side has counts 0 on the other). */
function ladderChartSlide(deck: DeckContext) {
  const { pptx, data, add, asOf } = deck;
  const slide = add(
    data.baseline ? `Readiness ladder: ${data.baseline.name} beside the draft` : 'Readiness ladder',
    `Accounts per stage as of ${asOf}`,
  );
  const rows = ladderRows(data);
  const labels = rows.map((r) => t(r.label));
  const series = [
    ...(data.baseline
      ? [{ name: t(`Baseline: ${data.baseline.name}`), labels, values: rows.map((r) => r.baseline?.accounts ?? 0) }]
      : []),
    { name: t('Draft'), labels, values: rows.map((r) => r.draft?.accounts ?? 0) },
  ];
  slide.addChart(
    pptx.ChartType.bar,
    series,
    chartOptions({
      barDir: 'bar',
      barGrouping: 'clustered',
      showLegend: data.baseline !== null,
      legendPos: 'b',
      chartColors: data.baseline ? [baselineColour, accent] : [accent],
    }) as never,
  );
  const head = ['Stage', ...(data.baseline ? ['Baseline'] : []), 'Accounts', 'ARR'];
  const body = [...rows]
    .reverse()
    .map((r) => [
      r.label,
      ...(data.baseline ? [r.baseline ? formatCount(r.baseline.accounts) : '—'] : []),
      r.draft ? formatCount(r.draft.accounts) : '—',
      r.draft ? formatMoney(r.draft.arr) : '—',
    ]);
  slide.addTable(
    [
      head.map((h) => ({ text: t(h), options: { bold: true } })),
      ...body.map((r) => r.map((v) => ({ text: t(v) }))),
    ] as never,
    {
      x: 8.2,
      y: 1.6,
      w: 4.7,
      colW: data.baseline ? [1.3, 1.05, 1.1, 1.25] : [1.8, 1.2, 1.7],
      fontFace: font,
      fontSize: 11,
      color: ink,
      border: { type: 'solid', pt: 0.5, color: 'D9E2EC' },
    },
  );
}

/** False-positive funnel. */
function funnelSlide(deck: DeckContext) {
  const { pptx, add } = deck;
  const draft = deck.data.draft;
  const f = draft.funnel;
  const stageLabel = draft.stages.find((s) => s.id === f.stage)?.label ?? f.stage;
  const slide = add(
    'False-positive filters',
    `Candidates for ${stageLabel}, what each filter removed, and what remains`,
  );
  const labels = ['Candidates', ...f.removed.map((r) => `− ${r.label}`), 'Remaining'];
  const values = [f.candidates.accounts, ...f.removed.map((r) => r.accounts), f.remaining.accounts];
  slide.addChart(
    pptx.ChartType.bar,
    [{ name: 'Accounts', labels: labels.map(t), values }],
    chartOptions({
      barDir: 'bar',
      showLegend: false,
      chartColors: [accent],
      w: 8.2,
    }) as never,
  );
  slide.addText(
    t(
      `${formatCount(f.remaining.accounts)} of ${formatCount(f.candidates.accounts)} candidates remain (${formatMoney(f.remaining.arr)} ARR).`,
    ),
    { x: 9, y: 2, w: 3.8, h: 1.5, fontFace: font, fontSize: 16, color: ink },
  );
}

/** Score distribution. */
function distributionSlide(deck: DeckContext) {
  const { pptx, add } = deck;
  const draft = deck.data.draft;
  const slide = add('Score distribution', `Accounts per score band (width ${formatDecimal(draft.histogram.binWidth)})`);
  const bins = draft.histogram.bins;
  slide.addChart(
    pptx.ChartType.bar,
    [
      {
        name: 'Accounts',
        labels: bins.map((b) => `${formatDecimal(b.from)}–${formatDecimal(b.to)}`),
        values: bins.map((b) => b.accounts),
      },
    ],
    chartOptions({
      barDir: 'col',
      showLegend: false,
      chartColors: [accent],
      w: slideW - 1,
      showValue: bins.length <= 20,
    }) as never,
  );
}

/** Signals firing. */
function signalFiringSlide(deck: DeckContext) {
  const { pptx, add, asOf } = deck;
  const draft = deck.data.draft;
  const slide = add('How often each signal fires', `Accounts where the signal fired, as of ${asOf}`);
  slide.addChart(
    pptx.ChartType.bar,
    [
      {
        name: 'Accounts',
        labels: draft.signals.map((s) => t(s.label)),
        values: draft.signals.map((s) => s.fired),
      },
    ],
    chartOptions({ barDir: 'bar', showLegend: false, chartColors: [accent], w: slideW - 1 }) as never,
  );
}

/** Heatmap. */
function heatmapSlide(deck: DeckContext) {
  const { data, add } = deck;
  const slide = add(`Book of business: ${data.heatmap.rowLabel.toLowerCase()} × stage`, 'Accounts in each cell');
  const png = heatmapPng(data.heatmap);
  slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 1.5, y: 1.45, w: 10.2, h: 5.7 });
}
