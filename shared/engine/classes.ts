// Accounts grouped into classes: all accounts with the same fired signals, segment, gate results
// and filter results get the same score and stage whatever the weights and stage thresholds. So a
// weight edit recomputes a few hundred classes, never a million accounts.
import { isSet } from '../missing';

export interface ClassTable {
  /** Class of each account. */
  of: Int32Array;
  size: number;
  /** Fired-signal bits (one per signal, in pack order). */
  mask: Uint32Array;
  /** Segment code | gate pass bits << 2 | filter hit bits << 6. */
  context: Uint32Array;
  count: Float64Array;
  /** ARR in whole cents: integer sums are exact and independent of order, so incremental edits and
   * a from-scratch run report identical totals. */
  arrCents: Float64Array;
  /** Finds or adds the class for a key. */
  classOf(mask: number, context: number): number;
}

// The context word's layout, in one place: bits 0–1 hold the segment code, bits 2–5 one pass bit per
// gate (limits.gates = 4), bits 6–13 one hit bit per filter (limits.filters = 8). Signal masks hold
// one fired bit per signal in pack order (limits.signals = 32).
export const gateBit = (gate: number) => 2 + gate;
export const filterBit = (filter: number) => 6 + filter;
export const segmentOfContext = (context: number) => context & 3;
export const gateBitsOfContext = (context: number) => (context >>> 2) & 0xf;
export const filterBitsOfContext = (context: number) => (context >>> 6) & 0xff;
/** Bit k of a mask or bit set (fired signals, failed gates, applied filters). */
export const hasBit = (word: number, k: number) => ((word >>> k) & 1) === 1;
export const gatePassed = (context: number, gate: number) => hasBit(context, gateBit(gate));
export const filterHit = (context: number, filter: number) => hasBit(context, filterBit(filter));

function hash(mask: number, context: number): number {
  let h = Math.imul(mask ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(context + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  return h >>> 0;
}

export function createClassTable(accounts: number, initialCapacity = 256): ClassTable {
  let capacity = initialCapacity;
  let slots = new Int32Array(capacity * 2).fill(-1); // open addressing; load factor ≤ 1/2
  const table: ClassTable = {
    of: new Int32Array(accounts),
    size: 0,
    mask: new Uint32Array(capacity),
    context: new Uint32Array(capacity),
    count: new Float64Array(capacity),
    arrCents: new Float64Array(capacity),
    classOf(mask, context) {
      const m = slots.length - 1;
      let slot = hash(mask, context) & m;
      for (;;) {
        const c = slots[slot]!;
        if (c === -1) break;
        if (table.mask[c] === mask && table.context[c] === context) return c;
        slot = (slot + 1) & m;
      }
      if (table.size === capacity) grow();
      const c = table.size++;
      table.mask[c] = mask;
      table.context[c] = context;
      insertSlot(c);
      return c;
    },
  };
  const insertSlot = (c: number) => {
    const m = slots.length - 1;
    let slot = hash(table.mask[c]!, table.context[c]!) & m;
    while (slots[slot] !== -1) slot = (slot + 1) & m;
    slots[slot] = c;
  };
  const grow = () => {
    capacity *= 2;
    const resize = <T extends Uint32Array | Float64Array>(a: T, make: (n: number) => T) => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    table.mask = resize(table.mask, (n) => new Uint32Array(n));
    table.context = resize(table.context, (n) => new Uint32Array(n));
    table.count = resize(table.count, (n) => new Float64Array(n));
    table.arrCents = resize(table.arrCents, (n) => new Float64Array(n));
    slots = new Int32Array(capacity * 2).fill(-1);
    for (let c = 0; c < table.size; c++) insertSlot(c);
  };
  return table;
}

/** ARR of each account in whole cents (missing ARR counts as 0). */
export function toCents(arr: Float64Array): Float64Array {
  const cents = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const a = arr[i]!;
    cents[i] = isSet(a) ? Math.round(a * 100) : 0;
  }
  return cents;
}

/** Builds the class table from each account's mask and context. */
export function classify(masks: Uint32Array, contexts: Uint32Array, arrCents: Float64Array): ClassTable {
  const table = createClassTable(masks.length);
  let lastMask = -1;
  let lastContext = -1;
  let last = -1;
  for (let i = 0; i < masks.length; i++) {
    const m = masks[i]!;
    const k = contexts[i]!;
    // Neighbouring accounts often share a class; skip the hash lookup then.
    const c = m === lastMask && k === lastContext ? last : table.classOf(m, k);
    table.of[i] = c;
    table.count[c]! += 1;
    table.arrCents[c]! += arrCents[i]!;
    lastMask = m;
    lastContext = k;
    last = c;
  }
  return table;
}
