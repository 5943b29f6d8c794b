// Sorting accounts by a float64 value in linear time: a least-significant-digit radix sort on the
// value's bits, 16 bits a pass. A comparison sort with a callback took ~0.6 s for a million accounts
// (the first threshold drag of a column would freeze that long); this about a third of it.
// Stable, so tied values keep account order and the result does not depend on the sort's whims.

// Which 32-bit half of a float64 holds the sign and exponent on this machine (little-endian: 1).
const highWord = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;
const digits = 1 << 16;

/**
 * Sorts `accounts` (indices into `column`, none of whose values is NaN) in place by value, ascending.
 * The bits become an unsigned key that orders like the numbers: a positive value gets its sign bit
 * set, a negative one all its bits flipped. -0 then sorts just before 0, which compares equal to it
 * anyway, and ±Infinity at the ends.
 */
export function sortByValue(accounts: Int32Array, column: Float64Array): void {
  const n = accounts.length;
  if (n < 2) return;
  const bits = new Uint32Array(column.buffer, column.byteOffset, column.length * 2);
  let index = accounts.slice();
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const i = index[p]!;
    const h = bits[2 * i + highWord]!;
    const l = bits[2 * i + 1 - highWord]!;
    const negative = h >>> 31 === 1;
    high[p] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[p] = negative ? ~l >>> 0 : l;
  }
  let nextIndex = new Int32Array(n);
  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  const count = new Int32Array(digits + 1);
  // Least significant digit first: low word, low then high half; then the high word likewise.
  for (const [useHigh, shift] of [
    [false, 0],
    [false, 16],
    [true, 0],
    [true, 16],
  ] as const) {
    const word = useHigh ? high : low;
    count.fill(0);
    for (let p = 0; p < n; p++) count[((word[p]! >>> shift) & 0xffff) + 1]! += 1;
    // A digit every account shares (common in the high bits) would only copy: skip the pass.
    if (count[((word[0]! >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 0; d < digits; d++) count[d + 1]! += count[d]!;
    for (let p = 0; p < n; p++) {
      const q = count[(word[p]! >>> shift) & 0xffff]!++;
      nextIndex[q] = index[p]!;
      nextHigh[q] = high[p]!;
      nextLow[q] = low[p]!;
    }
    [index, nextIndex] = [nextIndex, index];
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
  }
  accounts.set(index);
}
