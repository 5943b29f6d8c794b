// Renders an Observable Plot figure into React. Plot builds DOM directly, so the figure is
// rebuilt whenever its options change and removed on unmount.
import { useEffect, useRef } from 'react';
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';

export interface PlotFigureProps {
  options: PlotOptions;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
}

export function PlotFigure({ options, label, testId }: PlotFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const figure = Plot.plot({ ...options, ariaLabel: label });
    host.replaceChildren(figure);
    return () => figure.remove();
  }, [options, label]);
  return <div className="plot-figure" ref={ref} role="figure" aria-label={label} data-testid={testId} />;
}
