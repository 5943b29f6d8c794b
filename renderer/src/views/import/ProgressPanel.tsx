// A running job: a progress bar with bytes, rows per second and time left, and Cancel.
import type { ImportProgress } from '#shared/import/report';
import { formatCount } from '../../format';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function ProgressPanel({
  activity,
  progress,
  onCancel,
}: {
  activity: string;
  progress: ImportProgress | null;
  onCancel?: () => void;
}) {
  const share = progress && progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
  return (
    <div className="card import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <div className="import-progress-head">
        <strong>{activity}…</strong>
        {onCancel && (
          <button onClick={onCancel} aria-keyshortcuts="Escape">
            Cancel
          </button>
        )}
      </div>
      <progress max={1} value={share} aria-label={`${activity}: ${Math.round(share * 100)} percent`} />
      {progress && (
        <p className="muted small">
          {mb(progress.bytesRead)} of {mb(progress.bytesTotal)} · {formatCount(progress.rows)} rows
          {progress.rowsPerSecond > 0 ? ` · ${formatCount(progress.rowsPerSecond)} rows/s` : ''}
          {progress.etaSeconds !== null && progress.etaSeconds > 0 ? ` · about ${progress.etaSeconds} s left` : ''}
        </p>
      )}
    </div>
  );
}
