// Browser mode's stand-in for the native open and save dialogs: type a path, or (when opening)
// pick a recent workspace. Browser mode may only use files the user chose, so a new workspace is
// proposed in Ladder's data folder (or a folder given to `ladder serve --allow`).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '#shared/domain/workspace';

export interface WorkspacePathDialogProps {
  mode: 'open' | 'new';
  recent: RecentWorkspace[];
  /** What the path field starts with (a new workspace: a free name in the data folder). */
  initialPath?: string;
  error: string | null;
  busy: boolean;
  onSubmit(path: string): void;
  onClose(): void;
}

const texts = {
  open: { title: 'Open a workspace', label: 'Workspace file path', button: 'Open' },
  new: { title: 'New workspace', label: 'Path of the new workspace file', button: 'Create' },
};

export function WorkspacePathDialog({
  mode,
  recent,
  initialPath = '',
  error,
  busy,
  onSubmit,
  onClose,
}: WorkspacePathDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [path, setPath] = useState(initialPath);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const text = texts[mode];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = path.trim();
    if (!chosen) return;
    onSubmit(mode === 'new' && !/\.[A-Za-z0-9]+$/.test(chosen) ? `${chosen}.ladder` : chosen);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="path-dialog-title"
      onCancel={onClose}
      data-testid={`${mode}-workspace-dialog`}
    >
      <form onSubmit={submit}>
        <h2 id="path-dialog-title">{text.title}</h2>
        <label htmlFor="workspace-path">{text.label}</label>
        <input
          id="workspace-path"
          autoFocus
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={mode === 'new' ? '/home/me/revops/q3-model.ladder' : '/home/me/revops/book.ladder'}
          spellCheck={false}
        />
        {mode === 'new' && (
          <p className="muted small">
            An empty workspace is created there (an existing file is never replaced); then import your exports into it.
            In the browser, Ladder writes only in its data folder and in folders given to{' '}
            <code>ladder serve --allow</code>.
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {mode === 'open' && recent.length > 0 && (
          <>
            <h3>Recent</h3>
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    className="link"
                    disabled={!r.exists || busy}
                    onClick={() => onSubmit(r.path)}
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
            {text.button}
          </button>
        </div>
      </form>
    </dialog>
  );
}
