// The keys one import has written so far, as 32-bit hashes in an open-addressing table (4 bytes a
// key, where a Set of 1M key strings held ~60 MB). It only says "maybe": a key it has seen is
// looked up in the table before it is called a repeat, so a hash collision costs one query and
// never refuses a row.

/** FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

export interface KeyHashes {
  add(hash: number): void;
  /** True when a key with this hash may have been added. */
  mayHave(hash: number): boolean;
}

export function createKeyHashes(initialSize = 1 << 16): KeyHashes {
  let slots = new Uint32Array(initialSize);
  let mask = initialSize - 1;
  let count = 0;
  const place = (table: Uint32Array, m: number, hash: number) => {
    let i = hash & m;
    while (table[i] !== 0 && table[i] !== hash) i = (i + 1) & m;
    return i;
  };
  const grow = () => {
    const bigger = new Uint32Array(slots.length * 2);
    const m = bigger.length - 1;
    for (const h of slots) if (h !== 0) bigger[place(bigger, m, h)] = h;
    slots = bigger;
    mask = m;
  };
  return {
    add(hash) {
      const i = place(slots, mask, hash);
      if (slots[i] === hash) return;
      slots[i] = hash;
      if (++count * 2 > slots.length) grow();
    },
    mayHave: (hash) => slots[place(slots, mask, hash)] === hash,
  };
}
