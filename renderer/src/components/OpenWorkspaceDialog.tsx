// Browser mode's stand-in for the native open dialog: type a path or pick a recent workspace.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '#shared/domain/workspace';

export interface OpenWorkspaceDialogProps {
  recent: RecentWorkspace[];
  error: string | null;
  busy: boolean;
  onOpen(path: string): void;
  onClose(): void;
}

export function OpenWorkspaceDialog({ recent, error, busy, onOpen, onClose }: OpenWorkspaceDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [path, setPath] = useState('');
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onOpen(path.trim());
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="open-title" onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 id="open-title">Open a workspace</h2>
        <label htmlFor="workspace-path">Workspace file path</label>
        <input
          id="workspace-path"
          autoFocus
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/home/me/revops/q3-model.ladder"
          spellCheck={false}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {recent.length > 0 && (
          <>
            <h3>Recent</h3>
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    className="link"
                    disabled={!r.exists || busy}
                    onClick={() => onOpen(r.path)}
                    title={r.path}
                  >
                    {r.name}
                  </button>
                  <span className="muted small">{r.exists ? r.path : `${r.path} (missing)`}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !path.trim()}>
            Open
          </button>
        </div>
      </form>
    </dialog>
  );
}
