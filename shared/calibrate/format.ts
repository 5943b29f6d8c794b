// Number formats of calibration results, shared by the Calibrate tab and the deck's calibration slides so
// both read the same. A metric the data cannot support is NaN in the engine and null after JSON; both show
// as a dash.
export const known = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
export const fixed = (x: number | null | undefined, digits = 3) => (known(x) ? x.toFixed(digits) : '—');
export const pct = (x: number | null | undefined, digits = 1) => (known(x) ? `${(100 * x).toFixed(digits)} %` : '—');
export const interval = (ci: readonly (number | null)[] | undefined, digits = 2) =>
  ci && known(ci[0]) && known(ci[1]) ? `${ci[0].toFixed(digits)}–${ci[1].toFixed(digits)}` : '—';
