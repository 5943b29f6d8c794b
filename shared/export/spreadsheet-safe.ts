// Cells that spreadsheets would read as formulas are neutralised before they leave Ladder (OWASP,
// "CSV Injection"): text starting with = + - @, a tab or a carriage return gets a leading single
// quote, so Excel, LibreOffice and Google Sheets show it as text and never run it — also behind
// leading spaces (ordinary, no-break, ideographic…) and in the full-width forms ＝ ＋ － ＠, which
// spreadsheets read the same way. Numbers stay numbers: a negative score is data, not a formula.

const dangerous = /^[\t\r\n]|^[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

export function neutralizeCell<T extends string | number | null>(value: T): T | string {
  return typeof value === 'string' && dangerous.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180 quoting) after neutralising. */
export function safeCsvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(neutralizeCell(value));
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replace(/"/g, '""')}"` : text;
}

export const utf8Bom = '\uFEFF';
