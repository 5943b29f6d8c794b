// The slides about the model itself: its signals, its ladder and false-positive filters, and what
// changed since the baseline version. build-deck.ts puts them in the deck's order.
import { signalRule } from '#shared/act/deck-data';
import { formatCount, formatDecimal } from '#shared/act/format';
import { formatThreshold } from '#shared/act/views';
import { chunks, clip, font, ladderRows, muted, signed, slideW, t, table, type DeckContext } from './slide-parts';

/** The signals (12 a slide), then the ladder and the filters. */
export function addModelSlides(deck: DeckContext) {
  signalSlides(deck);
  ladderDefinitionSlide(deck);
}

/** The model: signals (12 a slide). */
function signalSlides(deck: DeckContext) {
  const { data, add } = deck;
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
}

/** Stages and filters. */
function ladderDefinitionSlide(deck: DeckContext) {
  const { data, add } = deck;
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

/** What changed: ten changes a slide, at most three slides. */
export function addChangeSlides(deck: DeckContext) {
  const { data, add } = deck;
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
}
