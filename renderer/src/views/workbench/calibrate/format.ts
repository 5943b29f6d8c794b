// Number formats for the Calibrate tab: the calibration formats (shared with the deck's calibration
// slides), and thresholds as the editor shows them.
export { fixed, interval, known, pct } from '#shared/calibrate/format';
/** A threshold as the editor shows it: whole numbers plainly, others to three significant decimals. */
export const threshold = (t: unknown): string =>
  typeof t === 'number' ? (Number.isInteger(t) ? String(t) : String(Number(t.toPrecision(3)))) : JSON.stringify(t);
