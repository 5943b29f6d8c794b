// Point-in-time labels. For an as-of date T and a horizon H, an account is
//   positive  when it has a won expansion that closed in (T, T+H];
//   negative  when it has none and was a customer at T (contract start ≤ T, not churned by T);
//   excluded  when it was not a customer at T, had an expansion already open at T (its outcome is
//             no longer a prediction), or has a won outcome of unknown type in the window.
// Each exclusion is counted by reason.

export const positive = 1;
export const negative = 0;
export const notCustomer = -1;
export const openAtAsOf = -2;
export const unknownType = -3;

export interface OutcomeRecord {
  /** Index of the account in the feature table. */
  account: number;
  /** Day numbers (days since 1970-01-01); NaN when unknown. */
  openedDay: number;
  closeDay: number;
  /** 1 won, 0 lost, NaN open or unknown. */
  won: number;
  /** 1 expansion, 0 not, NaN unknown type. */
  isExpansion: number;
}

export interface Lifecycle {
  /** Contract start per account (NaN unknown: counted as a customer). */
  contractStartDay: Float64Array;
  /** First churn per account (NaN: never churned). */
  churnDay: Float64Array;
}

export interface LabelCounts {
  positives: number;
  negatives: number;
  excluded: number;
  excludedBy: { notCustomer: number; openAtAsOf: number; unknownType: number };
}

export interface LabelSet extends LabelCounts {
  /** Per account: 1, 0, or a negative exclusion code. */
  labels: Int8Array;
}

export function labelAccounts(
  lifecycle: Lifecycle,
  outcomes: readonly OutcomeRecord[],
  asOfDay: number,
  horizonDays: number,
): LabelSet {
  const n = lifecycle.contractStartDay.length;
  const open = new Uint8Array(n);
  const won = new Uint8Array(n);
  const unknown = new Uint8Array(n);
  const end = asOfDay + horizonDays;
  for (const o of outcomes) {
    const a = o.account;
    const mayBeExpansion = o.isExpansion !== 0;
    // Opened on or before T and not closed by T: the expansion was already in flight.
    if (mayBeExpansion && o.openedDay <= asOfDay && !(o.closeDay <= asOfDay)) open[a] = 1;
    if (o.won === 1 && o.closeDay > asOfDay && o.closeDay <= end) {
      if (o.isExpansion === 1) won[a] = 1;
      else if (o.isExpansion !== 0) unknown[a] = 1;
    }
  }
  const labels = new Int8Array(n);
  const counts: LabelCounts = {
    positives: 0,
    negatives: 0,
    excluded: 0,
    excludedBy: { notCustomer: 0, openAtAsOf: 0, unknownType: 0 },
  };
  for (let i = 0; i < n; i++) {
    const start = lifecycle.contractStartDay[i]!;
    const churn = lifecycle.churnDay[i]!;
    let label: number;
    if (start > asOfDay || churn <= asOfDay) label = notCustomer;
    else if (open[i]) label = openAtAsOf;
    else if (won[i]) label = positive;
    else if (unknown[i]) label = unknownType;
    else label = negative;
    labels[i] = label;
    switch (label) {
      case positive:
        counts.positives++;
        break;
      case negative:
        counts.negatives++;
        break;
      case notCustomer:
        counts.excludedBy.notCustomer++;
        break;
      case openAtAsOf:
        counts.excludedBy.openAtAsOf++;
        break;
      default:
        counts.excludedBy.unknownType++;
    }
  }
  counts.excluded = n - counts.positives - counts.negatives;
  return { labels, ...counts };
}
