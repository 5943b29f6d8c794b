// The slides about whom to act on: the top-stage accounts, and one slide per play given to them
// with how to run it and the accounts to run it on.
import { formatCount, formatDecimal, formatMoney } from '#shared/act/format';
import { moneyOrUnknown, unassigned } from '#shared/act/views';
import { accent, font, ink, t, table, type DeckContext } from './slide-parts';

export function addAccountSlides(deck: DeckContext) {
  topAccountsSlide(deck);
  playSlides(deck);
}

/** Top Ready accounts. */
function topAccountsSlide(deck: DeckContext) {
  const { data, add, scope } = deck;
  const draft = data.draft;
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

/** One slide per play given to top-stage accounts: how to run it, and the accounts to run it on. */
function playSlides(deck: DeckContext) {
  const { data, add } = deck;
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
}
