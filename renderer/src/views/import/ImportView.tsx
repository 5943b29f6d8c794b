// The import wizard: file → mapping → validation report → commit with progress → result, with the
// import history below. Escape cancels a running job.
import { useEffect } from 'react';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { useImportStore } from './import-store';
import { MappingStep } from './MappingStep';
import { ProgressPanel } from './ProgressPanel';
import { ResultStep } from './ResultStep';
import { ValidationStep } from './ValidationStep';

export function ImportView({ onImported }: { onImported?: () => void }) {
  const { step, activity, progress, jobId, cancel, error, notice, dismissError, result } = useImportStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && jobId) void cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [jobId, cancel]);
  useEffect(() => {
    if (result) onImported?.();
  }, [result, onImported]);
  return (
    <div className="import-view">
      <header className="view-header">
        <h1>Import</h1>
        <p className="muted">
          Accounts, period metrics, users, product events, outcomes and support tickets from CSV, Excel, JSON, Parquet
          or Arrow exports.
        </p>
      </header>
      {error && (
        <div className="banner error" role="alert" data-testid="import-error">
          <span>{error}</span>
          <button className="link" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {notice && (
        <div className="banner" role="status" data-testid="import-notice">
          <span>{notice}</span>
          <button className="link" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {activity && (
        <ProgressPanel activity={activity} progress={progress} onCancel={jobId ? () => void cancel() : undefined} />
      )}
      {step === 'file' && <FileStep />}
      {step === 'mapping' && <MappingStep />}
      {step === 'validation' && <ValidationStep />}
      {step === 'result' && <ResultStep />}
      <ImportHistory />
    </div>
  );
}
