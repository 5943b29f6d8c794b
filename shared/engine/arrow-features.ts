// Feature tables travel from the backend to the renderer's engine worker as Arrow IPC: typed
// float64 columns cross without copying value by value, and names/ids as Utf8. Metadata (as-of
// date, category dictionaries) rides in the schema.
import { makeData, makeTable, makeVector, tableFromIPC, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import type { CategoryColumn, FeatureTable } from './features';

export interface FeaturePayload {
  asOf: string;
  accounts: number;
  /** Present when the payload carries the accounts themselves (first load), not only new columns. */
  base?: {
    ids: string[];
    names: string[];
    segment: Uint8Array;
    arr: Float64Array;
    categories: Map<string, CategoryColumn>;
  };
  columns: Map<string, Float64Array>;
  /** Signature of each feature the pack needs (see featureSignature), by feature key. */
  signatures?: Record<string, string>;
}

interface Meta {
  asOf: string;
  accounts: number;
  base: boolean;
  categories: Record<string, string[]>;
  features: string[];
  signatures?: Record<string, string>;
}

/** Utf8 vector built from one encoded buffer (much faster than Arrow's generic builder for millions of strings). */
function utf8Vector(values: readonly string[]): Vector {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(values.length + 1);
  let bytes = new Uint8Array(Math.max(64, values.length * 16));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (at + value.length * 3 > bytes.length) {
      const bigger = new Uint8Array(Math.max(bytes.length * 2, at + value.length * 3));
      bigger.set(bytes.subarray(0, at));
      bytes = bigger;
    }
    at += encoder.encodeInto(value, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, valueOffsets: offsets, data: bytes.subarray(0, at) }),
  );
}

function utf8Values(vector: Vector): string[] {
  const decoder = new TextDecoder();
  const out: string[] = new Array(vector.length);
  let i = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    for (let r = 0; r < data.length; r++) out[i++] = decoder.decode(bytes.subarray(offsets[r]!, offsets[r + 1]!));
  }
  return out;
}

export function encodeFeatures(payload: FeaturePayload): Uint8Array {
  const vectors: Record<string, Vector | Float64Array | Uint8Array | Int32Array> = {};
  const meta: Meta = {
    asOf: payload.asOf,
    accounts: payload.accounts,
    base: payload.base !== undefined,
    categories: {},
    features: [...payload.columns.keys()],
    signatures: payload.signatures,
  };
  if (payload.base) {
    vectors.id = utf8Vector(payload.base.ids);
    vectors.name = utf8Vector(payload.base.names);
    vectors.segment = payload.base.segment;
    vectors.arr = payload.base.arr;
    for (const [name, column] of payload.base.categories) {
      vectors[`cat:${name}`] = column.codes;
      meta.categories[name] = column.dictionary;
    }
  }
  payload.columns.forEach((column, key) => (vectors[`f:${key}`] = column));
  if (Object.keys(vectors).length === 0) vectors['f:'] = new Float64Array(payload.accounts); // Arrow needs one column
  const table = makeTable(vectors as Parameters<typeof makeTable>[0]);
  table.schema.metadata.set('ladder', JSON.stringify(meta));
  return tableToIPC(table, 'stream');
}

export function decodeFeatures(bytes: Uint8Array): FeaturePayload {
  const table = tableFromIPC(bytes);
  const raw = table.schema.metadata.get('ladder');
  if (!raw) throw new Error('This is not a Ladder feature table.');
  const meta = JSON.parse(raw) as Meta;
  const child = (name: string) => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`The feature table has no column ${name}.`);
    return vector;
  };
  const columns = new Map(meta.features.map((key) => [key, child(`f:${key}`).toArray() as Float64Array]));
  const payload: FeaturePayload = { asOf: meta.asOf, accounts: meta.accounts, columns, signatures: meta.signatures };
  if (meta.base) {
    payload.base = {
      ids: utf8Values(child('id')),
      names: utf8Values(child('name')),
      segment: child('segment').toArray() as Uint8Array,
      arr: child('arr').toArray() as Float64Array,
      categories: new Map(
        Object.entries(meta.categories).map(([name, dictionary]) => [
          name,
          { dictionary, codes: child(`cat:${name}`).toArray() as Int32Array },
        ]),
      ),
    };
  }
  return payload;
}

/** A feature table from a first payload, extended in place by later ones. */
export function toFeatureTable(payload: FeaturePayload): FeatureTable {
  if (!payload.base) throw new Error('The first feature payload must include the accounts.');
  return {
    accounts: payload.accounts,
    accountIds: payload.base.ids,
    arr: payload.base.arr,
    segment: payload.base.segment,
    columns: new Map(payload.columns),
    categories: payload.base.categories,
  };
}
