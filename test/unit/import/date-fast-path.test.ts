// parseDate's hot paths (plain `YYYY-MM-DD` and `A/B/YYYY`, no regex) read every string exactly as
// the general path does. The oracle: the same text padded with a space, which only the general path
// (trim, then the regexes) accepts.
import { numericDateParts, parseDate, type DateOrder } from '#shared/import/values';
import { createRng } from '#shared/random';

const rng = createRng(17);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rng.next() * 10))).join('');
const part = () =>
  pick(['', '0', '00', '1', '9', '12', '13', '29', '30', '31', '32', '99', digits(1), digits(2), digits(3)]);

function candidates(): string[] {
  const out = ['2024-02-29', '2023-02-29', '0000-01-01', '9999-12-31', '1/1/2024', '12/31/1999', '31.12.2024'];
  for (let i = 0; i < 20_000; i++) {
    const sep = pick(['/', '.', '-', '-', ' ', 'x']);
    const sep2 = rng.next() < 0.9 ? sep : pick(['/', '.', '-']);
    out.push(
      rng.next() < 0.5
        ? `${digits(pick([3, 4, 4, 4, 5]))}${sep}${part()}${sep2}${part()}`
        : `${part()}${sep}${part()}${sep2}${pick([digits(4), digits(4), digits(2), digits(3), digits(5), '2024'])}`,
    );
  }
  return out;
}

it.each<DateOrder | undefined>([undefined, 'MDY', 'DMY'])('the hot paths agree with the general one (%s)', (order) => {
  let read = 0;
  for (const text of candidates()) {
    const expected = parseDate(` ${text} `, order);
    expect(parseDate(text, order), text).toEqual(expected);
    expect(numericDateParts(text), text).toEqual(numericDateParts(` ${text} `));
    if (expected) read++;
  }
  expect(read).toBeGreaterThan(500); // the cases are not all refusals
});
