// The ladder over time: the draft scored every four weeks over the period range (stage counts or
// ARR per date, with progress and Cancel), and the flow between two of those dates — a matrix of
// from-stage × to-stage whose cells list their accounts — with moves up and down per owner.
import { useEffect, useMemo, useState } from 'react';
import type { TimelinePoint } from '#shared/api/book-contract';
import { ApiCallError } from '#shared/api/client';
import { api } from '../../api';
import { PlotFigure } from '../../charts/PlotFigure';
import { stageColors } from '../../charts/stage-colors';
import { useElementWidth } from '../../components/useElementWidth';
import { formatDate } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';
import { messageOf } from '#shared/error-message';
import { FlowView } from './FlowView';
import { timelineChart, type TimelineMeasure } from './timeline-chart';

function useTimeline() {
  const draft = useModelStore((s) => s.draft);
  const owner = useBookStore((s) => s.owner);
  const [points, setPoints] = useState<TimelinePoint[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState(0);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    setProgress({ done: 0, total: 0 });
    setError(null);
    const timer = setInterval(() => {
      void api.request('book.progress', {}).then((p) => live && p.ok && p.value.running && setProgress(p.value));
    }, 400);
    const start = setTimeout(() => {
      api.call('book.timeline', { pack: draft, ...(owner ? { owner } : {}) }).then(
        (r) => {
          if (!live) return;
          setPoints(r.points);
          setProgress(null);
        },
        (e: unknown) => {
          if (!live) return;
          setProgress(null);
          if (!(e instanceof ApiCallError && e.error.code === 'cancelled')) setError(messageOf(e));
          else setError('Cancelled. The history shows the last complete run.');
        },
      );
    }, 300);
    return () => {
      live = false;
      clearInterval(timer);
      clearTimeout(start);
    };
  }, [draft, owner, run]);
  return { points, progress, error, retry: () => setRun((n) => n + 1) };
}

export function TimelinePanel() {
  const { points, progress, error, retry } = useTimeline();
  const draft = useModelStore((s) => s.draft);
  const [measure, setMeasure] = useState<TimelineMeasure>('accounts');
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const [dates, setDates] = useState<{ from: string; to: string } | null>(null);
  const colors = useMemo(() => (draft ? stageColors(draft) : new Map<string, string>()), [draft]);
  useEffect(() => {
    if (points && points.length >= 2 && (!dates || !points.some((p) => p.asOf === dates.from)))
      setDates({ from: points[Math.max(0, points.length - 4)]!.asOf, to: points.at(-1)!.asOf });
  }, [points, dates]);
  const options = useMemo(
    () => (points && draft ? timelineChart({ points, stages: draft.ladder.stages, colors, measure, width }) : null),
    [points, draft, measure, width, colors],
  );

  return (
    <div className="timeline" ref={ref} data-testid="timeline">
      <div className="heat-controls">
        <label>
          Show{' '}
          <select
            aria-label="Timeline measure"
            value={measure}
            onChange={(e) => setMeasure(e.target.value as TimelineMeasure)}
          >
            <option value="accounts">Accounts</option>
            <option value="arr">ARR</option>
          </select>
        </label>
        {progress && (
          <>
            <progress
              max={Math.max(1, progress.total)}
              value={progress.done}
              aria-label="Scoring each date"
              data-testid="timeline-progress"
            />
            <span className="muted small">
              {progress.total ? `${progress.done} of ${progress.total} dates` : 'Starting…'}
            </span>
            <button onClick={() => void api.request('book.cancel', {})}>Cancel</button>
          </>
        )}
        {!progress && error && (
          <button onClick={retry} title="Score every date again">
            Run again
          </button>
        )}
      </div>
      {error && <p className={progress ? 'muted' : 'banner error'}>{error}</p>}
      {options && <PlotFigure options={options} label="Stages over time" testId="timeline-chart" />}
      {points && points.length >= 2 && dates && (
        <>
          <h2>Flow between two dates</h2>
          <div className="heat-controls">
            {(['from', 'to'] as const).map((end) => (
              <label key={end}>
                {end === 'from' ? 'From' : 'To'}{' '}
                <select
                  aria-label={end === 'from' ? 'Flow from' : 'Flow to'}
                  value={dates[end]}
                  onChange={(e) => setDates({ ...dates, [end]: e.target.value })}
                >
                  {points.map((p) => (
                    <option key={p.asOf} value={p.asOf}>
                      {formatDate(p.asOf)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {dates.from < dates.to ? (
            <FlowView from={dates.from} to={dates.to} />
          ) : (
            <p className="muted">Pick a “from” date before the “to” date.</p>
          )}
        </>
      )}
    </div>
  );
}
