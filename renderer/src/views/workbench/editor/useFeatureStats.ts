// The observed distribution of a feature, asked of the engine worker once per feature and model load.
import { useEffect, useState } from 'react';
import type { ColumnStats } from '#shared/workbench/stats';
import { engineSession } from '../../../engine/engine-session';
import { useModelStore } from '../../../store/model-store';
import { registerWorkspaceStore } from '../../../store/workspace-lifecycle';

const cache = new Map<string, ColumnStats>();
// Distributions belong to one workspace's data as of one date.
registerWorkspaceStore({ name: 'feature-stats', reset: () => cache.clear(), refresh: () => cache.clear() });

export function useFeatureStats(featureKey: string): ColumnStats | null {
  const asOf = useModelStore((s) => s.asOf);
  const snapshot = useModelStore((s) => s.snapshot !== null);
  const cacheKey = `${asOf}|${featureKey}`;
  const [stats, setStats] = useState<ColumnStats | null>(cache.get(cacheKey) ?? null);
  useEffect(() => {
    const hit = cache.get(cacheKey);
    if (hit) return setStats(hit);
    if (!snapshot) return;
    let live = true;
    engineSession.client
      .send({ op: 'stats', slot: 'draft', key: featureKey })
      .then((s) => {
        cache.set(cacheKey, s);
        if (live) setStats(s);
      })
      .catch(() => live && setStats(null));
    return () => {
      live = false;
    };
  }, [cacheKey, featureKey, snapshot]);
  return stats;
}
