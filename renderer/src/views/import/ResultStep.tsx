// Step 4: what was imported, with Undo and a way to import the next file.
import { formatCount } from '../../format';
import { useImportStore } from './import-store';

export function ResultStep() {
  const { result, reset, undo } = useImportStore();
  if (!result) return null;
  return (
    <section className="card" aria-labelledby="import-result-title" data-testid="import-result">
      <h2 id="import-result-title">4. Imported</h2>
      <p>
        <strong>{formatCount(result.rowsImported)}</strong> rows from {result.source.fileName} into {result.kind} (
        {formatCount(result.inserted)} new, {formatCount(result.updated)} updated
        {result.rowsRejected > 0 ? `, ${formatCount(result.rowsRejected)} rejected` : ''}) as import #{result.importId},
        in {(result.durationMs / 1000).toFixed(1)} s.
      </p>
      <div className="actions">
        {result.importId !== null && <button onClick={() => void undo(result.importId!)}>Undo this import</button>}
        <button className="primary" onClick={reset}>
          Import another file
        </button>
      </div>
    </section>
  );
}
