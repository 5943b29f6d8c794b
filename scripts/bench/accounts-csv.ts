// Writes the import benchmark's input: a deterministic accounts export in the shape CRMs produce
// (quoted names with commas, thousands separators, US dates, TRUE/FALSE, blanks), ~100 bytes a row.
// Rows come in key order, or shuffled (the same rows, in a seeded random order).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng } from '#shared/random';

const industries = ['Software', 'Retail', 'Healthcare', 'Financial Services', 'Manufacturing', 'Education'];
const regions = ['NA', 'EMEA', 'APAC', 'LATAM'];
const segments = ['SMB', 'Mid-Market', 'Enterprise'];

export const accountsHeader =
  'Account ID,Account Name,Segment,Industry,Region,Employees,CSM,ARR,Seats,Renewal Date,Health Score,Buyer Known';

export async function writeAccountsCsv(
  path: string,
  rows: number,
  { seed = 7, shuffled = false }: { seed?: number; shuffled?: boolean } = {},
): Promise<number> {
  const rng = createRng(seed);
  const random = rng.next;
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  if (shuffled) {
    const shuffle = createRng(seed + 1).next;
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let block = `${accountsHeader}\n`;
  for (let r = 0; r < rows; r++) {
    const i = order[r]!;
    const seg = segments[i % 3]!;
    const arr = Math.round(2000 + random() * 400_000);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const name = i % 5 === 0 ? `"Acme ${i}, Inc."` : `Company ${i}`;
    block += `ACC-${String(i).padStart(7, '0')},${name},${seg},${industries[i % 6]},${regions[i % 4]},${10 + (i % 5000)},csm${i % 97}@example.com,"${arr.toLocaleString('en-US')}",${5 + (i % 300)},${month}/${day}/2027,${(random() * 100).toFixed(1)},${i % 2 ? 'TRUE' : 'FALSE'}\n`;
    if (block.length > 1 << 20) {
      bytes += Buffer.byteLength(block);
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  bytes += Buffer.byteLength(block);
  out.end(block);
  await once(out, 'finish');
  return bytes;
}
