// Heatmap cell labels stay readable on whatever colour the scale gives a cell: the label chosen for
// any background (every grey, and every colour of both themes' ramps, sums and changes) has WCAG AA
// contrast, 4.5:1 — mid-tones included, where two off-black and off-white labels both fall short.
import type { Heatmap } from '#shared/book/heatmap';
import { contrast, heatScale, labelColor, type Theme } from '../../../renderer/src/charts/heat-scale';

const heatmap = (values: number[]): Heatmap => ({ cells: [values], unit: 'money' }) as unknown as Heatmap; // the scale reads only the cells and unit

const hex = (v: number) => v.toString(16).padStart(2, '0');

it('every grey gets a label with at least 4.5:1 contrast', () => {
  for (let v = 0; v < 256; v++) {
    const bg = `#${hex(v)}${hex(v)}${hex(v)}`;
    expect(contrast(labelColor(bg), bg), bg).toBeGreaterThanOrEqual(4.5);
  }
});

it.each(['light', 'dark'] as Theme[])('every colour of the %s ramps gets a readable label', (theme) => {
  const steps = Array.from({ length: 101 }, (_, i) => i - 50);
  for (const delta of [false, true]) {
    const scale = heatScale(heatmap(delta ? steps : steps.map((s) => s + 50)), delta, theme, 'ARR');
    for (const v of steps) {
      const bg = scale.color(delta ? v : v + 50);
      expect(contrast(labelColor(bg), bg), `${theme} ${delta ? 'Δ' : ''} ${v}: ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  }
});

it('the old off-black / off-white pair really fell short on a mid-tone (the case this guards)', () => {
  const mid = 'rgb(100, 122, 154)';
  expect(Math.max(contrast('#0f172a', mid), contrast('#f8fafc', mid))).toBeLessThan(4.5);
  expect(contrast(labelColor(mid), mid)).toBeGreaterThanOrEqual(4.5);
});
