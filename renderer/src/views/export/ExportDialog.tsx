// The Export dialog: choose a format (and a SQL dialect), see the generated file, copy it or save
// it. Self-contained: give it the pack document being looked at. On the desktop "Save…" opens the
// native save dialog and the backend writes the file; in a browser the page downloads it.
import { useEffect, useRef, useState } from 'react';
import type { RenderedExport } from '#shared/api/export-contract';
import { sqlDialects, dialects, type SqlDialect } from '#shared/compile/sql-dialect';
import { exportFormatInfo, exportFormats, type ExportFormat } from '#shared/export/formats';
import type { RulePackInput } from '#shared/pack/schema';
import { api } from '../../api';
import { downloadFile, formatBytes } from './download';
import './export.css';
import { messageOf } from '#shared/error-message';

export interface ExportDialogProps {
  pack: RulePackInput;
  asOf?: string;
  /** Scored exports: only these accounts (the view being looked at); all accounts when absent. */
  accounts?: string[];
  onClose(): void;
}

const previewChars = 40_000;

export function ExportDialog({ pack, asOf, accounts, onClose }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('sql');
  const [dialect, setDialect] = useState<SqlDialect>('duckdb');
  const [table, setTable] = useState('');
  const [bom, setBom] = useState(false);
  const [validation, setValidation] = useState(true);
  const [preview, setPreview] = useState<RenderedExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const info = exportFormatInfo[format];
  const isPack = format === 'pack-json' || format === 'pack-yaml';
  const isCsv = format.endsWith('csv');

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  const request = () => ({
    format,
    pack,
    ...(format === 'sql' ? { dialect, ...(table.trim() ? { table: table.trim() } : {}) } : {}),
    ...(asOf ? { asOf } : {}),
    ...(isPack ? { validation } : {}),
    ...(isCsv ? { bom } : {}),
    ...(accounts && format.startsWith('scored') ? { accounts } : {}),
  });

  // The preview follows every option; a slow render never overwrites a newer one.
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    setError(null);
    setStatus(null);
    const timer = setTimeout(() => {
      setBusy(true);
      api.call('export.render', { ...request(), previewChars }).then(
        (r) => mine === generation.current && (setPreview(r), setBusy(false)),
        (e: unknown) => mine === generation.current && (setPreview(null), setError(messageOf(e)), setBusy(false)),
      );
    }, 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- request() reads exactly these options
  }, [format, dialect, table, bom, validation, pack, asOf, accounts]);

  const full = async (): Promise<RenderedExport> =>
    preview && !preview.truncated ? preview : api.call('export.render', request());

  const copy = async () => {
    try {
      const r = await full();
      await navigator.clipboard.writeText(r.content);
      setStatus(`Copied ${formatBytes(r.bytes)} to the clipboard.`);
    } catch (e) {
      setError(`Could not copy: ${messageOf(e)}`);
    }
  };

  const save = async () => {
    setError(null);
    const fileName = preview?.fileName ?? `rule-pack${info.extension}`;
    const chosen = await api.request('dialog.saveFile', { defaultName: fileName });
    try {
      if (chosen.ok) {
        if (!chosen.value.path) return;
        const saved = await api.call('export.save', { ...request(), path: chosen.value.path });
        setStatus(`Saved ${saved.path} (${formatBytes(saved.bytes)}).`);
      } else if (chosen.error.code === 'unsupported') {
        const r = await full();
        downloadFile(r);
        setStatus(`Downloaded ${r.fileName} (${formatBytes(r.bytes)}).`);
      } else setError(chosen.error.message);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onCancel={onClose}
      data-testid="export-dialog"
    >
      <header className="export-head">
        <h2 id="export-title">Export “{pack.name}”</h2>
        <button className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="export-options">
        <label>
          Format
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
            data-testid="export-format"
          >
            {exportFormats.map((f) => (
              <option key={f} value={f}>
                {exportFormatInfo[f].label}
              </option>
            ))}
          </select>
        </label>
        {format === 'sql' && (
          <>
            <label>
              Dialect
              <select
                value={dialect}
                onChange={(e) => setDialect(e.target.value as SqlDialect)}
                data-testid="export-dialect"
              >
                {sqlDialects.map((d) => (
                  <option key={d} value={d}>
                    {dialects[d].label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Input table
              <input
                value={table}
                onChange={(e) => setTable(e.target.value)}
                placeholder="ladder_features"
                maxLength={300}
                data-testid="export-table"
              />
            </label>
          </>
        )}
        {isPack && (
          <label className="check">
            <input type="checkbox" checked={validation} onChange={(e) => setValidation(e.target.checked)} /> Validation
            block and golden cases from this workspace
          </label>
        )}
        {isCsv && (
          <label className="check">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> UTF-8 byte-order mark
            (for Excel)
          </label>
        )}
      </div>
      <p className="muted export-description">{info.description}</p>
      {error && (
        <p className="banner error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      <div className="export-preview" aria-busy={busy} aria-label="Preview" data-testid="export-preview">
        {preview && preview.encoding === 'base64' ? (
          <p className="muted">
            {info.label}: a binary file of {formatBytes(preview.bytes)}, so no text preview. Save it to open it.
          </p>
        ) : (
          <pre>{preview?.content ?? (busy ? 'Generating…' : '')}</pre>
        )}
      </div>
      <footer className="export-foot">
        <span className="muted" role="status" data-testid="export-status">
          {status ??
            (preview
              ? `${preview.fileName} · ${formatBytes(preview.bytes)}${preview.truncated ? ' · preview shows the beginning' : ''}`
              : '')}
        </span>
        <span className="spacer" />
        <button
          onClick={() => void copy()}
          disabled={!preview || preview.encoding === 'base64'}
          data-testid="export-copy"
        >
          Copy to clipboard
        </button>
        <button className="primary" onClick={() => void save()} disabled={!preview} data-testid="export-save">
          Save…
        </button>
      </footer>
    </dialog>
  );
}
