// Alerts for the draft (the accounts that rose into the top stage since a date) previewed in a format and
// saved, and the model-review deck saved as PPTX: written by the backend where the native dialog says on the
// desktop, downloaded in a browser.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { alertFormats, type AlertFormat } from '#shared/act/escape';
import type { RenderedAlerts } from '#shared/api/act-contract';
import { addDays } from '#shared/dates';
import { messageOf } from '#shared/error-message';
import { api } from '../../api';
import { formatCount } from '../../format';
import { isDirty, useModelStore } from '../../store/model-store';
import { downloadFile } from '../export/download';
import { saveSlides } from './save-slides';

const formatLabels: Record<AlertFormat, string> = {
  md: 'Markdown',
  slack: 'Slack (Block Kit JSON)',
  csv: 'CRM tasks (CSV)',
  json: 'JSON',
};
const mimes: Record<AlertFormat, string> = {
  md: 'text/markdown',
  slack: 'application/json',
  csv: 'text/csv',
  json: 'application/json',
};
const previewChars = 20_000;

export function AlertsAndSlides() {
  const { draft, baseline, asOf } = useModelStore(
    useShallow((s) => ({ draft: s.draft, baseline: s.baseline, asOf: s.asOf })),
  );
  const [since, setSince] = useState<string | null>(null);
  const [format, setFormat] = useState<AlertFormat>('md');
  const [alerts, setAlerts] = useState<RenderedAlerts | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = since ?? (asOf ? addDays(asOf, -7) : null);
  const top = draft?.ladder.stages.at(-1)?.label ?? 'Ready';

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await what();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const preview = () =>
    run(async () => {
      if (!draft || !start) return;
      setAlerts(await api.call('act.alerts', { pack: draft, since: start, ...(asOf ? { asOf } : {}), format }));
    });

  const saveAlerts = () => {
    if (!alerts) return;
    downloadFile({ fileName: alerts.fileName, mime: mimes[alerts.format], encoding: 'utf8', content: alerts.content });
    setStatus(`Downloaded ${alerts.fileName}.`);
  };

  const compare = draft && baseline && isDirty({ draft, baseline }) ? baseline : undefined;
  const saveDeck = () =>
    run(async () => {
      if (!draft) return;
      const done = await saveSlides(draft, { ...(asOf ? { asOf } : {}), ...(compare ? { compare } : {}) });
      if (done) setStatus(done);
    });

  return (
    <section className="act-section" aria-label="Alerts and slides">
      <h3>Alerts and slides</h3>
      <div className="heat-controls">
        <label>
          New {top} since{' '}
          <input
            type="date"
            aria-label="Alerts since"
            value={start ?? ''}
            max={asOf ?? undefined}
            onChange={(e) => e.target.value && setSince(e.target.value)}
          />
        </label>
        <label>
          Format{' '}
          <select aria-label="Alert format" value={format} onChange={(e) => setFormat(e.target.value as AlertFormat)}>
            {alertFormats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => void preview()} disabled={busy || !draft} data-testid="alerts-preview">
          Preview alerts
        </button>
        <button onClick={saveAlerts} disabled={busy || !alerts} data-testid="alerts-save">
          Download alerts
        </button>
        <button className="primary" onClick={() => void saveDeck()} disabled={busy || !draft} data-testid="slides-save">
          Save slides…
        </button>
        {busy && <span className="muted small">Working…</span>}
      </div>
      {compare && <p className="muted small">The deck compares the draft with the model it started from.</p>}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p className="muted small" role="status">
          {status}
        </p>
      )}
      {alerts && (
        <>
          <p className="muted small" data-testid="alerts-count">
            {formatCount(alerts.alerts)} account{alerts.alerts === 1 ? '' : 's'} rose into {top} between {alerts.since}{' '}
            and {alerts.asOf}.
          </p>
          <pre className="act-preview" data-testid="alerts-text" tabIndex={0}>
            {alerts.content.slice(0, previewChars)}
            {alerts.content.length > previewChars ? '\n…' : ''}
          </pre>
        </>
      )}
    </section>
  );
}
