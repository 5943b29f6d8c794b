// Arrow's metadata is FlatBuffers, and the FlatBuffers reader trusts it: a vector (of columns, of
// buffers, of nested fields) whose 4-byte length was changed to two billion makes apache-arrow
// build two billion objects from bytes that are not there — a hang, then the heap is gone. So the
// vectors apache-arrow walks are checked first, against the bytes of the metadata itself: every
// vector fits, and a schema's nested fields are few enough and shallow enough to be real.
// (Tables as in Arrow's Message.fbs, Schema.fbs and File.fbs; slots are field numbers.)

type Bytes = Uint8Array;

class Malformed extends Error {}

const u16 = (b: Bytes, at: number) => {
  if (!(at >= 0 && at + 2 <= b.length)) throw new Malformed();
  return b[at]! | (b[at + 1]! << 8);
};
const u32 = (b: Bytes, at: number) => {
  if (!(at >= 0 && at + 4 <= b.length)) throw new Malformed();
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
};
const i32 = (b: Bytes, at: number) => u32(b, at) | 0;

/** Where a table's field lies, or null when the table leaves it out. */
function field(b: Bytes, table: number, slot: number): number | null {
  const vtable = table - i32(b, table);
  const size = u16(b, vtable);
  const entry = 4 + 2 * slot;
  if (entry + 2 > size) return null;
  const offset = u16(b, vtable + entry);
  return offset === 0 ? null : table + offset;
}

/** The table a field points to. */
function tableAt(b: Bytes, table: number, slot: number): number | null {
  const at = field(b, table, slot);
  if (at === null) return null;
  const target = at + u32(b, at);
  if (target >= b.length) throw new Malformed();
  return target;
}

/** A vector field's first element and length, checked to lie within the bytes. */
function vector(b: Bytes, table: number, slot: number, elementBytes: number): { start: number; length: number } {
  const at = field(b, table, slot);
  if (at === null) return { start: 0, length: 0 };
  const start = at + u32(b, at);
  const length = u32(b, start);
  if (start + 4 + length * elementBytes > b.length) throw new Malformed();
  return { start: start + 4, length };
}

/** A vector of tables: the tables it points to. */
function tables(b: Bytes, table: number, slot: number): number[] {
  const { start, length } = vector(b, table, slot, 4);
  return Array.from({ length }, (_, i) => start + i * 4 + u32(b, start + i * 4));
}

const keyValues = (b: Bytes, table: number, slot: number) => {
  for (const kv of tables(b, table, slot)) {
    vector(b, kv, 0, 1);
    vector(b, kv, 1, 1);
  }
};

const maxDepth = 64;

function checkFields(b: Bytes, parent: number, slot: number, depth: number, budget: { left: number }): void {
  if (depth > maxDepth) throw new Malformed();
  for (const f of tables(b, parent, slot)) {
    if (--budget.left < 0) throw new Malformed();
    vector(b, f, 0, 1); // name
    keyValues(b, f, 6);
    const unionType = 14;
    if (b[field(b, f, 2) ?? -1] === unionType) {
      const type = tableAt(b, f, 3);
      if (type !== null) vector(b, type, 1, 4); // the union's type ids
    }
    checkFields(b, f, 5, depth + 1, budget);
  }
}

function checkSchema(b: Bytes, schema: number): void {
  // No more fields (nested ones included) than the metadata has bytes for: shared subtrees cannot blow it up.
  checkFields(b, schema, 1, 0, { left: Math.floor(b.length / 8) });
  keyValues(b, schema, 2);
  vector(b, schema, 3, 8);
}

function checkRecordBatch(b: Bytes, batch: number): void {
  vector(b, batch, 1, 16); // FieldNode structs
  vector(b, batch, 2, 16); // Buffer structs
  vector(b, batch, 4, 8); // variadic buffer counts
}

const root = (b: Bytes) => u32(b, 0);

/** Is this message's metadata safe for apache-arrow to decode? */
export function messageTablesFit(b: Bytes): boolean {
  try {
    const message = root(b);
    keyValues(b, message, 4);
    const header = tableAt(b, message, 2);
    if (header === null) return true;
    const type = b[field(b, message, 1) ?? -1] ?? 0;
    if (type === 1) checkSchema(b, header);
    else if (type === 2) {
      const data = tableAt(b, header, 1);
      if (data !== null) checkRecordBatch(b, data);
    } else if (type === 3) checkRecordBatch(b, header);
    return true;
  } catch {
    return false;
  }
}

/** Is this file footer safe for apache-arrow to decode? */
export function footerTablesFit(b: Bytes): boolean {
  try {
    const footer = root(b);
    const schema = tableAt(b, footer, 1);
    if (schema !== null) checkSchema(b, schema);
    vector(b, footer, 2, 24); // Block structs
    vector(b, footer, 3, 24);
    keyValues(b, footer, 4);
    return true;
  } catch {
    return false;
  }
}
