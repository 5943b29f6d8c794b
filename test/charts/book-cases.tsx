// The book of business's charts, named after the case they draw: the heatmap (an HTML table with
// a Plot colour legend) in light and dark, a Δ heatmap on its diverging scale, long owner names
// with "Other" past the top N, and the ladder over time in accounts and in ARR.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { TimelinePoint } from '#shared/api/book-contract';
import type { BookData } from '#shared/book/cells';
import { computeHeatmap, deltaHeatmap, layoutOf, type Heatmap, type HeatmapSpec } from '#shared/book/heatmap';
import { HeatmapGrid } from '../../renderer/src/charts/HeatmapGrid';
import type { Theme } from '../../renderer/src/charts/heat-scale';
import { stageColors } from '../../renderer/src/charts/stage-colors';
import { timelineChart } from '../../renderer/src/views/book/timeline-chart';
import { features } from '../unit/engine/fixtures';
import { engineFor, pack, withWeight } from './fixtures';
import { plotElement } from './snapshot';
import type { ChartCase } from './cases';

const n = 240;
const at = <T,>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const owners = ['Omar Haddad', 'Ingrid Lund', 'Grace Whitfield', 'Hannah Kowalski', 'Tomás Okafor'];
const longOwners = [...owners, 'Maria-Fernanda Castillo de la Vega', 'Priya Raman', 'Aiko Tanaka', 'Lena Fischer'];

const table = (names: string[]) =>
  features({
    segment: at((i) => i % 3),
    arr: at((i) => 5_000 + ((i * 7919) % 113) * 1_250),
    columns: {
      nps: at((i) => ((i * 37) % 200) - 100),
      departments_active: at((i) => (i * 11) % 7),
      advanced_features_used: at((i) => (i * 13) % 6),
      health_score: at((i) => 30 + ((i * 29) % 70)),
      users_top_share: at((i) => ((i * 17) % 100) / 100),
    },
    categories: {
      owner_csm: at((i) => (i % 17 === 0 ? null : names[(i * 7) % names.length]!)),
      region: at((i) => ['EMEA', 'North America', 'APAC', 'LATAM'][(i * 5) % 4]!),
      segment: at((i) => ['SMB', 'Mid-Market', 'Enterprise'][i % 3]!),
    },
  });

function heatmapOf(p = pack, names = owners, spec: HeatmapSpec, layout?: Parameters<typeof computeHeatmap>[4]) {
  const engine = engineFor(p, table(names));
  const data: BookData = {
    accounts: engine.features.accounts,
    arr: engine.features.arr,
    whitespace: Float64Array.from(engine.features.arr, (a, i) => (i % 9 === 0 ? NaN : (a * ((i * 3) % 5)) / 4)),
    wonArr: Float64Array.from(engine.features.arr, (a, i) => (i % 11 === 0 ? a / 5 : 0)),
    converted: Uint8Array.from(engine.features.arr, (_, i) => (i % 11 === 0 ? 1 : 0)),
    fields: engine.features.categories,
    scope: null,
  };
  const stages = { stages: engine.model.stages, stageOfClass: engine.outcomes.stage, top: engine.model.top };
  return computeHeatmap(data, { classOf: engine.table.of, classes: engine.table.size }, stages, spec, layout);
}

/** The grid as the app renders it (effects run, so the legend is drawn), in this document. */
function gridCase(heatmap: Heatmap, theme: Theme, delta = false, measureLabel = 'ARR'): ChartCase {
  return {
    element() {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      act(() =>
        root.render(
          <HeatmapGrid
            heatmap={heatmap}
            delta={delta}
            theme={theme}
            measureLabel={measureLabel}
            onCell={() => {}}
            onRow={() => {}}
            onCol={() => {}}
          />,
        ),
      );
      return host.firstElementChild!;
    },
  };
}

const ownerStage: HeatmapSpec = { rows: 'owner_csm', cols: 'stage', measure: 'arr' };
const now = heatmapOf(withWeight(pack, 'spread', 6), owners, ownerStage);
const before = heatmapOf(pack, owners, ownerStage, layoutOf(now));

const points: TimelinePoint[] = ['2025-11-24', '2025-12-22', '2026-01-19', '2026-02-16', '2026-03-16'].map(
  (asOf, k) => ({
    asOf,
    accounts: 240,
    stages: pack.ladder.stages.map((s, j) => {
      const accounts = [120 - k * 12, 80 + k * 4, 40 + k * 8][j] ?? 0;
      return { id: s.id, label: s.label, accounts, arr: accounts * (12_500 + j * 9_000) };
    }),
  }),
);
const colors = stageColors(pack);
/** Thirteen four-weekly dates across a new year in a narrow panel: short labels that do not collide. */
const year: TimelinePoint[] = Array.from({ length: 13 }, (_, k) => {
  const asOf = new Date(Date.UTC(2025, 11, 15 + 28 * k)).toISOString().slice(0, 10);
  return { ...points[k % points.length]!, asOf };
});

export const bookChartCases: Record<string, ChartCase> = {
  'book-heatmap-owner-stage-light': gridCase(now, 'light'),
  'book-heatmap-owner-stage-dark': gridCase(now, 'dark'),
  'book-heatmap-delta': gridCase(deltaHeatmap(now, before), 'light', true),
  'book-heatmap-long-names-other': gridCase(
    heatmapOf(pack, longOwners, { rows: 'owner_csm', cols: 'region', measure: 'whitespace', topN: 5 }),
    'light',
    false,
    'Whitespace',
  ),
  'book-heatmap-conversion': gridCase(
    heatmapOf(pack, owners, { rows: 'segment', cols: 'stage', measure: 'conversion' }),
    'dark',
    false,
    'Conversion',
  ),
  'book-timeline-accounts': {
    options: timelineChart({ points, stages: pack.ladder.stages, colors, measure: 'accounts', width: 640 }),
    element: () =>
      plotElement(
        timelineChart({ points, stages: pack.ladder.stages, colors, measure: 'accounts', width: 640 }),
        'Stages over time',
      ),
  },
  'book-timeline-narrow-new-year': {
    element: () =>
      plotElement(
        timelineChart({ points: year, stages: pack.ladder.stages, colors, measure: 'accounts', width: 560 }),
        'Stages over time, a year in a narrow panel',
      ),
  },
  'book-timeline-arr': {
    options: timelineChart({ points, stages: pack.ladder.stages, colors, measure: 'arr', width: 640 }),
    element: () =>
      plotElement(
        timelineChart({ points, stages: pack.ladder.stages, colors, measure: 'arr', width: 640 }),
        'Stages over time (ARR)',
      ),
  },
};
