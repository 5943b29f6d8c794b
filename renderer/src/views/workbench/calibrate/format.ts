// Number formats for the Calibrate tab. A metric the data cannot support is NaN in the engine and
// null after JSON; both show as a dash.
export const known = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
export const fixed = (x: number | null | undefined, digits = 3) => (known(x) ? x.toFixed(digits) : '—');
export const pct = (x: number | null | undefined, digits = 1) => (known(x) ? `${(100 * x).toFixed(digits)} %` : '—');
export const interval = (ci: readonly (number | null)[] | undefined, digits = 2) =>
  ci && known(ci[0]) && known(ci[1]) ? `${ci[0].toFixed(digits)}–${ci[1].toFixed(digits)}` : '—';
/** A threshold as the editor shows it: whole numbers plainly, others to three significant decimals. */
export const threshold = (t: unknown): string =>
  typeof t === 'number' ? (Number.isInteger(t) ? String(t) : String(Number(t.toPrecision(3)))) : JSON.stringify(t);
