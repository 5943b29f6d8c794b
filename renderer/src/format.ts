// Numbers and dates on screen: the same formats alerts, digests and slides use (shared/act/format.ts), so
// what the app shows and what it exports read alike.
export { formatCount, formatDate, formatMoney, formatMoneyCompact } from '#shared/act/format';

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
