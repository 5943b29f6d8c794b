// Charts PowerPoint has no native type for (the heatmap) are drawn with Observable Plot into SVG and
// rasterised to PNG in Node with resvg and the bundled DejaVu Sans, so the picture looks the same on every
// machine (pptxgenjs' own SVG embedding shows a broken image when written from Node).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as Plot from '@observablehq/plot';
import { resourcesDir } from '../paths';
import type { Heatmap } from '#shared/act/deck-data';
import { formatCount } from '#shared/act/format';

export const chartFont = 'DejaVu Sans';
export const fontFile = () => join(resourcesDir(), 'fonts', 'DejaVuSans.ttf');

/** What Plot returns, as far as this file uses it (the Node project has no DOM types). */
interface SvgNode {
  setAttribute(name: string, value: string): void;
  outerHTML: string;
}

let svgDocument: object | null = null;
/** One DOM document for Plot to build SVG in (jsdom, loaded on first use: it takes a while to load). */
function documentForPlot(): object {
  if (!svgDocument) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
      JSDOM: new (html: string) => { window: { document: object } };
    };
    svgDocument = new JSDOM('').window.document;
  }
  return svgDocument;
}

export function rasterise(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fontFile()], loadSystemFonts: false, defaultFontFamily: chartFont },
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** The heatmap as a PNG: a cell per row × stage, the count written in it, white on the dark cells. */
export function heatmapPng(heatmap: Heatmap, width = 1000, height = 560): Buffer {
  const document = documentForPlot() as never;
  const cells = heatmap.rows.flatMap((row, r) =>
    heatmap.columns.map((column, c) => ({ row, column, accounts: heatmap.accounts[r]![c]! })),
  );
  const max = Math.max(1, ...cells.map((d) => d.accounts));
  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft: 170,
    marginBottom: 40,
    style: { fontFamily: chartFont, fontSize: '13px', background: 'white', color: '#1f2933' },
    x: { domain: heatmap.columns, label: null, axis: 'top', tickSize: 0 },
    y: {
      domain: heatmap.rows,
      label: null,
      tickSize: 0,
      tickFormat: (d: string) => (d.length > 22 ? `${d.slice(0, 21)}…` : d),
    },
    color: { type: 'sqrt', scheme: 'blues', domain: [0, max] },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'accounts', inset: 1.5 }),
      Plot.text(cells, {
        x: 'column',
        y: 'row',
        text: (d: { accounts: number }) => formatCount(d.accounts),
        fill: (d: { accounts: number }) => (Math.sqrt(d.accounts / max) > 0.6 ? 'white' : '#1f2933'),
      }),
    ],
  }) as unknown as SvgNode;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return rasterise(svg.outerHTML, width * 2);
}
