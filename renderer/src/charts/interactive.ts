// Marks people can point at, click and reach by keyboard. The datum behind each element is read
// through Plot itself: a render transform runs Plot's own render and takes the index Plot bound to
// each element it drew (so facets, filtered values and reordering cannot shift it), then labels the
// element for PlotFigure: which mark, which datum, its tooltip text, focusable, a button when it
// opens something.
import type { RenderFunction } from '@observablehq/plot';

export interface Interaction<T> {
  /** Names the mark in click reports and tests (e.g. "ladder-bar"). */
  name: string;
  data: readonly T[];
  /** The tooltip: one line per fact. Also the element's accessible name. */
  describe(d: T): string[];
  /** Whether selecting the mark opens something (it then acts as a button). */
  selectable?: boolean;
}

/** `{ render }` for a mark's options: the mark's elements carry their datum and tooltip. */
export function interactive<T>({ name, data, describe, selectable = false }: Interaction<T>): {
  render: RenderFunction;
} {
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next!(index, scales, values, dimensions, context);
      if (!g) return g;
      for (const element of g.querySelectorAll('*')) {
        const i = (element as Element & { __data__?: unknown }).__data__;
        if (typeof i !== 'number' || !Number.isInteger(i) || data[i] === undefined) continue;
        const lines = describe(data[i]);
        element.setAttribute('data-mark', name);
        element.setAttribute('data-index', String(i));
        element.setAttribute('data-tip', lines.join('\n'));
        element.setAttribute('aria-label', lines.join(', '));
        element.setAttribute('tabindex', '0');
        element.setAttribute('role', selectable ? 'button' : 'img');
      }
      return g;
    },
  };
}
