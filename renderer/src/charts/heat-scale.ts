// The heatmap's colours: one Observable Plot colour scale per heatmap (sequential for sums and
// shares, diverging around 0 for changes), used both for the cells and for the legend so they
// always agree; readable labels (dark text on light cells, light text on dark cells, by WCAG
// contrast); and values formatted in the measure's unit.
import * as Plot from '@observablehq/plot';
import type { Heatmap } from '#shared/book/heatmap';

export interface HeatScale {
  color(value: number | null): string;
  /** The lowest and highest value the colours cover (the legend's ends). */
  extent: [number, number];
}

export type Theme = 'light' | 'dark';

const ramps: Record<Theme, { low: string; high: string; neg: string; mid: string; pos: string }> = {
  light: { low: '#eff6ff', high: '#1e3a8a', neg: '#b45309', mid: '#f8fafc', pos: '#1d4ed8' },
  dark: { low: '#132340', high: '#bfdbfe', neg: '#f59e0b', mid: '#111a2e', pos: '#60a5fa' },
};

/** A scale over the cells' values (margins are shown apart, uncoloured). */
export function heatScale(h: Heatmap, delta: boolean, theme: Theme, label: string): HeatScale {
  const values = h.cells.flat().filter((v): v is number => v !== null);
  const ramp = ramps[theme];
  let options: Plot.ScaleOptions;
  let extent: [number, number];
  if (delta) {
    const m = Math.max(1e-9, ...values.map(Math.abs));
    options = { type: 'linear', domain: [-m, 0, m], range: [ramp.neg, ramp.mid, ramp.pos], label };
    extent = [-m, m];
  } else {
    const max = Math.max(h.unit === 'share' ? 1e-9 : 1, ...values);
    const min = Math.min(0, ...values);
    options = { type: 'linear', domain: [min, max], range: [ramp.low, ramp.high], label };
    extent = [min, max];
  }
  const scale = Plot.scale({ color: { ...options, interpolate: 'rgb' } });
  return { color: (v) => (v === null ? 'transparent' : String(scale.apply(v))), extent };
}

function channels(color: string): [number, number, number] | null {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  return null;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(color: string): number {
  const c = channels(color);
  if (!c) return 1;
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * The label colour with more contrast on this background: black or white, the only pair for which
 * the better of the two reaches WCAG AA (4.5:1) on every background, mid-tones included.
 */
export function labelColor(background: string): string {
  const dark = '#000000';
  const light = '#ffffff';
  return contrast(background, dark) >= contrast(background, light) ? dark : light;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A cell's value for people: $1.2M, 1,234 accounts, 12.5 %; changes signed (+$40K, −3, +1.2 pts). */
export function formatValue(unit: Heatmap['unit'], v: number | null, delta = false): string {
  if (v === null) return '—';
  const sign = delta ? (v > 0 ? '+' : v < 0 ? '−' : '±') : v < 0 ? '−' : '';
  const a = Math.abs(v);
  switch (unit) {
    case 'accounts':
      return `${sign}${whole.format(a)}`;
    case 'money':
      return `${sign}$${a >= 10_000 ? compact.format(a) : whole.format(a)}`;
    case 'share':
      return delta ? `${sign}${(a * 100).toFixed(1)} pts` : `${(a * 100).toFixed(1)} %`;
  }
}

export const unitLabel = (unit: Heatmap['unit'], delta: boolean) =>
  ({ accounts: 'accounts', money: 'US$', share: delta ? 'percentage points' : '% of accounts' })[unit];
