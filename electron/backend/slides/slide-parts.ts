// The pieces every slide of the deck is built from: colours, fonts, the title block, a striped table, chart
// options, and the ladder rows that pair baseline and draft stages by id.
import type PptxGenJS from 'pptxgenjs';
import type { DeckData } from '#shared/act/deck-data';
import { slideText } from '#shared/act/escape';
import { formatCount } from '#shared/act/format';

export const font = 'Arial';
export const ink = '1F2933';
export const muted = '616E7C';
export const accent = '2F6FDE';
export const baselineColour = 'A0AEC0';
export const slideW = 13.333;

export type Slide = ReturnType<PptxGenJS['addSlide']>;
type Cell = { text: string; options?: Record<string, unknown> };

export const t = (value: string | number) => slideText(String(value));

/** What each family of slides is built from; `add` makes a titled slide and counts it. */
export interface DeckContext {
  pptx: PptxGenJS;
  data: DeckData;
  /** The data's as-of date, formatted like the app. */
  asOf: string;
  /** Whose accounts the deck covers: "all owners" or "owner …". */
  scope: string;
  add: (title: string, subtitle?: string) => Slide;
}

export function titled(pptx: PptxGenJS, title: string, subtitle?: string): Slide {
  const slide = pptx.addSlide();
  slide.addText(t(title), {
    x: 0.5,
    y: 0.3,
    w: slideW - 1,
    h: 0.7,
    fontFace: font,
    fontSize: 26,
    bold: true,
    color: ink,
  });
  if (subtitle)
    slide.addText(t(subtitle), { x: 0.5, y: 0.95, w: slideW - 1, h: 0.4, fontFace: font, fontSize: 13, color: muted });
  return slide;
}

export function table(
  slide: Slide,
  head: string[],
  rows: (string | number)[][],
  opts: { x?: number; y?: number; colW?: number[]; h?: number; fontSize?: number } = {},
) {
  const header: Cell[] = head.map((h) => ({
    text: t(h),
    options: { bold: true, color: 'FFFFFF', fill: { color: accent } },
  }));
  const body: Cell[][] = rows.map((r, i) =>
    r.map((v) => ({ text: t(v), options: i % 2 ? { fill: { color: 'F3F6FA' } } : {} })),
  );
  slide.addTable([header, ...body] as never, {
    x: opts.x ?? 0.5,
    y: opts.y ?? 1.5,
    w: opts.colW ? opts.colW.reduce((a, b) => a + b, 0) : slideW - 1,
    ...(opts.colW ? { colW: opts.colW } : {}),
    fontFace: font,
    fontSize: opts.fontSize ?? 11,
    color: ink,
    border: { type: 'solid', pt: 0.5, color: 'D9E2EC' },
    valign: 'middle',
    autoPage: false,
  });
}

export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  list.length === 0
    ? [[]]
    : Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

export function chartOptions(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    x: 0.5,
    y: 1.5,
    w: 7.6,
    h: 5.4,
    catAxisLabelFontFace: font,
    valAxisLabelFontFace: font,
    catAxisLabelFontSize: 11,
    valAxisLabelFontSize: 10,
    legendFontFace: font,
    dataLabelFontFace: font,
    dataLabelFontSize: 10,
    showValue: true,
    dataLabelFormatCode: '#,##0',
    valAxisLabelFormatCode: '#,##0',
    ...extra,
  };
}

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

interface LadderRow {
  label: string;
  draft: { accounts: number; arr: number } | null;
  baseline: { accounts: number; arr: number } | null;
}

/** The draft's stages, then the baseline's stages the draft lacks; each with both sides' tallies by stage id. */
export function ladderRows(data: DeckData): LadderRow[] {
  const base = data.baseline?.result.stages ?? [];
  const rows: LadderRow[] = data.draft.stages.map((s) => ({
    label: s.label,
    draft: s,
    baseline: base.find((b) => b.id === s.id) ?? (data.baseline ? { accounts: 0, arr: 0 } : null),
  }));
  for (const b of base)
    if (!data.draft.stages.some((s) => s.id === b.id))
      rows.push({ label: `${b.label} (baseline only)`, draft: null, baseline: b });
  return rows;
}

export const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '±0');
