// One line saying how the file was read: format, encoding, delimiter, sheet, size and rows.
import type { ImportAnalysis } from '#shared/import/report';
import { formatCount } from '../../format';

const delimiterName = (d: string) =>
  ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' })[d] ?? JSON.stringify(d);

export function SourceLine({ analysis }: { analysis: ImportAnalysis }) {
  const s = analysis.source;
  const parts = [
    s.format.toUpperCase(),
    s.encoding,
    s.delimiter ? `${delimiterName(s.delimiter)}-separated` : null,
    s.sheet ? `sheet “${s.sheet}”${s.sheets.length > 1 ? ` of ${s.sheets.length}` : ''}` : null,
    s.bytes < 2 ** 20 ? `${Math.max(1, Math.round(s.bytes / 1024))} KB` : `${(s.bytes / 2 ** 20).toFixed(1)} MB`,
    `${formatCount(analysis.rowsRead)} rows`,
    `${formatCount(analysis.headers.length)} columns`,
  ].filter(Boolean);
  return (
    <p className="muted" data-testid="source-line">
      <strong>{s.fileName}</strong> · {parts.join(' · ')}
    </p>
  );
}
