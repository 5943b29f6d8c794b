// Keys in ascending order (write/ascending-keys.ts): the comparison is SQLite's BINARY order (UTF-8
// bytes), and a run of batches is ascending only while every key comes after the one before.
import { binaryLess, createAscendingKeys } from '../../../electron/backend/import/write/ascending-keys';
import { createRng } from '#shared/random';

it('binaryLess orders text as its UTF-8 bytes do, surrogate pairs and U+E000–U+FFFF included', () => {
  const random = createRng(11).next;
  const alphabet = ['a', 'B', '0', 'é', '\u00ff', '\u0800', '\ud7ff', '\ue000', '\uffee', '😀', '𝄞', '\u{10ffff}'];
  const word = () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * 12)]).join('');
  let differsFromJs = 0;
  for (let i = 0; i < 5000; i++) {
    const a = word();
    const b = word();
    const bytes = Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
    expect(binaryLess(a, b), `${JSON.stringify(a)} < ${JSON.stringify(b)}`).toBe(bytes < 0);
    if (a < b !== bytes < 0) differsFromJs++;
  }
  expect(differsFromJs).toBeGreaterThan(0); // the corpus holds the pairs where JavaScript's order is wrong
});

it('a run is ascending while each key follows the one before, across batches, and past the held range or not', () => {
  const keys = createAscendingKeys({ least: 'ACC-0001', greatest: 'ACC-2000' });
  // Rows of two values, the key first (stride 2).
  expect(keys.see([['ACC-0001', 1, 'ACC-0002', 2]], 2)).toBe('ascending'); // inside the held range
  expect(
    keys.see(
      [
        ['ACC-1999', 1],
        ['ACC-2001', 2],
      ],
      2,
    ),
  ).toBe('ascending'); // straddles its end
  expect(keys.see([['ACC-2002', 1, 'ACC-3000', 2]], 2)).toBe('past-held');
  expect(keys.see([], 2)).toBe('ascending');
  expect(keys.see([['ACC-3000', 1]], 2)).toBeNull(); // the same key again: not after the one before
  expect(keys.see([['ACC-9999', 1]], 2)).toBeNull(); // ended for good
  expect(createAscendingKeys(null).see([['B', 0, 'C', 0]], 2)).toBe('ascending'); // no range: maybe held
  expect(createAscendingKeys(null).see([['B', 0, 7, 0]], 2)).toBeNull(); // a key that is not text
  expect(createAscendingKeys({ least: 'M', greatest: 'N' }).see([['A', 0, 'B', 0]], 2)).toBe('past-held');
});
