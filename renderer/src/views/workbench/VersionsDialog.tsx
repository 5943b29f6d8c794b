// Saved models and their versions: open one as the draft (revert), or compare any two.
import { useEffect, useRef, useState } from 'react';
import type { ModelSummary, VersionSummary } from '#shared/domain/models';
import type { PresetInfo } from '#shared/domain/packs';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { isDirty, useModelStore } from '../../store/model-store';
import { CompareDialog, type CompareSide } from './CompareDialog';

export function VersionsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const store = useModelStore();
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [modelId, setModelId] = useState<number | null>(store.source?.kind === 'version' ? store.source.modelId : null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [compare, setCompare] = useState<{ a: CompareSide; b: CompareSide } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [preset, setPreset] = useState('');
  useEffect(() => {
    api.call('packs.presets', {}).then(
      (p) => {
        setPresets(p);
        setPreset(p[0]?.id ?? '');
      },
      () => setPresets([]),
    );
  }, []);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    api.call('models.list', {}).then(
      (m) => {
        setModels(m);
        setModelId((id) => id ?? m[0]?.id ?? null);
      },
      (e: unknown) => setError(String(e)),
    );
  }, []);
  useEffect(() => {
    if (modelId === null) return;
    api.call('models.versions', { modelId }).then(setVersions, (e: unknown) => setError(String(e)));
  }, [modelId]);

  const side = async (versionId: number | 'draft' | `preset:${string}`): Promise<CompareSide> => {
    if (versionId === 'draft') return { label: 'Current draft', pack: store.draft! };
    if (typeof versionId === 'string') {
      const id = versionId.slice('preset:'.length);
      return { label: presets.find((p) => p.id === id)?.name ?? id, pack: await api.call('packs.preset', { id }) };
    }
    const v = await api.call('models.version', { versionId });
    return { label: `v${v.version}`, pack: v.pack };
  };
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const openVersion = async (id: number) => {
    if (
      isDirty(store) &&
      !window.confirm(
        'The draft has unsaved changes. Open this version anyway? Your changes stay in undo history only until you load another model.',
      )
    )
      return;
    await store.startFromVersion(id);
    onClose();
  };

  const revert = async (v: VersionSummary) => {
    await store.revertTo(v.id);
    onClose();
  };

  // The comparison opens over this dialog, which stays open underneath: closing it comes back here.
  return (
    <>
      <dialog
        ref={dialog}
        className="dialog wide"
        aria-labelledby="versions-title"
        onCancel={onClose}
        data-testid="versions-dialog"
      >
        <h2 id="versions-title">Saved models</h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {models.length === 0 ? (
          <p className="muted">Nothing saved yet. Save the draft to start a version history.</p>
        ) : (
          <>
            <label>
              Model{' '}
              <select value={modelId ?? ''} onChange={(e) => setModelId(Number(e.target.value))}>
                {models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.versions} version{m.versions === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </label>
            <table className="data-table versions">
              <thead>
                <tr>
                  <th scope="col">Compare</th>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">Note</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select version ${v.version} to compare`}
                        checked={picked.includes(v.id)}
                        onChange={() => toggle(v.id)}
                      />
                    </td>
                    <th scope="row">v{v.version}</th>
                    <td>{formatDateTime(v.createdAt)}</td>
                    <td>{v.note || <span className="muted">No note</span>}</td>
                    <td className="version-actions">
                      <button
                        onClick={() => void openVersion(v.id)}
                        title="Load this version as the baseline and the draft"
                      >
                        Open
                      </button>
                      <button
                        onClick={() => void revert(v)}
                        disabled={!store.draft}
                        title="Make the draft this version again (one undoable edit); save it to keep it as a new version"
                        data-testid={`revert-${v.version}`}
                      >
                        Revert to v{v.version}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <div className="actions">
          <button
            disabled={picked.length !== 1 || !store.draft}
            onClick={() => void Promise.all([side(picked[0]!), side('draft')]).then(([a, b]) => setCompare({ a, b }))}
          >
            Compare with the draft
          </button>
          <span className="compare-preset">
            <button
              disabled={picked.length !== 1 || !preset}
              onClick={() =>
                void Promise.all([side(`preset:${preset}`), side(picked[0]!)]).then(([a, b]) => setCompare({ a, b }))
              }
            >
              Compare with preset
            </button>
            <select aria-label="Preset to compare with" value={preset} onChange={(e) => setPreset(e.target.value)}>
              {presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </span>
          <button
            disabled={picked.length !== 2}
            onClick={() =>
              void Promise.all([side(Math.min(...picked)), side(Math.max(...picked))]).then(([a, b]) =>
                setCompare({ a, b }),
              )
            }
          >
            Compare the two
          </button>
          <button className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </dialog>
      {compare && <CompareDialog a={compare.a} b={compare.b} onClose={() => setCompare(null)} />}
    </>
  );
}
