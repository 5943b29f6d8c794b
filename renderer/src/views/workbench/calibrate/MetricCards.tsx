// Held-out metrics of the baseline beside the draft, recomputed live as the draft is edited.
import type { LiveMetrics } from '#shared/calibrate/live';
import type { CalibrationReport } from '#shared/calibrate/report';
import { fixed, interval, known, pct } from './format';

interface Props {
  baseline: LiveMetrics | null;
  draft: LiveMetrics | null;
  report: CalibrationReport;
}

interface Card {
  id: string;
  label: string;
  value: (m: LiveMetrics) => number;
  format: (x: number) => string;
  detail?: (m: LiveMetrics) => string;
  /** Higher is better (the delta is coloured accordingly). */
  better: 'higher' | 'lower';
}

const cards: Card[] = [
  {
    id: 'auc',
    label: 'ROC AUC',
    value: (m) => m.auc,
    format: (x) => fixed(x),
    detail: (m) => `95 % CI ${interval(m.aucCi)}`,
    better: 'higher',
  },
  {
    id: 'lift',
    label: 'Top-decile lift',
    value: (m) => m.liftTopDecile,
    format: (x) => `${fixed(x, 2)}×`,
    better: 'higher',
  },
  {
    id: 'capture',
    label: 'Top-decile capture',
    value: (m) => m.captureTopDecile,
    format: (x) => pct(x),
    better: 'higher',
  },
  {
    id: 'precision',
    label: 'Ready precision',
    value: (m) => m.readyPrecision,
    format: (x) => pct(x),
    better: 'higher',
  },
  { id: 'recall', label: 'Ready recall', value: (m) => m.readyRecall, format: (x) => pct(x), better: 'higher' },
];

export function MetricCards({ baseline, draft, report }: Props) {
  return (
    <div className="calibrate-cards" data-testid="calibrate-cards">
      {cards.map((c) => {
        const b = baseline ? c.value(baseline) : NaN;
        const d = draft ? c.value(draft) : NaN;
        const delta = known(b) && known(d) ? d - b : NaN;
        const direction =
          !known(delta) || Math.abs(delta) < 1e-12 ? '' : delta > 0 === (c.better === 'higher') ? 'up' : 'down';
        return (
          <div
            key={c.id}
            className="stat-tile"
            data-testid={`card-${c.id}`}
            data-draft={known(d) ? d : ''}
            data-baseline={known(b) ? b : ''}
          >
            <div className="stat-label">{c.label}</div>
            <div className="stat-pair">
              <span title="Baseline on the held-out accounts">
                <span className="muted small">Baseline </span>
                {known(b) ? c.format(b) : '—'}
              </span>
              <span title="Draft on the held-out accounts" className={`draft ${direction}`}>
                <span className="muted small">Draft </span>
                {known(d) ? c.format(d) : '—'}
              </span>
            </div>
            {c.detail && draft && <div className="stat-detail">Draft {c.detail(draft)}</div>}
          </div>
        );
      })}
      <div className="stat-tile" data-testid="card-probability">
        <div className="stat-label">PR AUC · Brier (as calibrated)</div>
        <div className="stat-value">
          {fixed(report.model.prAuc)} · {fixed(report.model.brier)}
        </div>
        <div className="stat-detail">
          {report.model.positives} of {report.model.accounts} held-out accounts converted
        </div>
      </div>
    </div>
  );
}
