// Whole-file profiling of a date column counts a plain valid day (YYYY-MM-DD, or A/B/YYYY) from its
// bytes, without decoding the text, once the profile is settled (key check and samples done, only
// dates so far): the profile must come out exactly as observing every value would make it, late
// surprises included (a day-first date, an impossible day, a word, blanks, padded text).
import { emptyProfile, keyCheckRows, observe, settledForDays } from '#shared/import/profile';
import { observeDayAt } from '../../../electron/backend/import/raw-cells';

function profileBoth(values: (string | null)[]) {
  const general = emptyProfile();
  const fast = emptyProfile();
  let fromBytes = 0;
  for (const v of values) {
    observe(general, v);
    const bytes = v === null ? null : Buffer.from(v, 'latin1');
    if (bytes && settledForDays(fast) && observeDayAt(fast, bytes, 0, bytes.length)) fromBytes++;
    else observe(fast, v);
  }
  return { general, fast, fromBytes };
}

const iso = (i: number) => new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
const us = (i: number) => {
  const [y, m, d] = iso(i).split('-').map(Number);
  return `${m}/${d}/${y}`;
};

it.each([
  ['ISO days', iso],
  ['month-first days', us],
])('%s with blanks and late surprises profile the same', (_, day) => {
  const values: (string | null)[] = [];
  for (let i = 0; i < keyCheckRows + 30_000; i++) values.push(i % 97 === 0 ? null : i % 89 === 0 ? '' : day(i));
  values.push('13/02/2024', day(5), '2/30/2024', '2024-02-30', ' 3/4/2024', '03.04.2024', '1/1/24', day(6));
  values.push('not a date', day(7));
  const { general, fast, fromBytes } = profileBoth(values);
  expect(fromBytes).toBeGreaterThan(25_000);
  expect(fast).toEqual(general);
});

it('a column that starts as numbers or yes/no is never counted from bytes', () => {
  const values = ['1', '0', ...Array.from({ length: keyCheckRows + 100 }, (_, i) => us(i))];
  const { general, fast, fromBytes } = profileBoth(values);
  expect(fromBytes).toBe(0);
  expect(fast).toEqual(general);
});
