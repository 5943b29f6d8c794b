import { formatCount, formatMoneyCompact } from '../../format';

export function signed(n: number, format: (n: number) => string = formatCount): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${format(n)}` : `−${format(-n)}`;
}

export const signedMoney = (n: number) => signed(n, formatMoneyCompact);
