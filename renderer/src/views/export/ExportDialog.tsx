// The Export dialog: choose a format (and a SQL dialect), see the beginning of the generated file,
// copy it or save it. Every file is tied to the request it was made for: Save and Copy build the
// request from the options at the moment of the click and take a preview only when it carries
// that request's key; otherwise they render it again (with progress and Cancel). On the desktop
// "Save…" opens the native save dialog and the backend writes the file; in a browser the page
// downloads it.
import { useEffect, useRef, useState } from 'react';
import type { RenderedExport } from '#shared/api/export-contract';
import { ApiCallError } from '#shared/api/client';
import { exportFormatInfo } from '#shared/export/formats';
import type { RulePackInput } from '#shared/pack/schema';
import { messageOf as message } from '#shared/error-message';
import { api } from '../../api';
import { useBookStore } from '../../store/book-store';
import { formatCount } from '../../format';
import { downloadFile, formatBytes } from './download';
import { ExportOptionsForm, type ViewAccounts } from './ExportOptionsForm';
import {
  checkRendered,
  fileNameOf,
  isScoredFormat,
  keyOf,
  requestOf,
  type ExportOptions,
  type ExportRequestArgs,
} from './export-request';
import { newJobId, useExportJob } from './useExportJob';
import './export.css';

export interface ExportDialogProps {
  pack: RulePackInput;
  asOf?: string;
  /** Scored exports may be limited to the accounts of the view being looked at. */
  viewAccounts?: ViewAccounts;
  onClose(): void;
}

/** The preview renders this many characters and stops: a 100,000-account file is never built for it. */
export const previewChars = 64 * 1024;

function progressText(p: { phase: string; done: number; total: number } | null): string {
  if (!p || p.total === 0) return '';
  const what = p.phase === 'features' ? 'accounts scored' : 'rows written';
  return ` ${formatCount(p.done)} of ${formatCount(p.total)} ${what}.`;
}

