// The workbench's handlers (spread into the one handler map).
import type { Handler } from '../../../shared/api/dispatch';
import type { WorkbenchMethodName } from '../../../shared/api/workbench-method-names';
import { encodeFeatures } from '../../../shared/engine/arrow-features';
import { loadFeatures } from '../features/cache';
import { getVersion, listModels, listVersions, saveVersion } from '../models/model-store';
import { validateOrThrow } from '../packs/presets';
import { resolveAsOf } from '../scoring/score-workspace';
import { requireWorkspace, type Session } from '../session';
import { readAccountDetail } from '../workspace/account-detail';

const validPack = (pack: unknown) => validateOrThrow(typeof pack === 'string' ? pack : JSON.stringify(pack ?? null), 'The model');

export const workbenchHandlers: { [M in WorkbenchMethodName]: Handler<M, Session> } = {
  'features.load': ({ pack, asOf, have, includeAccounts }, session) => {
    const ws = requireWorkspace(session);
    const valid = validPack(pack);
    const { payload } = loadFeatures(ws, valid, resolveAsOf(ws, asOf), new Set(have ?? []), includeAccounts ?? true);
    return encodeFeatures(payload);
  },
  'accounts.detail': ({ accountId, asOf }, session) => readAccountDetail(requireWorkspace(session).db, accountId, asOf),
  'models.list': (_args, session) => listModels(requireWorkspace(session).db),
  'models.versions': ({ modelId }, session) => listVersions(requireWorkspace(session).db, modelId),
  'models.version': ({ versionId }, session) => getVersion(requireWorkspace(session).db, versionId),
  'models.save': ({ modelId, name, pack, note }, session) => saveVersion(requireWorkspace(session).db, { modelId, name, pack: validPack(pack).pack, note }),
};
