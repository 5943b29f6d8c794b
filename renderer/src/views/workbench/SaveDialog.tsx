// Save the draft as a new version, with a note saying what changed and why. The version number
// shown is the one the save will get: the model's latest plus one (the draft may have been opened
// from an older version).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useModelStore } from '../../store/model-store';

export function SaveDialog({ onClose }: { onClose(): void }) {
  const { source, draft, save } = useModelStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  const [name, setName] = useState(source?.kind === 'version' ? source.modelName : (draft?.name ?? ''));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const newModel = source?.kind !== 'version';
  const modelId = source?.kind === 'version' ? source.modelId : null;
  const [next, setNext] = useState<number | null>(null);
  useEffect(() => {
    if (modelId === null) return;
    api.call('models.versions', { modelId }).then(
      (versions) => setNext(Math.max(0, ...versions.map((v) => v.version)) + 1),
      () => setNext(null),
    );
  }, [modelId]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await save(note.trim(), newModel ? name.trim() : undefined);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="save-title" onCancel={onClose} data-testid="save-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="save-title">
          {newModel
            ? 'Save as a new model'
            : next === null
              ? `Save a new version of ${source.modelName}`
              : `Save version ${next} of ${source.modelName}`}
        </h2>
        {newModel && (
          <>
            <label htmlFor="model-name">Model name</label>
            <input id="model-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          </>
        )}
        <label htmlFor="version-note">What changed, and why</label>
        <textarea
          id="version-note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="e.g. Seat limit weight 5 → 6: expansions closed on seat pressure last quarter"
          maxLength={2000}
          autoFocus
        />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || (newModel && !name.trim())}>
            Save version
          </button>
        </div>
      </form>
    </dialog>
  );
}
