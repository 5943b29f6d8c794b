// The accounts behind a number of the calibration report: a decile of the ranking, a reliability
// bin, a stage, a signal's fired accounts, an as-of date, a candidate threshold of the scan. Read
// from the run's engines, features and labels.
import type { AccountSelection, CalibrationAccount } from '#shared/api/calibrate-contract';
import { LadderError } from '#shared/api/result';
import type { BacktestState } from '#shared/calibrate/backtest';
import { segmentOfContext } from '#shared/engine/classes';
import { segmentNames, signalFeature } from '#shared/engine/features';
import { isSet } from '#shared/missing';
import type { CalibrationReport } from '#shared/calibrate/report';

interface Item {
  date: number;
  account: number;
  key: number;
}

const isHeldOut = (state: BacktestState, date: number, account: number) => {
  const part = state.dates[date]!.input.part;
  return part.kind === 'holdout' ? part.heldOut[account] === 1 : part.kind === 'test';
};
const isTraining = (state: BacktestState, date: number, account: number) => {
  const part = state.dates[date]!.input.part;
  return part.kind === 'holdout' ? part.heldOut[account] === 0 : part.kind === 'train';
};

/** The scan's comparison at a candidate threshold (the scan exists for these four operators only). */
function scanComparison(operator: string, t: number): ((value: number) => boolean) | null {
  switch (operator) {
    case '>':
      return (v) => v > t;
    case '>=':
      return (v) => v >= t;
    case '<':
      return (v) => v < t;
    case '<=':
      return (v) => v <= t;
    default:
      return null;
  }
}

function select(state: BacktestState, report: CalibrationReport, selection: AccountSelection): Item[] {
  const items: Item[] = [];
  const each = (keep: (date: number, account: number, cls: number) => boolean, keys: 'pack' | 'suggested' = 'pack') =>
    state.dates.forEach((d, k) => {
      const { engine, labels } = d.input;
      const classKeys = keys === 'pack' ? d.packKeys : d.suggestedKeys;
      for (let i = 0; i < labels.labels.length; i++) {
        if (labels.labels[i]! < 0) continue;
        const c = engine.table.of[i]!;
        if (keep(k, i, c)) items.push({ date: k, account: i, key: classKeys[c] ?? NaN });
      }
    });
  switch (selection.kind) {
    case 'decile': {
      each((k, i) => isHeldOut(state, k, i), selection.model === 'current' ? 'pack' : 'suggested');
      items.sort((a, b) => b.key - a.key || a.date - b.date || a.account - b.account);
      const n = items.length;
      return items.slice(Math.floor(((selection.decile - 1) * n) / 10), Math.floor((selection.decile * n) / 10));
    }
    case 'reliability': {
      const bin = report.model.reliability[selection.bin];
      if (!bin) throw new LadderError('bad_request', `There is no reliability bin ${selection.bin}.`);
      each((k, i) => isHeldOut(state, k, i));
      return items.filter((it) => it.key >= bin.keyFrom && it.key <= bin.keyTo);
    }
    case 'stage': {
      const stage = report.model.stages.findIndex((s) => s.id === selection.stage);
      if (stage < 0) throw new LadderError('bad_request', `There is no stage "${selection.stage}".`);
      each((k, i, c) => isHeldOut(state, k, i) && state.dates[k]!.input.engine.outcomes.stage[c] === stage);
      return items;
    }
    case 'signal': {
      const s = state.dates[0]!.input.engine.pack.signals.findIndex((x) => x.id === selection.signal);
      if (s < 0) throw new LadderError('bad_request', `There is no signal "${selection.signal}".`);
      each(
        (k, i, c) =>
          isTraining(state, k, i) &&
          ((state.dates[k]!.input.engine.table.mask[c]! >>> s) & 1) === (selection.fired ? 1 : 0),
      );
      return items;
    }
    case 'threshold': {
      const signal = state.dates[0]!.input.engine.pack.signals.find((x) => x.id === selection.signal);
      if (!signal) throw new LadderError('bad_request', `There is no signal "${selection.signal}".`);
      const compare = scanComparison(signal.operator, selection.threshold);
      if (!compare)
        throw new LadderError(
          'bad_request',
          `"${signal.label}" compares with ${signal.operator}: it has no threshold scan.`,
        );
      const key = signalFeature(signal).key;
      each((k, i) => {
        const value = state.dates[k]!.input.engine.features.columns.get(key)?.[i];
        return isTraining(state, k, i) && value !== undefined && isSet(value) && compare(value);
      });
      return items;
    }
    case 'date': {
      const k = state.dates.findIndex((d) => d.input.asOf === selection.asOf);
      if (k < 0) throw new LadderError('bad_request', `${selection.asOf} is not one of this run's as-of dates.`);
      each((date) => date === k);
      return items;
    }
  }
}

export function drillDown(
  state: BacktestState,
  report: CalibrationReport,
  names: readonly string[],
  request: { selection: AccountSelection; label?: 'positive' | 'negative'; offset?: number; limit?: number },
): { total: number; rows: CalibrationAccount[] } {
  let items = select(state, report, request.selection);
  if (request.label) {
    const want = request.label === 'positive' ? 1 : 0;
    items = items.filter((it) => state.dates[it.date]!.input.labels.labels[it.account] === want);
  }
  const scoreOf = (it: Item) => {
    const e = state.dates[it.date]!.input.engine;
    return e.outcomes.score[e.table.of[it.account]!]!;
  };
  items.sort((a, b) => b.key - a.key || scoreOf(b) - scoreOf(a) || a.date - b.date || a.account - b.account);
  const offset = request.offset ?? 0;
  const rows = items.slice(offset, offset + (request.limit ?? 200)).map((it): CalibrationAccount => {
    const d = state.dates[it.date]!.input;
    const c = d.engine.table.of[it.account]!;
    return {
      accountId: d.engine.features.accountIds[it.account]!,
      name: names[it.account] ?? '',
      asOf: d.asOf,
      part: isHeldOut(state, it.date, it.account) ? 'held out' : 'training',
      label: d.labels.labels[it.account] === 1 ? 'positive' : 'negative',
      score: d.engine.outcomes.score[c]!,
      stage: d.engine.model.stages[d.engine.outcomes.stage[c]!]!.label,
      segment: segmentNames[segmentOfContext(d.engine.table.context[c]!)]!,
    };
  });
  return { total: items.length, rows };
}
