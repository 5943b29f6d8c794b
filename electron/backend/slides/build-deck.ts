// The model-review deck as a PPTX (pptxgenjs): title, the model, the ladder baseline beside the draft, the
// false-positive funnel, the score distribution, signal firing, the heatmap, the top Ready accounts and
// their plays, and what changed. Native, editable charts where PowerPoint has the type; the heatmap is a
// picture (chart-png.ts). Every number comes from the engine, formatted like the app; every text from a
// pack or a file goes through slideText.
import PptxGenJS from 'pptxgenjs';
import {
  accent,
  baselineColour,
  chartOptions,
  chunks,
  clip,
  font,
  ink,
  ladderRows,
  muted,
  signed,
  slideW,
  t,
  table,
  titled,
} from './slide-parts';
import type { DeckData } from '#shared/act/deck-data';
import { signalRule } from '#shared/act/deck-data';
import { formatCount, formatDate, formatDecimal, formatMoney } from '#shared/act/format';
import { formatThreshold, moneyOrUnknown, unassigned } from '#shared/act/views';
import { heatmapPng } from './chart-png';
import { addCalibrationSlides, type DeckCalibration } from './calibration-slides';

export interface BuiltDeck {
  buffer: Buffer;
  slides: number;
}

export async function buildDeck(data: DeckData, calibration?: DeckCalibration): Promise<BuiltDeck> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = t(`${data.pack.name}: model review`);
  pptx.company = 'Ladder';
  const scope = data.owner === null ? 'all owners' : `owner ${data.owner}`;
  const asOf = formatDate(data.asOf);
  const draft = data.draft;
  let count = 0;
  const add = (title: string, subtitle?: string) => {
    count++;
    return titled(pptx, title, subtitle);
  };

  // 1. Title
  count++;
  const cover = pptx.addSlide();
  cover.background = { color: '0F2A4A' };
  cover.addText(t(data.pack.name), {
    x: 0.8,
    y: 2.2,
    w: slideW - 1.6,
    h: 1.2,
    fontFace: font,
    fontSize: 40,
    bold: true,
    color: 'FFFFFF',
  });
  cover.addText(t(`Expansion-readiness model review · as of ${asOf} · ${scope}`), {
    x: 0.8,
    y: 3.4,
    w: slideW - 1.6,
    h: 0.6,
    fontFace: font,
    fontSize: 18,
    color: 'C8D6E5',
  });
  cover.addText(t(`${formatCount(draft.accounts)} accounts · ${formatMoney(draft.arr)} ARR · ${data.workspace}`), {
    x: 0.8,
    y: 4.1,
    w: slideW - 1.6,
    h: 0.5,
    fontFace: font,
    fontSize: 14,
    color: 'C8D6E5',
  });

  // 2. The model: signals (12 a slide)
  const signalRows = data.pack.signals.map((s) => [
    s.label + (s.enabled ? '' : ' (off)'),
    signalRule(s),
    formatDecimal(s.weight),
    s.category,
    s.urgency,
  ]);
  const signalPages = chunks(signalRows, 12);
  signalPages.forEach((rows, i) => {
    const slide = add(
      signalPages.length > 1 ? `The model: signals (${i + 1} of ${signalPages.length})` : 'The model: signals',
      `${formatCount(data.pack.signals.length)} signals; an account's score is the sum of the weights of the signals it fires`,
    );
    table(slide, ['Signal', 'Rule', 'Weight', 'Category', 'Urgency'], rows, { colW: [3.4, 4.6, 1.1, 1.6, 1.63] });
  });

  // 3. Stages and filters
  {
    const slide = add('The model: ladder and false-positive filters');
    table(
      slide,
      ['Stage', 'Minimum score', 'Minimum signals', 'Reached'],
      data.pack.ladder.stages.map((s) => [
        s.label,
        formatDecimal(s.minScore),
        formatDecimal(s.minSignals),
        s.gateOnly ? 'by a gate' : 'by score',
      ]),
      { colW: [4.3, 2.6, 2.6, 2.83] },
    );
    const filterRows = data.pack.filters.map((f) => [
      f.label + (f.enabled ? '' : ' (off)'),
      f.action,
      f.conditions
        .map((c) => `${c.metric} ${c.operator} ${formatThreshold(c.value, c.operator)}`)
        .join(f.match === 'all' ? ' and ' : ' or '),
    ]);
    if (filterRows.length > 0)
      table(slide, ['Filter', 'Action', 'Condition'], filterRows, {
        y: 1.7 + 0.42 * (data.pack.ladder.stages.length + 1),
        colW: [3.4, 1.6, 7.33],
      });
  }

  // 4. Ladder: baseline beside draft (stages matched by id; a stage only one side has counts 0 on the other)
  {
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
        colW: data.baseline ? [1.5, 0.95, 0.95, 1.3] : [1.8, 1.2, 1.7],
        fontFace: font,
        fontSize: 11,
        color: ink,
        border: { type: 'solid', pt: 0.5, color: 'D9E2EC' },
      },
    );
  }

  // 5. False-positive funnel
  {
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

  // 6. Score distribution
  {
    const slide = add(
      'Score distribution',
      `Accounts per score band (width ${formatDecimal(draft.histogram.binWidth)})`,
    );
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

  // 7. Signals firing
  {
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

  // 8. Heatmap
  {
    const slide = add(`Book of business: ${data.heatmap.rowLabel.toLowerCase()} × stage`, 'Accounts in each cell');
    const png = heatmapPng(data.heatmap);
    slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 1.5, y: 1.45, w: 10.2, h: 5.7 });
  }

  // 9. Top Ready accounts
  {
    const top = draft.stages[draft.stages.length - 1];
    const slide = add(`Top ${t(top?.label ?? 'Ready')} accounts`, `By score, then ARR · ${scope}`);
    if (data.top.length === 0)
      slide.addText('No account is at the top stage.', { x: 0.5, y: 2, w: 8, h: 0.6, fontFace: font, fontSize: 16 });
    else
      table(
        slide,
        ['Account', 'Owner', 'Score', 'ARR', 'Whitespace', 'Play'],
        data.top.map((a) => [
          a.name,
          a.owner ?? unassigned,
          formatDecimal(a.score),
          moneyOrUnknown(a.arr),
          moneyOrUnknown(a.whitespace),
          a.play ?? '—',
        ]),
        { colW: [3.6, 2.2, 1.0, 1.6, 1.6, 2.33] },
      );
  }

  // 10. One slide per play given to top-stage accounts: how to run it, and the accounts to run it on
  for (const p of data.plays) {
    const slide = add(
      `Play: ${p.label}`,
      `${formatCount(p.accounts)} accounts · ${formatMoney(p.arr)} ARR · led by the ${p.ownerRole}`,
    );
    const lines = [
      { text: t(p.opening), options: { italic: true, fontSize: 15, breakLine: true, paraSpaceAfter: 8 } },
      ...(p.questions.length ? p.questions : p.steps.slice(1))
        .slice(0, 4)
        .map((q) => ({ text: t(`• ${q}`), options: { fontSize: 13, breakLine: true, paraSpaceAfter: 4 } })),
    ];
    slide.addText(lines as never, { x: 0.5, y: 1.5, w: 5.4, h: 5.4, fontFace: font, color: ink, valign: 'top' });
    slide.addTable(
      [
        ['Account', 'Owner', 'Score', 'ARR'].map((h) => ({
          text: h,
          options: { bold: true, color: 'FFFFFF', fill: { color: accent } },
        })),
        ...p.top.map((a) =>
          [a.name, a.owner ?? unassigned, formatDecimal(a.score), moneyOrUnknown(a.arr)].map((v) => ({ text: t(v) })),
        ),
      ] as never,
      {
        x: 6.2,
        y: 1.5,
        w: 6.6,
        colW: [2.6, 1.9, 0.8, 1.3],
        fontFace: font,
        fontSize: 11,
        color: ink,
        border: { type: 'solid', pt: 0.5, color: 'D9E2EC' },
      },
    );
  }

  if (calibration) addCalibrationSlides(pptx, calibration, add, data.owner);

  // 11. What changed: ten changes a slide, at most three slides
  if (data.changes && data.baseline) {
    const baseline = data.baseline;
    const moved = ladderRows(data).map(
      (r) => `${r.label} ${signed((r.draft?.accounts ?? 0) - (r.baseline?.accounts ?? 0))}`,
    );
    const pages = chunks(data.changes, 10).slice(0, 3);
    pages.forEach((changes, p) => {
      const slide = add(
        `What changed since ${baseline.name}${pages.length > 1 ? ` (${p + 1} of ${pages.length})` : ''}`,
        `Accounts per stage, draft − baseline: ${moved.join(' · ')}`,
      );
      const rows = changes.map((c) => [c.area, c.label, c.change, clip(c.details.join('; '), 150)]);
      if (rows.length === 0)
        slide.addText('The two versions are the same.', { x: 0.5, y: 2, w: 8, h: 0.6, fontFace: font, fontSize: 16 });
      else table(slide, ['Part', 'Name', 'Change', 'Details'], rows, { colW: [1.2, 3.3, 1.2, 6.63] });
      const left = data.changes!.length - 30;
      if (p === pages.length - 1 && left > 0)
        slide.addText(t(`… and ${formatCount(left)} more changes.`), {
          x: 0.5,
          y: 6.9,
          w: slideW - 1,
          h: 0.4,
          fontFace: font,
          fontSize: 12,
          color: muted,
        });
    });
  }

  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer, slides: count };
}
