// @vitest-environment jsdom
// Every clickable mark of every chart, clicked (and pressed with Enter): each reports the datum
// Plot drew it for, and in the workbench views opens exactly that datum's accounts. Marks are
// reachable by keyboard (tab stops, arrow keys) and show their tooltip as HTML on focus.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { PlotFigure } from '../../renderer/src/charts/PlotFigure';
import { stageColors } from '../../renderer/src/charts/stage-colors';
import { useWorkbenchUi } from '../../renderer/src/store/workbench-ui-store';
import { FunnelView } from '../../renderer/src/views/workbench/charts/FunnelView';
import { ladderBars } from '../../renderer/src/views/workbench/charts/ladder-chart';
import { LadderView } from '../../renderer/src/views/workbench/charts/LadderView';
import { funnelSteps } from '../../renderer/src/views/workbench/charts/funnel-chart';
import { MoversView } from '../../renderer/src/views/workbench/charts/MoversView';
import { SignalsView } from '../../renderer/src/views/workbench/charts/SignalsView';
import { enginesMovers, buildPairs } from '#shared/workbench/movers';
import { chartCases } from './cases';
import { engineFor, pack, withWeight } from './fixtures';

afterEach(cleanup);

const selectable = (root: ParentNode) => [...root.querySelectorAll<SVGElement>('[data-mark][role="button"]')];

describe('clickable marks report the datum Plot drew them for', () => {
  const cases = Object.entries(chartCases).filter(([, c]) => c.options && selectable(c.element()).length > 0);
  expect(cases.map(([name]) => name)).toEqual(
    expect.arrayContaining(['ladder-weight-edit', 'funnel-two-filters', 'signal-activity']),
  );

  it.each(cases.map(([name]) => name))('%s: click, Enter and the arrow keys', (name) => {
    const clicks: [string, number][] = [];
    const { container } = render(
      <PlotFigure options={chartCases[name]!.options!} label={name} onMarkClick={(m, i) => clicks.push([m, i])} />,
    );
    const marks = selectable(container);
    expect(marks.length).toBeGreaterThan(0);
    const expected = marks.map((m) => [m.getAttribute('data-mark')!, Number(m.getAttribute('data-index'))]);
    // Every datum of the mark is drawn exactly once.
    expect(new Set(expected.map(([m, i]) => `${m}:${i}`)).size).toBe(marks.length);
    marks.forEach((m) => fireEvent.click(m));
    expect(clicks).toEqual(expected);
    clicks.length = 0;
    marks.forEach((m) => fireEvent.keyDown(m, { key: 'Enter' }));
    expect(clicks).toEqual(expected);
    // Tab stops with an accessible name, and a real (HTML) tooltip on focus.
    act(() => marks[0]!.focus());
    expect(marks[0]!.getAttribute('tabindex')).toBe('0');
    expect(marks[0]!.getAttribute('aria-label')).toBeTruthy();
    expect(container.querySelector('[role="tooltip"]')?.textContent).toBe(marks[0]!.getAttribute('data-tip'));
    expect(container.querySelector('title')).toBeNull();
    if (marks.length > 1) {
      fireEvent.keyDown(marks[0]!, { key: 'ArrowRight' });
      expect(document.activeElement).toBe(marks[1]);
    }
  });
});

describe('workbench views open the accounts of the mark clicked', () => {
  const baseline = engineFor(pack);
  const draft = engineFor(withWeight(pack, 'spread', 6));
  const colors = stageColors(pack);
  const filterAfter = (click: () => void) => {
    act(() => useWorkbenchUi.getState().setFilter({}));
    act(click);
    return useWorkbenchUi.getState().filter;
  };

  it('every ladder bar opens its stage (draft) or baseline stage', () => {
    const { container } = render(
      <LadderView baseline={baseline.result} draft={draft.result} colors={colors} width={640} />,
    );
    const bars = ladderBars({ baseline: baseline.result, draft: draft.result, measure: 'accounts' });
    const marks = selectable(container);
    expect(marks).toHaveLength(bars.length);
    for (const mark of marks) {
      const bar = bars[Number(mark.getAttribute('data-index'))]!;
      expect(filterAfter(() => fireEvent.click(mark))).toEqual(bar.filter);
      expect(useWorkbenchUi.getState().tab).toBe('accounts');
    }
  });

  it('every funnel step opens exactly the accounts it counts', () => {
    const { container } = render(
      <FunnelView baseline={baseline.result} draft={draft.result} topColor="#16a34a" width={640} />,
    );
    const steps = funnelSteps(baseline.result, draft.result);
    const marks = selectable(container);
    expect(marks).toHaveLength(steps.length);
    for (const mark of marks)
      expect(filterAfter(() => fireEvent.click(mark))).toEqual({
        funnel: steps[Number(mark.getAttribute('data-index'))]!.key,
      });
  });

  it('every signal bar opens the accounts it fires for', () => {
    const { container } = render(<SignalsView baseline={baseline.result} draft={draft.result} width={640} />);
    const marks = selectable(container);
    expect(marks).toHaveLength(pack.signals.length);
    for (const mark of marks)
      expect(filterAfter(() => fireEvent.click(mark))).toEqual({
        signal: draft.result.signals[Number(mark.getAttribute('data-index'))]!.id,
      });
  });

  it('every non-empty movers cell opens its accounts', () => {
    const movers = enginesMovers(baseline, draft, buildPairs(baseline, draft));
    const { getByTestId } = render(<MoversView movers={movers} />);
    movers.from.forEach((from, i) =>
      movers.to.forEach((to, j) => {
        const cell = getByTestId(`mover-${from.id}-${to.id}`) as HTMLButtonElement;
        expect(cell.disabled).toBe(movers.accounts[i]![j] === 0);
        if (!cell.disabled)
          expect(filterAfter(() => fireEvent.click(cell))).toEqual({ baselineStage: from.id, stage: to.id });
      }),
    );
  });
});
