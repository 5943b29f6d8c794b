// What templates see: every number already formatted as the app shows it, every missing value spelled out,
// so the templates need no logic. Escaping happens later, per format, in renderTemplate.
import type { FeatureValue } from '../engine/explain';
import type { Threshold } from '../pack/schema';
import type { Alert, AlertReport, AlertSignal } from './alerts';
import { formatDate, formatDecimal, formatMoney, formatPrecise } from './format';

export const unknownText = 'unknown';
export const unassigned = 'unassigned';

export function formatValue(value: FeatureValue): string {
  if (value === null) return 'missing';
  return typeof value === 'number' ? formatPrecise(value) : value;
}

export function formatThreshold(threshold: Threshold, operator?: string): string {
  if (operator === 'between' && Array.isArray(threshold))
    return `${formatValue(threshold[0]!)}–${formatValue(threshold[1]!)}`;
  if (Array.isArray(threshold)) return threshold.map((v) => formatValue(v)).join(', ');
  return formatValue(threshold);
}

export const moneyOrUnknown = (n: number | null) => (n === null ? unknownText : formatMoney(n));

export function renewalText(alert: Pick<Alert, 'renewalDate' | 'daysToRenewal'>): string {
  const d = alert.daysToRenewal;
  if (d === null || alert.renewalDate === null) return 'no renewal date';
  const date = formatDate(alert.renewalDate);
  if (d === 0) return `renews today (${date})`;
  return d > 0
    ? `renews in ${formatDecimal(d)} day${d === 1 ? '' : 's'} (${date})`
    : `renewal passed ${formatDecimal(-d)} days ago (${date})`;
}

const signalView = (s: AlertSignal) => ({
  label: s.label,
  value: formatValue(s.value),
  operator: s.operator,
  threshold: formatThreshold(s.threshold, s.operator),
  previous: formatValue(s.previousValue),
  change: s.firedBefore ? 'already firing' : 'new',
  weight: formatDecimal(s.weight),
});

export function alertView(alert: Alert) {
  return {
    name: alert.name,
    accountId: alert.accountId,
    owner: alert.ownerCsm ?? unassigned,
    accountManager: alert.ownerAm ?? unassigned,
    segment: alert.segment,
    arr: moneyOrUnknown(alert.arr),
    whitespace: moneyOrUnknown(alert.whitespace),
    score: formatDecimal(alert.score),
    previousScore: formatDecimal(alert.previousScore),
    stage: alert.stage.label,
    previousStage: alert.previousStage.label,
    urgency: alert.urgency,
    renewal: renewalText(alert),
    daysToRenewal: alert.daysToRenewal === null ? unknownText : formatDecimal(alert.daysToRenewal),
    signals: alert.signals.map(signalView),
    play: alert.play && {
      label: alert.play.label,
      ownerRole: alert.play.ownerRole,
      opening: alert.play.opening,
      questions: alert.play.questions.map((text) => ({ text })),
      steps: alert.play.steps.map((text) => ({ text })),
    },
  };
}

export type AlertView = ReturnType<typeof alertView>;

export const scopeText = (owner: string | null) => (owner === null ? 'all owners' : `owner ${owner}`);

export function reportView(report: AlertReport) {
  return {
    pack: report.pack,
    stageName: report.stage.label,
    since: formatDate(report.since),
    asOf: formatDate(report.asOf),
    scope: scopeText(report.owner),
    count: formatDecimal(report.alerts.length),
    none: `No account rose into ${report.stage.label} in this period.`,
    alerts: report.alerts.map(alertView),
  };
}
