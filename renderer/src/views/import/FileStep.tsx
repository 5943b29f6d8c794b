// Step 1: what kind of rows, which preset, and the file: dropped on the page, picked with the
// browser's file chooser (browser mode) or the native dialog (desktop).
import { useRef, useState } from 'react';
import { importKinds, type ImportKind } from '#shared/domain/workspace';
import { presets } from '#shared/import/presets';
import { isDesktop } from '../../api';
import { useImportStore } from './import-store';

export const kindLabels: Record<ImportKind, string> = {
  accounts: 'Accounts',
  periods: 'Period metrics (account × week/month)',
  users: 'Users / contacts',
  events: 'Product events (aggregated weekly)',
  outcomes: 'Outcomes (opportunities, subscriptions)',
  tickets: 'Support tickets',
};

export function KindAndPreset() {
  const { kind, preset, setKind, setPreset } = useImportStore();
  const fitting = presets.filter((p) => p.kinds[kind]);
  return (
    <div className="import-options">
      <label>
        What the rows are
        <select value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} data-testid="import-kind">
          {importKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Export from
        <select value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="import-preset">
          <option value="">Detect from the headers</option>
          {fitting.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function FileStep() {
  const { uploadAndAnalyze, pickNative, activity } = useImportStore();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = activity !== null;
  return (
    <section className="card" aria-labelledby="import-file-title">
      <h2 id="import-file-title">1. Choose the data</h2>
      <KindAndPreset />
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file && !busy && !isDesktop) void uploadAndAnalyze(file);
        }}
      >
        <p>
          Drop a CSV, TSV, Excel (.xlsx), JSON/NDJSON, Parquet or Arrow file here{isDesktop ? ' (browser mode)' : ''},
          or
        </p>
        <button
          className="primary"
          disabled={busy}
          onClick={() => (isDesktop ? void pickNative() : input.current?.click())}
        >
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="import-file-input"
          accept=".csv,.tsv,.txt,.tab,.xlsx,.json,.ndjson,.jsonl,.parquet,.arrow,.feather,.ipc"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void uploadAndAnalyze(file);
          }}
        />
        <p className="muted small">Nothing is written until you confirm after the validation report.</p>
      </div>
    </section>
  );
}