export function ExportDialog({ pack, asOf, viewAccounts, onClose }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<ExportOptions>({
    format: 'sql',
    dialect: 'duckdb',
    table: '',
    bom: false,
    validation: true,
    rows: 'all',
  });
  const [preview, setPreview] = useState<{ key: string; file: RenderedExport } | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const job = useExportJob();
  const info = exportFormatInfo[options.format];
  // My book: scored exports cover the chosen CSM's accounts only.
  const owner = useBookStore((s) => s.owner);
  const current = () => requestOf(options, pack, asOf, viewAccounts?.ids, owner);
  const currentKey = keyOf(current());
  const shown = preview?.key === currentKey ? preview.file : null;

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  // The preview follows every option; a newer one replaces (and cancels) an older one.
  const previewJob = useRef(newJobId('preview'));
  useEffect(() => {
    const request = current();
    const key = keyOf(request);
    const jobId = previewJob.current;
    let live = true;
    setError(null);
    setStatus(null);
    const timer = setTimeout(() => {
      setPreviewing('Generating the preview…');
      const poll = setInterval(() => {
        void api.request('export.progress', { jobId }).then((p) => {
          if (live && p.ok && p.value.running) setPreviewing(`Generating the preview…${progressText(p.value)}`);
        });
      }, 300);
      api
        .call('export.render', { ...request, previewChars, jobId })
        .then(
          (file) => {
            if (!live) return;
            checkRendered(file, request);
            setPreview({ key, file });
          },
          (e: unknown) => {
            if (live && !(e instanceof ApiCallError && e.error.code === 'cancelled')) setError(message(e));
          },
        )
        .catch((e: unknown) => live && setError(message(e)))
        .finally(() => {
          clearInterval(poll);
          if (live) setPreviewing(null);
        });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- current() reads exactly these inputs
  }, [currentKey, pack, asOf]);
  useEffect(() => () => void api.request('export.cancel', { jobId: previewJob.current }), []);

  /** The whole file for `request`: the preview when it is complete and of this very request. */
  const whole = async (request: ExportRequestArgs, label: string): Promise<RenderedExport> => {
    if (preview && preview.key === keyOf(request) && !preview.file.truncated) return preview.file;
    const file = await job.run(label, (jobId) => api.call('export.render', { ...request, jobId }));
    checkRendered(file, request);
    return file;
  };

  const copy = async () => {
    const request = current();
    setError(null);
    try {
      const file = await whole(request, 'Preparing the text to copy');
      await navigator.clipboard.writeText(file.content);
      setStatus(`Copied ${formatBytes(file.bytes ?? 0)} to the clipboard.`);
    } catch (e) {
      if (!(e instanceof ApiCallError && e.error.code === 'cancelled')) setError(`Could not copy: ${message(e)}`);
      else setStatus('Cancelled; nothing was copied.');
    }
  };

  const save = async () => {
    const request = current(); // fixed now: later option changes do not change what this click saves
    setError(null);
    setStatus(null);
    try {
      const chosen = await api.request('dialog.saveFile', { defaultName: fileNameOf(request) });
      if (chosen.ok) {
        if (!chosen.value.path) return;
        const path = chosen.value.path;
        const saved = await job.run(`Saving ${exportFormatInfo[request.format].label}`, (jobId) =>
          api.call('export.save', { ...request, path, jobId }),
        );
        if (saved.format !== request.format)
          throw new Error(`The backend wrote ${saved.format}, not ${request.format}.`);
        const rows = saved.rows === null ? '' : `, ${formatCount(saved.rows)} rows`;
        setStatus(`Saved ${saved.path} (${formatBytes(saved.bytes)}${rows}).`);
      } else if (chosen.error.code === 'unsupported') {
        const file = await whole(request, `Preparing ${exportFormatInfo[request.format].label}`);
        downloadFile(file);
        const rows = file.rows === null ? '' : `, ${formatCount(file.rows)} rows`;
        setStatus(`Downloaded ${file.fileName} (${formatBytes(file.bytes ?? 0)}${rows}).`);
      } else setError(chosen.error.message);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.code === 'cancelled') setStatus('Cancelled; nothing was saved.');
      else setError(message(e));
    }
  };

  const close = () => {
    job.cancel();
    onClose();
  };

  const busy = job.running !== null;
  const summary = shown
    ? `${shown.fileName}${shown.bytes !== null ? ` · ${formatBytes(shown.bytes)}` : ''}${
        shown.rows !== null ? ` · ${formatCount(shown.rows)} rows` : ''
      }${shown.truncated && shown.encoding === 'utf8' ? ' · the preview shows the beginning' : ''}`
    : '';
  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onCancel={close}
      data-testid="export-dialog"
    >
      <header className="export-head">
        <h2 id="export-title">Export “{pack.name}”</h2>
        <button className="link" onClick={close}>
          Close
        </button>
      </header>
      <ExportOptionsForm options={options} onChange={setOptions} viewAccounts={viewAccounts} disabled={busy} />
      <p className="muted export-description">
        {info.description}
        {owner && isScoredFormat(options.format) && (
          <>
            {' '}
            <strong data-testid="export-owner">Only {owner}’s accounts (my book).</strong>
          </>
        )}
      </p>
      {error && (
        <p className="banner error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      <div
        className="export-preview"
        aria-busy={previewing !== null}
        aria-label="Preview"
        data-testid="export-preview"
        data-key={shown ? currentKey : ''}
      >
        {previewing && (
          <p className="preview-busy muted" role="status" data-testid="export-previewing">
            {previewing}
          </p>
        )}
        {shown && shown.encoding === 'base64' ? (
          <p className="muted">
            {info.label}: a binary file{shown.rows !== null ? ` of ${formatCount(shown.rows)} rows` : ''}, so no text
            preview. Save it to open it.
          </p>
        ) : (
          <pre className={previewing ? 'stale' : undefined}>{shown?.content ?? ''}</pre>
        )}
      </div>
      {job.running && (
        <div className="export-job" role="status" data-testid="export-job">
          <span>
            {job.running.label}…{progressText(job.running.progress)}
          </span>
          <progress
            max={job.running.progress?.total || 1}
            value={job.running.progress?.total ? job.running.progress.done : undefined}
            aria-label="Export progress"
          />
          <button onClick={job.cancel} data-testid="export-cancel">
            Cancel
          </button>
        </div>
      )}
      <footer className="export-foot">
        <span className="muted" role="status" data-testid="export-status">
          {status ?? summary}
        </span>
        <span className="spacer" />
        <button onClick={() => void copy()} disabled={busy || info.binary} data-testid="export-copy">
          Copy to clipboard
        </button>
        <button className="primary" onClick={() => void save()} disabled={busy} data-testid="export-save">
          Save…
        </button>
      </footer>
    </dialog>
  );
}
