// The Calibrate tab's charts, named after what they draw (see README.md): gains with a live
// baseline and an edited draft beside the suggestion, and with no conversions at all; reliability
// bins, and the single bin of a book scoring 0 everywhere; AUC per as-of date for a hold-out and
// for a time split with a gap; the threshold scan of a signal with a suggestion and of one without.
import type { PlotOptions } from '@observablehq/plot';
import {
  datesOptions,
  gainsOptions,
  reliabilityOptions,
  scanOptions,
  type GainsSeries,
} from '../../renderer/src/views/workbench/calibrate/calibrate-charts';
import type { ChartCase } from './cases';
import { holdoutReport, liveBaseline, liveDraft, liveNoPositives, timeReport, zeroReport } from './calibrate-fixtures';
import { plotElement } from './snapshot';

const plotCase = (options: PlotOptions, label: string): ChartCase => ({
  options,
  element: () => plotElement(options, label),
});
const width = 640;

const suggested = (deciles: GainsSeries['deciles'] = holdoutReport.suggested.heldOutDetail.deciles): GainsSeries => ({
  name: 'suggested',
  label: 'Suggested weights',
  deciles,
  drill: 'suggested',
});

const scanOf = (id: string) => {
  const signal = holdoutReport.signals.find((s) => s.id === id)!;
  return scanOptions(
    signal.scan,
    { current: typeof signal.threshold === 'number' ? signal.threshold : null, suggested: signal.suggestedThreshold },
    width,
  );
};

export const calibrateCases: Record<string, ChartCase> = {
  'calibrate-gains-draft-edited': plotCase(
    gainsOptions(
      [
        { name: 'baseline', label: 'Baseline', deciles: liveBaseline.deciles, drill: 'current' },
        { name: 'draft', label: 'Draft', deciles: liveDraft.deciles, drill: null },
        suggested(),
      ],
      width,
    ),
    'Gains, the draft edited since the run',
  ),
  'calibrate-gains-no-conversions': plotCase(
    gainsOptions(
      [
        { name: 'draft', label: 'Draft', deciles: liveNoPositives.deciles, drill: 'current' },
        suggested(liveNoPositives.deciles),
      ],
      width,
    ),
    'Gains, nobody converted',
  ),
  'calibrate-reliability': plotCase(reliabilityOptions(holdoutReport.model.reliability, width), 'Reliability'),
  'calibrate-reliability-one-bin': plotCase(
    reliabilityOptions(zeroReport.model.reliability, width),
    'Reliability, every account at 0',
  ),
  'calibrate-dates-holdout': plotCase(datesOptions(holdoutReport.dates, width), 'ROC AUC of one as-of date'),
  'calibrate-dates-time-split': plotCase(datesOptions(timeReport.dates, width), 'ROC AUC per as-of date, time split'),
  'calibrate-scan-promoter': plotCase(scanOf('promoter'), 'Threshold scan of promoter'),
  'calibrate-scan-depth': plotCase(scanOf('depth'), 'Threshold scan of depth'),
};
