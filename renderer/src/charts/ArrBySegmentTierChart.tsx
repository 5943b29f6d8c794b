import { useMemo } from 'react';
import type { ArrBySegmentTier } from '#shared/domain/workspace';
import { arrBySegmentTierChart } from './arr-by-segment-tier';
import { PlotFigure } from './PlotFigure';

/** Stacked bars: ARR per segment, split by plan tier, with each part's ARR and account count on hover. */
export function ArrBySegmentTierChart({ data, width }: { data: ArrBySegmentTier[]; width: number }) {
  const options = useMemo(() => arrBySegmentTierChart(data, width), [data, width]);
  return <PlotFigure options={options} label="ARR by segment and tier" testId="arr-by-segment-tier" />;
}
