// Renders an Observable Plot figure into React. Plot builds DOM directly, so the figure is
// rebuilt whenever its options change and removed on unmount. Clicks on marks are reported with
// the mark's name and the datum's index, so charts can drill down to the accounts behind a mark.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';

export interface PlotFigureProps {
  options: PlotOptions;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
  onMarkClick?: (mark: string, index: number) => void;
}

export function PlotFigure({ options, label, testId, onMarkClick }: PlotFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onMarkClick);
  clickRef.current = onMarkClick;
  // A layout effect, so the new figure is in place before the browser paints the update (a slider
  // drag repaints the chart in the same frame as its input).
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    const figure = Plot.plot({ ...options, ariaLabel: label });
    host.replaceChildren(figure);
    return () => figure.remove();
  }, [options, label]);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const group = target?.parentElement;
      const mark = group?.getAttribute('aria-label');
      if (!target || !group || !mark || !clickRef.current) return;
      clickRef.current(mark, Array.prototype.indexOf.call(group.children, target));
    };
    host.addEventListener('click', onClick);
    return () => host.removeEventListener('click', onClick);
  }, []);
  return (
    <div
      className={onMarkClick ? 'plot-figure clickable' : 'plot-figure'}
      ref={ref}
      role="figure"
      aria-label={label}
      data-testid={testId}
    />
  );
}
