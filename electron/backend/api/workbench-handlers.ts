// The workbench's handlers (spread into the one handler map).
import type { Handler } from '#shared/api/dispatch';
import type { WorkbenchMethodName } from '#shared/api/workbench-method-names';
import { encodeFeatures } from '#shared/engine/arrow-features';
import { loadFeatures } from '../features/cache';
import { getVersion, listModels, listVersions, saveVersion } from '../models/model-store';
import { validateOrThrow } from '../packs/presets';
import { resolveAsOf } from '../scoring/score-workspace';
import { requireWorkspace, type Session } from '../session';
import { readAccountDetail } from '../workspace/account-detail';

const validPack = (pack: unknown) =>
  validateOrThrow(typeof pack === 'string' ? pack : JSON.stringify(pack ?? null), 'The model');

export const workbenchHandlers: { [M in WorkbenchMethodName]: Handler<M, Session> } = {
  'features.load': async ({ pack, asOf, have, includeAccounts }, session) => {
    const ws = requireWorkspace(session);
    const valid = validPack(pack);
    session.featureLoad?.controller.abort(); // a newer request replaces an older one
    const load = { controller: new AbortController(), accountsDone: 0, accountsTotal: 0 };
    session.featureLoad = load;
    try {
      const { payload } = await loadFeatures(ws, valid, resolveAsOf(ws, asOf), {
        have: new Set(have ?? []),
        includeAccounts: includeAccounts ?? true,
        signal: load.controller.signal,
        onProgress: (p) => Object.assign(load, p),
        chunkAccounts: session.featureChunkAccounts,
      });
      return encodeFeatures(payload);
    } finally {
      if (session.featureLoad === load) session.featureLoad = undefined;
    }
  },
  'features.progress': (_args, session) => {
    const load = session.featureLoad;
    return load
      ? { loading: true, accountsDone: load.accountsDone, accountsTotal: load.accountsTotal }
      : { loading: false, accountsDone: 0, accountsTotal: 0 };
  },
  'features.cancel': (_args, session) => {
    const load = session.featureLoad;
    load?.controller.abort();
    return { cancelled: load !== undefined };
  },
  'accounts.detail': ({ accountId, asOf }, session) => readAccountDetail(requireWorkspace(session).db, accountId, asOf),
  'models.list': (_args, session) => listModels(requireWorkspace(session).db),
  'models.versions': ({ modelId }, session) => listVersions(requireWorkspace(session).db, modelId),
  'models.version': ({ versionId }, session) => getVersion(requireWorkspace(session).db, versionId),
  'models.save': ({ modelId, name, pack, note }, session) =>
    saveVersion(requireWorkspace(session).db, { modelId, name, pack: validPack(pack).pack, note }),
};
