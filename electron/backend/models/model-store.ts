// Saved models: each a named series of versions of a rule pack, with a note per version.
import { LadderError } from '#shared/api/result';
import type { ModelSummary, ModelVersion, VersionSummary } from '#shared/domain/models';
import type { RulePack } from '#shared/pack/schema';
import type { Db } from '../store/sqlite';
import { all, get, type ModelRow, type ModelVersionRow } from '../store/rows';

export function listModels(db: Db): ModelSummary[] {
  return all<ModelRow & { versions: number; updated_at: string | null }>(
    db,
    `SELECT m.id, m.name, m.created_at, count(v.id) AS versions, max(v.created_at) AS updated_at
     FROM models m LEFT JOIN model_versions v ON v.model_id = m.id GROUP BY m.id ORDER BY updated_at DESC, m.id DESC`,
  ).map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    versions: r.versions,
    updatedAt: r.updated_at ?? r.created_at,
  }));
}

export function listVersions(db: Db, modelId: number): VersionSummary[] {
  const rows = all<ModelVersionRow>(
    db,
    'SELECT id, model_id, version, note, created_at, pack FROM model_versions WHERE model_id = ? ORDER BY version DESC',
    modelId,
  );
  if (rows.length === 0 && !db.prepare('SELECT 1 FROM models WHERE id = ?').get(modelId))
    throw new LadderError('not_found', 'That model no longer exists.');
  return rows.map((r) => ({
    id: r.id,
    modelId: r.model_id,
    version: r.version,
    note: r.note ?? '',
    createdAt: r.created_at,
    packName: (JSON.parse(r.pack) as RulePack).name,
  }));
}

/**
 * The pack of a saved version as it is exported and opened: named after its model, with the
 * version number, its note, when it was saved and the notes of every version up to it in `meta`.
 */
function savedPack(db: Db, row: ModelVersionRow): RulePack {
  const pack = JSON.parse(row.pack) as RulePack;
  const name = get<Pick<ModelRow, 'name'>>(db, 'SELECT name FROM models WHERE id = ?', row.model_id)?.name;
  const history = all<Pick<ModelVersionRow, 'version' | 'note' | 'created_at'>>(
    db,
    'SELECT version, note, created_at FROM model_versions WHERE model_id = ? AND version <= ? ORDER BY version',
    row.model_id,
    row.version,
  );
  return {
    ...pack,
    name: name ?? pack.name,
    meta: {
      ...pack.meta,
      version: String(row.version),
      notes: row.note ?? '',
      created: row.created_at,
      changelog: history
        .slice(-200)
        .map((h) => ({ version: String(h.version), date: h.created_at, notes: h.note ?? '' })),
    },
  };
}

export function getVersion(db: Db, versionId: number): ModelVersion {
  const row = get<ModelVersionRow>(
    db,
    'SELECT id, model_id, version, note, created_at, pack FROM model_versions WHERE id = ?',
    versionId,
  );
  if (!row) throw new LadderError('not_found', 'That model version no longer exists.');
  return {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    note: row.note ?? '',
    createdAt: row.created_at,
    pack: savedPack(db, row),
  };
}

/** Saves the pack as the next version of a model, creating the model when no id is given. */
export function saveVersion(
  db: Db,
  input: { modelId?: number; name?: string; pack: RulePack; note: string },
): ModelVersion {
  const now = new Date().toISOString();
  return db.transaction(() => {
    let modelId = input.modelId;
    if (modelId === undefined) {
      const name = (input.name ?? input.pack.name).trim();
      if (db.prepare('SELECT 1 FROM models WHERE name = ?').get(name))
        throw new LadderError(
          'conflict',
          `A model called "${name}" already exists; save a new version of it or choose another name.`,
        );
      modelId = Number(
        db.prepare('INSERT INTO models (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid,
      );
    } else if (!db.prepare('SELECT 1 FROM models WHERE id = ?').get(modelId)) {
      throw new LadderError('not_found', 'That model no longer exists.');
    }
    const version = Number(
      db.prepare('SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE model_id = ?').pluck().get(modelId),
    );
    const id = Number(
      db
        .prepare('INSERT INTO model_versions (model_id, version, pack, note, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(modelId, version, JSON.stringify(input.pack), input.note, now).lastInsertRowid,
    );
    return getVersion(db, id);
  })();
}
