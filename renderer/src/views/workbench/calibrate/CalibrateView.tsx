// The Calibrate tab: backtest the draft against past outcomes, see baseline and draft measured on
// the held-out accounts as the draft is edited, and take the suggested weights into the draft.
import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RulePackInput } from '#shared/pack/schema';
import { useElementWidth } from '../../../components/useElementWidth';
import { formatCount } from '../../../format';
import { useModelStore } from '../../../store/model-store';
import { CalibrateControls } from './CalibrateControls';
import { DatesChart, GainsChart, ReliabilityChart, ScanChart } from './CalibrateCharts';
import { useCalibrateStore } from './calibrate-store';
import { DrillDown } from './DrillDown';
import { MetricCards } from './MetricCards';
import { SignalTable } from './SignalTable';
import { StageTables } from './StageTables';
import { SuggestedWeights } from './SuggestedWeights';
import './calibrate.css';

function splitText(r: NonNullable<ReturnType<typeof useCalibrateStore.getState>['result']>['report']): string {
  const { split, labels } = r;
  const held = `${formatCount(labels.heldOut.positives)} of ${formatCount(labels.heldOut.positives + labels.heldOut.negatives)} held-out accounts converted`;
  if (split.kind === 'holdout')
    return `One as-of date: a seeded 30 % of accounts (seed ${split.seed}) is held out; ${held}.`;
  return `Split by time: fitted on ${split.train.join(', ')}; evaluated on ${split.test.join(', ')}${split.gap.length ? ` (left out: ${split.gap.join(', ')})` : ''}; ${held}.`;
}

/** Whether a pack is the one the report was computed for (the run's drill-downs rank by that one). */
const same = (a: RulePackInput | null, b: RulePackInput | null) =>
  a !== null && b !== null && (a === b || JSON.stringify(a) === JSON.stringify(b));

/** A card holding a chart drawn at the card's own width. */
function ChartCard({ title, children }: { title: string; children: (width: number) => ReactNode }) {
  const [ref, width] = useElementWidth<HTMLElement>(480);
  return (
    <section className="card" ref={ref}>
      <h3>{title}</h3>
      {children(Math.max(280, width - 4))}
    </section>
  );
}

/** Keeps the live metrics of baseline and draft in step with the model being edited. */
function useLiveValidation(baseline: RulePackInput | null, draft: RulePackInput | null, runId: number | null) {
  const validate = useCalibrateStore((s) => s.validate);
  useEffect(() => {
    if (runId !== null && baseline) validate('baseline', baseline);
  }, [baseline, runId, validate]);
  useEffect(() => {
    if (runId !== null && draft) validate('draft', draft);
  }, [draft, runId, validate]);
}

export function CalibrateView() {
  const model = useModelStore(
    useShallow((s) => ({ draft: s.draft, baseline: s.baseline, invalid: s.issues.length > 0 })),
  );
  const c = useCalibrateStore(
    useShallow((s) => ({ status: s.status, result: s.result, error: s.error, live: s.live, calibrated: s.calibrated })),
  );
  useLiveValidation(model.baseline, model.draft, c.result?.runId ?? null);
  if (!model.draft) return null;
  const report = c.result?.report;
  return (
    <div className="calibrate-view" data-testid="calibrate-view">
      <CalibrateControls pack={model.draft} invalid={model.invalid} />
      {c.error && (
        <p className="banner error" role="alert">
          {c.error}
        </p>
      )}
      {!report ? (
        c.status !== 'running' && (
          <div className="empty-state">
            <h3>Is this model any good on your accounts?</h3>
            <p className="muted">
              Calibration replays the model as of past dates (data up to each date only) and checks it against what
              happened next: an account is positive when it won an expansion within the horizon, negative when it was a
              customer and did not. You get ROC AUC with its interval, lift in the top decile, Ready precision,
              per-signal lift, and suggested weights measured on accounts the fit never saw. The cards then follow your
              edits live.
            </p>
          </div>
        )
      ) : (
        <>
          <div
            className={`banner ${report.verdict === 'calibrated' ? 'ok' : 'warning'}`}
            role="status"
            data-testid="calibrate-verdict"
            data-verdict={report.verdict}
          >
            <span>
              <strong>{report.verdict === 'calibrated' ? 'Calibrated.' : 'Too little signal.'}</strong>{' '}
              {report.verdictReason}
            </span>
          </div>
          <p className="muted small" data-testid="calibrate-summary">
            {report.pack}: {formatCount(report.labels.positives)} positive, {formatCount(report.labels.negatives)}{' '}
            negative, {formatCount(report.labels.excluded)} excluded (not yet a customer{' '}
            {report.labels.excludedBy.notCustomer}, expansion already open {report.labels.excludedBy.openAtAsOf},
            unknown type {report.labels.excludedBy.unknownType}) within {report.horizonDays} days of{' '}
            {report.asOf.length === 1 ? report.asOf[0] : `${report.asOf.length} as-of dates`}. {splitText(report)}
          </p>
          {report.warnings.length > 0 && (
            <ul className="calibrate-warnings small" data-testid="calibrate-warnings">
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <MetricCards baseline={c.live.baseline} draft={c.live.draft} report={report} />
          {c.live.note && <p className="muted small">{c.live.note}</p>}
          <DrillDown />
          <div className="calibrate-grid">
            <ChartCard title="Gains: conversions captured from the top">
              {(width) => (
                <GainsChart
                  baseline={c.live.baseline}
                  draft={c.live.draft}
                  baselineAsCalibrated={same(model.baseline, c.calibrated)}
                  draftAsCalibrated={same(model.draft, c.calibrated)}
                  report={report}
                  width={width}
                />
              )}
            </ChartCard>
            <ChartCard title="Reliability: predicted vs observed">
              {(width) => <ReliabilityChart report={report} width={width} />}
            </ChartCard>
          </div>
          <StageTables model={report.model} />
          {model.draft && <SuggestedWeights report={report} draft={model.draft} />}
          <section className="card">
            <h3>Signals on the training part</h3>
            <SignalTable signals={report.signals} />
          </section>
          <div className="calibrate-grid">
            <ChartCard title="Threshold scan">{(width) => <ScanChart report={report} width={width} />}</ChartCard>
            <ChartCard title="ROC AUC per as-of date">
              {(width) => (
                <>
                  <DatesChart report={report} width={width} />
                  <p className="muted small">
                    Grey: the model as calibrated (bar: 95 % CI; hollow: training dates). Green diamonds: suggested
                    weights.
                  </p>
                </>
              )}
            </ChartCard>
          </div>
        </>
      )}
    </div>
  );
}
