// Numbers and dates as the app shows them (renderer/src/format.ts re-exports these), so an alert, a digest
// and a slide read exactly like the screen.
import { isoToDay } from '../dates';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export const formatCount = (n: number) => integer.format(n);
export const formatMoney = (n: number) => `$${integer.format(Math.round(n))}`;
export const formatMoneyCompact = (n: number) => compactMoney.format(n);
export const formatDecimal = (n: number) => decimal.format(n);
/** Signal values beside their thresholds: enough digits that 0.8512 never reads as 0.85. */
export const formatPrecise = (n: number) => precise.format(n);
export const formatPercent = (share: number) => percent.format(share);

export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => isoToDay(to) - isoToDay(from);
