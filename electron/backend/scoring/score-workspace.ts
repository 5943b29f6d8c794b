// Scoring a workspace with a pack as of a date: build the feature table, run the engine.
import { LadderError } from '#shared/api/result';
import { isIsoDate } from '#shared/dates';
import { notAnIsoDate } from '#shared/api/iso-date';
import { createEngine, type Engine } from '#shared/engine/engine';
import type { ValidPack } from '#shared/pack/validate';
import { buildFeatureTable, buildFeatureTableAsync, latestPeriodStart, type FeatureBuild } from '../features/build';
import type { Workspace } from '../store/open-workspace';

export interface ScoredWorkspace {
  asOf: string;
  build: FeatureBuild;
  engine: Engine;
  timings: { featuresMs: number; scoreMs: number };
}

/** The as-of date to use: the one asked for, else the start of the latest period, else today. */
export function resolveAsOf(ws: Workspace, asOf?: string): string {
  if (asOf !== undefined) {
    if (!isIsoDate(asOf)) throw new LadderError('bad_request', notAnIsoDate(asOf));
    return asOf;
  }
  return latestPeriodStart(ws.db) ?? new Date().toISOString().slice(0, 10);
}

export function scoreWorkspace(ws: Workspace, valid: ValidPack, asOf?: string): ScoredWorkspace {
  const date = resolveAsOf(ws, asOf);
  const started = performance.now();
  return withEngine(buildFeatureTable(ws.db, valid, date), valid, started);
}

/** The same, its feature build reading periods ahead in reader threads where it can (`ladder score`). */
export async function scoreWorkspaceAsync(ws: Workspace, valid: ValidPack, asOf?: string): Promise<ScoredWorkspace> {
  const date = resolveAsOf(ws, asOf);
  const started = performance.now();
  return withEngine(await buildFeatureTableAsync(ws.db, valid, date), valid, started);
}

function withEngine(build: FeatureBuild, valid: ValidPack, started: number): ScoredWorkspace {
  const built = performance.now();
  const engine = createEngine(build.table, valid);
  const timings = { featuresMs: built - started, scoreMs: performance.now() - built };
  return { asOf: build.asOf, build, engine, timings };
}
