// The features relation as CSV (docs/ARCHITECTURE.md §5: account_id, segment, then one column per feature).
// Numbers are written in JavaScript's shortest round-trip form, so every engine that reads the
// file gets the very doubles the engine scored; missing values are empty, unquoted fields (NULL for
// PostgreSQL's and DuckDB's CSV readers), and text is quoted when it needs to be (always when empty).
import type { FeaturesRelation } from './features-relation';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return value === '' || /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}

export function* featuresCsvLines(relation: FeaturesRelation): Generator<string> {
  yield `${relation.columns.map((c) => csvField(c.name)).join(',')}\n`;
  for (const row of relation.rows()) yield `${row.map(csvField).join(',')}\n`;
}

export function featuresCsv(relation: FeaturesRelation): string {
  return Array.from(featuresCsvLines(relation)).join('');
}
