// Renders an Observable Plot figure into React. Plot builds DOM directly, so the figure is rebuilt
// whenever its options change and removed on unmount. Marks made `interactive` (interactive.ts)
// carry their datum's index: PlotFigure reports clicks and Enter/Space on them with the mark's name
// and that index, moves between them with the arrow keys, and shows their tooltip as HTML on
// hover and on keyboard focus.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';

export interface PlotFigureProps {
  options: PlotOptions;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
  onMarkClick?: (mark: string, index: number) => void;
}

interface Tip {
  text: string;
  x: number;
  y: number;
  /** Under the mark when the space above it inside the chart is too small for the tip. */
  below: boolean;
}

/** About how tall a tip of `lines` lines is (0.8rem text, 1.35 line height, padding). */
const tipHeight = (lines: number) => lines * 17.5 + 12;

const markOf = (target: EventTarget | null): SVGElement | null =>
  target instanceof Element ? (target.closest('[data-mark]') as SVGElement | null) : null;

const selectorOf = (mark: Element) =>
  `[data-mark="${mark.getAttribute('data-mark')}"][data-index="${mark.getAttribute('data-index')}"]`;

export function PlotFigure({ options, label, testId, onMarkClick }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const figureRef = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onMarkClick);
  clickRef.current = onMarkClick;
  const [tip, setTip] = useState<Tip | null>(null);
  /** The mark that had focus in the figure being replaced, as a selector for the same mark in the next. */
  const refocus = useRef<string | null>(null);

  // A layout effect, so the new figure is in place before the browser paints the update (a slider
  // drag repaints the chart in the same frame as its input).
  useLayoutEffect(() => {
    const target = figureRef.current;
    if (!target) return;
    const figure = Plot.plot({ ...options, ariaLabel: label });
    target.replaceChildren(figure);
    setTip(null);
    if (refocus.current) figure.querySelector<SVGElement>(refocus.current)?.focus();
    refocus.current = null;
    return () => {
      // A keyboard user on a mark stays on it when the figure is rebuilt (an edit, a resize).
      const focused = markOf(figure.contains(document.activeElement) ? document.activeElement : null);
      if (focused) refocus.current = selectorOf(focused);
      figure.remove();
    };
  }, [options, label]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const select = (mark: SVGElement) => {
      const name = mark.getAttribute('data-mark');
      const index = Number(mark.getAttribute('data-index'));
      if (name && Number.isInteger(index)) clickRef.current?.(name, index);
    };
    const show = (mark: SVGElement) => {
      const box = mark.getBoundingClientRect();
      const frame = element.getBoundingClientRect();
      const text = mark.getAttribute('data-tip') ?? '';
      const below = box.top - frame.top < tipHeight(text.split('\n').length) + 8;
      setTip({
        text,
        x: box.left - frame.left + box.width / 2,
        y: below ? box.bottom - frame.top : box.top - frame.top,
        below,
      });
    };
    const onClick = (event: MouseEvent) => {
      const mark = markOf(event.target);
      if (mark) select(mark);
    };
    const onKey = (event: KeyboardEvent) => {
      const mark = markOf(event.target);
      if (!mark) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(mark);
        return;
      }
      const marks = [...element.querySelectorAll<SVGElement>('[data-mark]')];
      const at = marks.indexOf(mark);
      const next = {
        ArrowRight: at + 1,
        ArrowDown: at + 1,
        ArrowLeft: at - 1,
        ArrowUp: at - 1,
        Home: 0,
        End: marks.length - 1,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      marks[Math.max(0, Math.min(marks.length - 1, next))]?.focus();
    };
    const onOver = (event: Event) => {
      const mark = markOf(event.target);
      if (mark) show(mark);
    };
    const onOut = (event: Event) => {
      if (markOf(event.target)) setTip(null);
    };
    element.addEventListener('click', onClick);
    element.addEventListener('keydown', onKey);
    element.addEventListener('pointerover', onOver);
    element.addEventListener('focusin', onOver);
    element.addEventListener('pointerout', onOut);
    element.addEventListener('focusout', onOut);
    return () => {
      element.removeEventListener('click', onClick);
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('pointerover', onOver);
      element.removeEventListener('focusin', onOver);
      element.removeEventListener('pointerout', onOut);
      element.removeEventListener('focusout', onOut);
    };
  }, []);

  return (
    <div
      className={onMarkClick ? 'plot-figure clickable' : 'plot-figure'}
      ref={host}
      role="figure"
      aria-label={label}
      data-testid={testId}
    >
      <div ref={figureRef} />
      {tip && tip.text && (
        <div
          className={tip.below ? 'chart-tip below' : 'chart-tip'}
          role="tooltip"
          style={{ left: tip.x, top: tip.y }}
          data-testid="chart-tip"
        >
          {tip.text}
        </div>
      )}
    </div>
  );
}
