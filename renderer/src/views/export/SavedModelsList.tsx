// The workspace's saved models in the Export view: the latest version of each, or any earlier one.
import { useEffect, useState } from 'react';
import type { ModelSummary, VersionSummary } from '#shared/domain/models';
import { api } from '../../api';
import { formatDateTime } from '../../format';

function SavedModel({
  model,
  chosen,
  onPick,
}: {
  model: ModelSummary;
  chosen: string | null;
  onPick(id: number): void;
}) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  useEffect(() => {
    api.call('models.versions', { modelId: model.id }).then(
      (v) => {
        setVersions(v);
        setPicked(v[0]?.id ?? null);
      },
      () => setVersions([]),
    );
  }, [model.id]);
  const version = versions.find((v) => v.id === picked);
  return (
    <li>
      <button
        aria-pressed={picked !== null && chosen === `version:${picked}`}
        disabled={picked === null}
        onClick={() => picked !== null && onPick(picked)}
        data-testid={`export-model-${model.id}`}
      >
        <strong>
          {model.name}
          {version ? ` · v${version.version}` : ''}
        </strong>
        <span className="muted">
          {version ? `${version.note || 'No note'} · saved ${formatDateTime(version.createdAt)}` : 'Loading…'}
        </span>
      </button>
      {versions.length > 1 && (
        <select
          aria-label={`Version of ${model.name}`}
          value={picked ?? ''}
          onChange={(e) => setPicked(Number(e.target.value))}
        >
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              v{v.version}
              {v.note ? ` — ${v.note.slice(0, 60)}` : ''}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}

export function SavedModelsList({
  models,
  chosen,
  onPick,
}: {
  models: ModelSummary[];
  chosen: string | null;
  onPick(versionId: number): void;
}) {
  return (
    <div>
      <h2>Saved models</h2>
      <ul className="pack-list" data-testid="export-models">
        {models.map((m) => (
          <SavedModel key={m.id} model={m} chosen={chosen} onPick={onPick} />
        ))}
      </ul>
    </div>
  );
}
