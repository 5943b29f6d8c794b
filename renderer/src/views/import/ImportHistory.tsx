// Every import of the workspace, newest first, each undoable (Ladder refuses, with the reason,
// when a later import depends on it).
import { useEffect } from 'react';
import { formatCount, formatDateTime } from '../../format';
import { useImportStore } from './import-store';

export function ImportHistory() {
  const { history, loadHistory, undo } = useImportStore();
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);
  return (
    <section className="card import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">Import history</h2>
      {history.length === 0 ? (
        <p className="muted">No imports into this workspace yet.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="import-history">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className={h.undoneAt ? 'undone' : undefined}>
                  <td className="num">{h.id}</td>
                  <td title={`${h.fileName} · sha256 ${h.sha256}`}>{h.fileName}</td>
                  <td>{h.kind}</td>
                  <td className="num">
                    {formatCount(h.rowsImported)}
                    {h.rowsRejected > 0 ? ` (+${formatCount(h.rowsRejected)} rejected)` : ''}
                  </td>
                  <td>{formatDateTime(h.finishedAt)}</td>
                  <td>
                    {h.undoneAt ? (
                      <span className="muted small">undone {formatDateTime(h.undoneAt)}</span>
                    ) : (
                      <button onClick={() => void undo(h.id)}>Undo</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
