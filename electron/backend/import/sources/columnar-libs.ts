// apache-arrow and hyparquet are loaded by the first Arrow or Parquet file read, not when the import
// worker starts: resolving and compiling apache-arrow's modules took 100–150 ms of each worker's
// start, on the way of every CSV import's first pass. The readers load them (async) before any
// check or read; the checks then get them synchronously.
import type { DataType, Message, RecordBatchReader } from 'apache-arrow';
import type { Footer } from 'apache-arrow/ipc/metadata/file';
import type * as Hyparquet from 'hyparquet';
import type { parquetHeader } from 'hyparquet/src/column.js';

export interface ArrowLib {
  DataType: typeof DataType;
  Message: typeof Message;
  Footer: typeof Footer;
  RecordBatchReader: typeof RecordBatchReader;
}

export type ParquetLib = Pick<
  typeof Hyparquet,
  'asyncBufferFromFile' | 'parquetMetadataAsync' | 'parquetRead' | 'parquetSchema'
> & { parquetHeader: typeof parquetHeader };

let arrowLib: ArrowLib | null = null;
let parquetLib: ParquetLib | null = null;

export async function loadArrow(): Promise<ArrowLib> {
  if (!arrowLib) {
    const [{ DataType, Message, RecordBatchReader }, { Footer }] = await Promise.all([
      import('apache-arrow'),
      import('apache-arrow/ipc/metadata/file'),
    ]);
    arrowLib = { DataType, Message, Footer, RecordBatchReader };
  }
  return arrowLib;
}

export async function loadParquet(): Promise<ParquetLib> {
  if (!parquetLib) {
    const [lib, { parquetHeader }] = await Promise.all([import('hyparquet'), import('hyparquet/src/column.js')]);
    const { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } = lib;
    parquetLib = { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, parquetHeader };
  }
  return parquetLib;
}

const notLoaded = (name: string) => new Error(`${name} is used before it was loaded`);

/** apache-arrow, once loadArrow has settled. */
export function arrow(): ArrowLib {
  if (!arrowLib) throw notLoaded('apache-arrow');
  return arrowLib;
}

/** hyparquet, once loadParquet has settled. */
export function parquet(): ParquetLib {
  if (!parquetLib) throw notLoaded('hyparquet');
  return parquetLib;
}
