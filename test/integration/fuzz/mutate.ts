// Damaged files, the way files get damaged and the way attackers damage them: flipped bits, bytes
// and 32-bit lengths overwritten with edge values, ranges cut, repeated or shuffled, truncation,
// and for text formats the tokens that break quoting, nesting and decoding.
import type { Rng } from '#shared/random';

const edgeInts = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 0x3fffffff];

const textTokens = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\\u0000',
  '\\ud800',
  '\\"',
  '\u0000',
  '\ufeff',
  '\u2028',
  '1e999',
  '-0',
  '9'.repeat(400),
  'null',
  'true',
  '"__proto__"',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '['.repeat(300),
  '{"a":'.repeat(100),
  '=cmd|"/c calc"!A1',
  '\u001b[2J',
  'ＡＢＣ',
  '😀',
];

const xmlTokens = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '<![CDATA[x]]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  '<c r="XFD1048576" t="s"><v>99999999</v></c>',
  '<c r="A1" t="s"><v>-1</v></c>',
  '<c r="ZZZZZZ9" t="n"><v>1e400</v></c>',
  '<row r="1048577">',
  '<row r="0">',
  '<row r="-5">',
  '</row>',
  '<si><t>x</t></si>',
  '<t>',
  '</t>',
  ' t="inlineStr"',
  ' t="b"',
  ' t="d"',
  ' s="999999"',
  '<v>1e308</v>',
  '<v>NaN</v>',
  '<f>SUM(A1:A1048576)</f>',
  '<sheetData>',
  '</sheetData>',
  '"',
  "'",
];

function overwriteInt(rng: Rng, bytes: Buffer): void {
  if (bytes.length < 4) return;
  const at = rng.int(0, bytes.length - 4);
  const value = rng.chance(0.7) ? rng.pick(edgeInts) : rng.int(0, 0xffffffff);
  if (rng.chance(0.5)) bytes.writeUInt32LE(value >>> 0, at);
  else bytes.writeUInt32BE(value >>> 0, at);
}

/** One to four byte-level changes. */
export function mutateBytes(rng: Rng, input: Buffer): Buffer {
  let bytes: Buffer = Buffer.from(input);
  const changes = rng.int(1, 4);
  for (let k = 0; k < changes && bytes.length > 0; k++) {
    const kind = rng.int(0, 7);
    const at = rng.int(0, bytes.length - 1);
    switch (kind) {
      case 0:
        bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7));
        break;
      case 1:
        bytes[at] = rng.pick(edgeInts) & 0xff;
        break;
      case 2:
      case 3:
        overwriteInt(rng, bytes);
        break;
      case 4: {
        const length = rng.int(1, Math.min(64, bytes.length - at));
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
        break;
      }
      case 5: {
        const length = rng.int(1, Math.min(256, bytes.length - at));
        const piece = bytes.subarray(at, at + length);
        const times = rng.chance(0.2) ? rng.int(2, 40) : 1;
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          ...Array.from({ length: times + 1 }, () => piece),
          bytes.subarray(at + length),
        ]);
        break;
      }
      case 6:
        bytes = bytes.subarray(0, rng.int(0, bytes.length));
        break;
      case 7: {
        const noise = Buffer.from(Array.from({ length: rng.int(1, 16) }, () => rng.int(0, 255)));
        bytes = Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
        break;
      }
    }
  }
  return bytes;
}

/** How large a text mutation may make a file (the importers' own caps are tested in test/integration/security). */
const maxTextBytes = 4 * 2 ** 20;

/** One to four changes that respect the text: tokens inserted, lines repeated or cut, bad bytes. */
export function mutateText(rng: Rng, input: Buffer, dialect: 'delimited' | 'json' | 'xml'): Buffer {
  const tokens = dialect === 'xml' ? xmlTokens : textTokens;
  let bytes: Buffer = Buffer.from(input);
  const changes = rng.int(1, 4);
  for (let k = 0; k < changes; k++) {
    const at = rng.int(0, bytes.length);
    const kind = rng.int(0, 5);
    if (kind <= 2) {
      const token = Buffer.from(rng.pick(tokens), 'utf8');
      bytes = Buffer.concat([bytes.subarray(0, at), token, bytes.subarray(at)]);
    } else if (kind === 3) {
      // A line repeated many times, or a line cut in half.
      const start = bytes.lastIndexOf(10, Math.max(0, at - 1)) + 1;
      const end = bytes.indexOf(10, at);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end + 1);
      const drawn = rng.chance(0.5) ? rng.int(2, 200) : 0;
      // A file without line breaks is one "line": four rounds of 200 copies would make gigabytes
      // in this process (an XLSX part of 1.25 GB), so the copies stop at maxTextBytes.
      const times = Math.min(drawn, Math.floor(Math.max(0, maxTextBytes - bytes.length) / Math.max(1, line.length)));
      bytes = Buffer.concat([
        bytes.subarray(0, start),
        ...Array.from({ length: times }, () => line),
        bytes.subarray(start),
      ]);
    } else if (kind === 4) {
      bytes[Math.min(at, bytes.length - 1)] = rng.pick([0x00, 0x80, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf8, 0xfe, 0xff]);
    } else {
      bytes = mutateBytes(rng, bytes);
    }
  }
  return bytes;
}
