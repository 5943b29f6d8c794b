// The calibration handlers (spread into the one handler map). One run at a time per session: a new
// run stops the previous one. The last finished run stays for drill-downs and live validation.
import type { Handler } from '#shared/api/dispatch';
import type { CalibrateMethodName } from '#shared/api/calibrate-method-names';
import { LadderError } from '#shared/api/result';
import type { ValidPack } from '#shared/pack/validate';
import { drillDown } from '../calibrate/drill-down';
import { runCalibration, type CalibrationProgress, type CalibrationRun } from '../calibrate/run-calibration';
import { validationColumns, validationIndex, validationSet } from '../calibrate/validation-sets';
import { validateOrThrow } from '../packs/presets';
import { requireWorkspace, type Session } from '../session';
import type { Workspace } from '../store/open-workspace';

export interface CalibrationSession {
  job?: { controller: AbortController; progress: CalibrationProgress };
  last?: {
    id: number;
    workspace: Workspace;
    valid: ValidPack;
    run: CalibrationRun;
    sets: ReturnType<typeof validationIndex>;
  };
  nextId: number;
}

const validPack = (pack: unknown) =>
  validateOrThrow(typeof pack === 'string' ? pack : JSON.stringify(pack ?? null), 'The model');

const stateOf = (session: Session): CalibrationSession => (session.calibration ??= { nextId: 1 });

function lastRun(session: Session, runId: number) {
  const last = stateOf(session).last;
  if (!last || last.id !== runId || last.workspace !== session.workspace)
    throw new LadderError('not_found', 'That calibration is no longer available; run it again.');
  return last;
}

function setOf(last: NonNullable<CalibrationSession['last']>, set: number) {
  const s = last.sets[set];
  if (!s)
    throw new LadderError('bad_request', `This calibration has ${last.sets.length} held-out set(s), not ${set + 1}.`);
  return s;
}

export const calibrateHandlers: { [M in CalibrateMethodName]: Handler<M, Session> } = {
  'calibrate.run': async ({ pack, asOf, every, horizonDays, seed }, session) => {
    const ws = requireWorkspace(session);
    const valid = validPack(pack);
    const state = stateOf(session);
    state.job?.controller.abort();
    const job = {
      controller: new AbortController(),
      progress: {
        phase: 'features',
        datesDone: 0,
        datesTotal: 0,
        accountsDone: 0,
        accountsTotal: 0,
      } as CalibrationProgress,
    };
    state.job = job;
    try {
      const run = await runCalibration(
        ws,
        valid,
        { asOf, every, horizonDays, seed },
        {
          signal: job.controller.signal,
          onProgress: (p) => (job.progress = p),
          chunkAccounts: session.featureChunkAccounts,
        },
      );
      const id = state.nextId++;
      const sets = validationIndex(run.state);
      state.last = { id, workspace: ws, valid, run, sets };
      return { runId: id, report: run.report, validationSets: sets.length };
    } finally {
      if (state.job === job) state.job = undefined;
    }
  },
  'calibrate.progress': (_args, session) => {
    const job = stateOf(session).job;
    return job
      ? { running: true, ...job.progress }
      : { running: false, phase: 'idle', datesDone: 0, datesTotal: 0, accountsDone: 0, accountsTotal: 0 };
  },
  'calibrate.cancel': (_args, session) => {
    const job = stateOf(session).job;
    job?.controller.abort();
    return { cancelled: job !== undefined };
  },
  'calibrate.accounts': ({ runId, selection, label, offset, limit }, session) => {
    const last = lastRun(session, runId);
    return drillDown(last.run.state, last.run.report, last.run.names, { selection, label, offset, limit });
  },
  'calibrate.validation': ({ runId, set }, session) => {
    const last = lastRun(session, runId);
    return validationSet(last.run.state, last.run.names, last.valid, setOf(last, set));
  },
  'calibrate.validationColumns': ({ runId, set, pack, have }, session) => {
    const last = lastRun(session, runId);
    return validationColumns(last.workspace, last.run.state, setOf(last, set), validPack(pack), new Set(have ?? []));
  },
};
