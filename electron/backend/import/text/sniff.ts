// Which delimiter a text file uses: the candidate that splits the first lines into the same,
// largest number of fields (quoted parts ignored).
export const delimiterCandidates = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiterCandidates)[number];

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

export function sniffDelimiter(head: string, fileName = ''): Delimiter {
  if (/\.tsv$|\.tab$/i.test(fileName)) return '\t';
  // Cut the head at its last complete line so a partial row does not vote.
  const cut = head.lastIndexOf('\n');
  const lines = (cut > 0 ? head.slice(0, cut) : head)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.length > 0)
    .slice(0, 50);
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: 0, width: 0 };
  for (const delimiter of delimiterCandidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    const score = consistent / counts.length;
    if (score > best.score + 0.1 || (Math.abs(score - best.score) <= 0.1 && header > best.width))
      best = { delimiter, score, width: header };
  }
  return best.delimiter;
}
