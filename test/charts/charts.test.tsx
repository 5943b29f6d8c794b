// @vitest-environment jsdom
// Snapshot tests of every chart's SVG, one per case in cases.tsx (see README.md): a changed mark,
// scale, label or tooltip fails here until its snapshot is deliberately updated.
import { chartCases } from './cases';
import { compareSnapshot } from './snapshot';

describe('chart snapshots', () => {
  it.each(Object.keys(chartCases))('%s', (name) => {
    const failure = compareSnapshot(name, chartCases[name]!.element());
    expect(failure).toBeNull();
  });

  it('a changed mark fails its snapshot', async () => {
    const { compareSnapshot: compare } = await import('./snapshot');
    const element = chartCases['ladder-weight-edit']!.element();
    element.querySelector('[data-mark="ladder-bar"]')!.setAttribute('width', '1');
    const failure = compare('ladder-weight-edit', element);
    expect(failure).toMatch(/^ladder-weight-edit differs from its snapshot/);
    // The -changed file it wrote is removed by the next passing run; remove it now.
    const { rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { snapshotsDir } = await import('./snapshot');
    rmSync(join(snapshotsDir, 'ladder-weight-edit-changed.svg'), { force: true });
  });
});
