// The Calibrate tab's charts; every mark drills to its accounts.
import { memo, useMemo } from 'react';
import type { LiveMetrics } from '#shared/calibrate/live';
import type { CalibrationReport } from '#shared/calibrate/report';
import { PlotFigure } from '../../../charts/PlotFigure';
import {
  datesOptions,
  datesRows,
  gainsOptions,
  gainsPoints,
  reliabilityOptions,
  scanOptions,
  type GainsSeries,
} from './calibrate-charts';
import { useCalibrateStore } from './calibrate-store';
import { fixed, pct, threshold } from './format';

export const GainsChart = memo(function GainsChart(props: {
  baseline: LiveMetrics | null;
  draft: LiveMetrics | null;
  /** Whether baseline and draft are still the pack the report was computed for (so their tenths can be listed). */
  baselineAsCalibrated: boolean;
  draftAsCalibrated: boolean;
  report: CalibrationReport;
  width: number;
}) {
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const series = useMemo(() => {
    const out: GainsSeries[] = [];
    if (props.baseline)
      out.push({
        name: 'baseline',
        label: 'Baseline',
        deciles: props.baseline.deciles,
        drill: props.baselineAsCalibrated ? 'current' : null,
      });
    if (props.draft)
      out.push({
        name: 'draft',
        label: 'Draft',
        deciles: props.draft.deciles,
        drill: props.draftAsCalibrated ? 'current' : null,
      });
    out.push({
      name: 'suggested',
      label: 'Suggested weights',
      deciles: props.report.suggested.heldOutDetail.deciles,
      drill: 'suggested',
    });
    return out;
  }, [props.baseline, props.draft, props.baselineAsCalibrated, props.draftAsCalibrated, props.report]);
  const options = useMemo(() => gainsOptions(series, props.width), [series, props.width]);
  return (
    <PlotFigure
      options={options}
      label="Share of conversions captured by the best-scored accounts"
      testId="calibrate-gains"
      onMarkClick={(mark, index) => {
        const p = gainsPoints(series).selectable[index];
        if (mark !== 'gains-point' || !p?.drill) return;
        void openDrill(
          `Held-out accounts in tenth ${p.decile} of the ranking (${p.drill === 'suggested' ? 'suggested weights' : 'the model as calibrated'})`,
          { kind: 'decile', decile: p.decile, model: p.drill },
        );
      }}
    />
  );
});

export const ReliabilityChart = memo(function ReliabilityChart({
  report,
  width,
}: {
  report: CalibrationReport;
  width: number;
}) {
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const rows = report.model.reliability;
  const options = useMemo(() => reliabilityOptions(rows, width), [rows, width]);
  return (
    <PlotFigure
      options={options}
      label="Predicted against observed conversion by score"
      testId="calibrate-reliability"
      onMarkClick={(mark, index) => {
        const r = rows[index];
        if (mark !== 'reliability-bin' || !r) return;
        void openDrill(
          `Held-out accounts scoring ${r.scoreFrom === r.scoreTo ? r.scoreFrom : `${r.scoreFrom}–${r.scoreTo}`} (${r.stage}): ${pct(r.observed)} converted`,
          { kind: 'reliability', bin: index },
        );
      }}
    />
  );
});

export const DatesChart = memo(function DatesChart({ report, width }: { report: CalibrationReport; width: number }) {
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const rows = useMemo(() => datesRows(report.dates), [report]);
  const options = useMemo(() => datesOptions(report.dates, width), [report, width]);
  return (
    <PlotFigure
      options={options}
      label="ROC AUC per as-of date"
      testId="calibrate-dates"
      onMarkClick={(mark, index) => {
        const d = rows[index];
        if (mark !== 'date-auc' || !d) return;
        void openDrill(`Labelled accounts as of ${d.asOf} (AUC ${fixed(d.auc)})`, { kind: 'date', asOf: d.asOf });
      }}
    />
  );
});

export const ScanChart = memo(function ScanChart({ report, width }: { report: CalibrationReport; width: number }) {
  const id = useCalibrateStore((s) => s.scanSignal);
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const signal = report.signals.find((s) => s.id === id);
  const options = useMemo(
    () =>
      signal
        ? scanOptions(
            signal.scan,
            {
              current: typeof signal.threshold === 'number' ? signal.threshold : null,
              suggested: signal.suggestedThreshold,
            },
            width,
          )
        : null,
    [signal, width],
  );
  if (!signal) return <p className="muted small">Pick a signal in the table to see its threshold scan.</p>;
  if (!options || signal.scan.length === 0)
    return (
      <p className="muted small">
        “{signal.label}” compares with {threshold(signal.threshold)}: there is no single threshold to scan.
      </p>
    );
  return (
    <div data-testid="calibrate-scan">
      <PlotFigure
        options={options}
        label={`Threshold scan of ${signal.label}`}
        testId="calibrate-scan-chart"
        onMarkClick={(mark, index) => {
          const c = signal.scan[index];
          if (mark !== 'scan-threshold' || !c) return;
          void openDrill(
            `Training accounts “${signal.label}” would fire for at ${threshold(c.threshold)} (${c.positives} of ${c.fired} converted)`,
            { kind: 'threshold', signal: signal.id, threshold: c.threshold },
          );
        }}
      />
      <div className="table-scroll scan-table">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Threshold</th>
              <th scope="col">Quantile</th>
              <th scope="col">Fires for</th>
              <th scope="col">Converted</th>
              <th scope="col">Conversion</th>
              <th scope="col">Lift</th>
              <th scope="col">IV</th>
            </tr>
          </thead>
          <tbody>
            {signal.scan.map((c) => (
              <tr key={c.threshold} className={c.threshold === signal.suggestedThreshold ? 'selected' : undefined}>
                <td>{threshold(c.threshold)}</td>
                <td>{pct(c.quantile, 0)}</td>
                <td>
                  {c.fired} ({pct(c.fireRate)})
                </td>
                <td>{c.positives}</td>
                <td>{pct(c.conversion)}</td>
                <td>{fixed(c.lift, 2)}</td>
                <td>{fixed(c.iv, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
