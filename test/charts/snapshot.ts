// Chart snapshots the way Observable Plot tests its own charts: render the figure in jsdom, write
// its markup one element per line, and compare it with the file kept in test/charts/snapshots/.
// A missing snapshot is written (outside CI) and reported; a different one is written beside it
// as NAME-changed.svg and fails the test. UPDATE_CHART_SNAPSHOTS=1 rewrites them after a
// deliberate change (then look at the diff before committing it).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';

export const snapshotsDir = join(import.meta.dirname, 'snapshots');

/** The figure Plot draws for these options, in this (jsdom) document. */
export function plotElement(options: Plot.PlotOptions, label: string): Element {
  return Plot.plot({ ...options, ariaLabel: label, document });
}

/** One element per line, indented by depth: diffs then show which mark changed. */
export function formatMarkup(html: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const token of html.replace(/>\s*</g, '>\n<').split('\n')) {
    const closing = token.startsWith('</');
    const selfClosing = token.endsWith('/>') || /^<(br|img|input|meta|link)\b/.test(token);
    const opensAndCloses = /^<[^/][^>]*>.*<\/[^>]+>$/.test(token);
    if (closing) depth = Math.max(0, depth - 1);
    out.push(`${'  '.repeat(depth)}${token}`);
    if (!closing && !selfClosing && !opensAndCloses && token.startsWith('<')) depth++;
  }
  return `${out.join('\n')}\n`;
}

/** Plot's generated class names and ids, renamed in document order so snapshots stay stable. */
function reindex(root: Element): void {
  const ids = new Map<string, string>();
  for (const node of root.querySelectorAll('[id^="plot-"]')) {
    const id = node.getAttribute('id')!;
    if (!ids.has(id)) ids.set(id, `plot-id-${ids.size + 1}`);
    node.setAttribute('id', ids.get(id)!);
  }
  for (const node of root.querySelectorAll('[clip-path],[marker-start],[marker-mid],[marker-end]')) {
    for (const attribute of ['clip-path', 'marker-start', 'marker-mid', 'marker-end']) {
      const value = node.getAttribute(attribute)?.match(/^url\(#(.+)\)$/)?.[1];
      if (value && ids.has(value)) node.setAttribute(attribute, `url(#${ids.get(value)})`);
    }
  }
}

/** Compares the element's markup with snapshots/NAME.EXT; returns a failure sentence, or null. */
export function compareSnapshot(name: string, element: Element): string | null {
  reindex(element);
  if (element.tagName.toLowerCase() === 'svg') {
    element.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  }
  const extension = element.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const actual = formatMarkup(element.outerHTML);
  const file = join(snapshotsDir, `${name}.${extension}`);
  const changed = join(snapshotsDir, `${name}-changed.${extension}`);
  if (!existsSync(file) || process.env.UPDATE_CHART_SNAPSHOTS === '1') {
    if (process.env.CI === 'true' && !existsSync(file)) return `${name}: no snapshot at ${file}`;
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return null;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return null;
  }
  writeFileSync(changed, actual);
  return `${name} differs from its snapshot: compare ${file} with ${changed}`;
}
