// The model-review deck as a PPTX (pptxgenjs): the title slide, then the slide families in order: the model
// (model-slides.ts), the ladder, funnel, distribution, signal and heatmap charts (chart-slides.ts), the top
// Ready accounts and their plays (account-slides.ts), and what changed. Every number comes from the engine,
// formatted like the app; every text from a pack or a file goes through slideText.
import PptxGenJS from 'pptxgenjs';
import type { DeckData } from '#shared/act/deck-data';
import { formatCount, formatDate, formatMoney } from '#shared/act/format';
import { addAccountSlides } from './account-slides';
import { addChartSlides } from './chart-slides';
import { addChangeSlides, addModelSlides } from './model-slides';
import { font, slideW, t, titled, type DeckContext } from './slide-parts';
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

  const deck: DeckContext = { pptx, data, asOf, scope, add };
  addModelSlides(deck);
  addChartSlides(deck);
  addAccountSlides(deck);
  if (calibration) addCalibrationSlides(pptx, calibration, add, data.owner);
  addChangeSlides(deck);

  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer, slides: count };
}
