// One calendar layout of a chunk's period rows serving every as-of date of a calibration. The rows
// are laid out once, as of the latest date; an earlier date reads each account's rows up to its own
// end (PeriodLayout.ends), so no rows are copied per date. That is the same layout the feature
// builder makes for the date alone whenever the date does not cut a merged calendar period (day
// rows of one week on both sides of it) and no account changes grain: otherwise `asOf` says so
// (null) and the caller lays the rows out for that date as before.
import { grainCode, periodOfDay, type PeriodGrain } from '#shared/periods/calendar';
import {
  layoutPeriodRows,
  type ChunkOptions,
  type PeriodChunk,
  type PeriodInput,
  type PeriodRows,
} from '../features/periods';

export interface LayoutForDates {
  /** The chunk laid out once; null when an account's rows change grain (weeks, then months). */
  asOf(options: Pick<ChunkOptions, 'asOfDay' | 'defaultGrain'>): PeriodChunk | null;
}

function changesGrain(raw: PeriodRows): boolean {
  for (let a = 0; a < raw.accounts; a++) {
    const first = raw.offsets[a]!;
    const end = raw.offsets[a + 1]!;
    for (let r = first + 1; r < end; r++) if (raw.month[r] !== raw.month[first]) return true;
  }
  return false;
}

export function layoutForDates(
  raw: PeriodRows,
  inputs: readonly PeriodInput[],
  latest: Pick<ChunkOptions, 'asOfDay' | 'defaultGrain'>,
): LayoutForDates {
  if (changesGrain(raw)) return { asOf: () => null };
  const rowDays = { first: new Int32Array(raw.days.length), last: new Int32Array(raw.days.length) };
  const full = layoutPeriodRows(raw, inputs, latest, rowDays);
  const { accounts, offsets } = full.layout;
  return {
    asOf({ asOfDay, defaultGrain }) {
      if (asOfDay > latest.asOfDay) return null;
      const ends = new Int32Array(accounts);
      const grain = full.layout.grain.slice();
      let fallback: number | undefined;
      for (let a = 0; a < accounts; a++) {
        const start = offsets[a]!;
        // The first row starting after the date (rows are in calendar order): a binary search.
        let lo = start;
        let hi = offsets[a + 1]!;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rowDays.first[mid]! > asOfDay) hi = mid;
          else lo = mid + 1;
        }
        ends[a] = lo;
        if (lo > start && rowDays.last[lo - 1]! > asOfDay) return null; // the date cuts a merged period
        if (lo === start) {
          fallback ??= grainCode[typeof defaultGrain === 'function' ? defaultGrain() : (defaultGrain as PeriodGrain)];
          grain[a] = fallback;
        }
      }
      return {
        layout: {
          ...full.layout,
          ends,
          grain,
          current: { week: periodOfDay('week', asOfDay), month: periodOfDay('month', asOfDay) },
          asOfDay,
        },
        columns: full.columns,
      };
    },
  };
}
