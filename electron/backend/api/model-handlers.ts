// Handlers for how models fit the workspace's data (spread into the one handler map).
import type { Handler } from '#shared/api/dispatch';
import type { ModelMethodName } from '#shared/api/model-method-names';
import { validateOrThrow } from '../packs/presets';
import { diagnosePackOn, metricCatalogue, packFromColumns, presetFits } from '../packs/workspace-fit';
import { resolveAsOf } from '../scoring/score-workspace';
import { requireWorkspace, type Session } from '../session';

export const modelHandlers: { [M in ModelMethodName]: Handler<M, Session> } = {
  'workspace.metrics': (_args, session) => metricCatalogue(requireWorkspace(session)),
  'packs.diagnose': ({ pack, asOf }, session) => {
    const ws = requireWorkspace(session);
    const valid = validateOrThrow(typeof pack === 'string' ? pack : JSON.stringify(pack ?? null), 'The model');
    return diagnosePackOn(ws, valid, resolveAsOf(ws, asOf));
  },
  'packs.fit': (_args, session) => presetFits(requireWorkspace(session)),
  'packs.fromColumns': ({ asOf }, session) => {
    const ws = requireWorkspace(session);
    return packFromColumns(ws, resolveAsOf(ws, asOf));
  },
};
