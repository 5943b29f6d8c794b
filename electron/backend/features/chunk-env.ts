// The two evaluation environments of one chunk of accounts: per period (rows, then one gap value
// per account: what a period without a row holds) for window functions' series, and per account
// for everything else. A period metric outside a window is its value in the calendar period that
// contains the as-of date — the fill value when that period has no row.
import type { Node } from '#shared/expr/ast';
import { evaluate, type ColumnEnv } from '#shared/expr/evaluate';
import { reduceWindow, type HistoryStart } from '#shared/expr/window';
import type { ValidPack } from '#shared/pack/validate';
import type { WorkspaceHistory } from './history';
import type { PeriodChunk } from './periods';

type Call = Extract<Node, { kind: 'call' }>;

export interface ChunkContext {
  valid: ValidPack;
  chunk: PeriodChunk;
  history: WorkspaceHistory;
  historyOf: (series: Node) => HistoryStart;
  /** Account-level columns of the chunk's accounts (account fields, roster, custom fields), if `name` is one. */
  accountLevel: (name: string) => Float64Array | undefined;
  /** Custom references with no data in the workspace. */
  absent: ReadonlySet<string>;
}

/** The value of each account in the period containing the as-of date (missing before the input's history). */
function latestValues(column: Float64Array, chunk: PeriodChunk, history: HistoryStart): Float64Array {
  const { offsets, ends, periods, grain, current, accounts } = chunk.layout;
  const rows = offsets[accounts]!;
  const out = new Float64Array(accounts);
  for (let a = 0; a < accounts; a++) {
    const month = grain[a] === 1;
    const cur = month ? current.month : current.week;
    if (cur < (month ? history.month : history.week)) {
      out[a] = NaN;
      continue;
    }
    const last = (ends ? ends[a]! : offsets[a + 1]!) - 1;
    out[a] = last >= offsets[a]! && periods[last] === cur ? column[last]! : column[rows + a]!;
  }
  return out;
}

export function chunkEnvironments({ valid, chunk, history, historyOf, accountLevel, absent }: ChunkContext): {
  series: ColumnEnv;
  account: ColumnEnv;
} {
  const { offsets, accounts } = chunk.layout;
  const rows = offsets[accounts]!;
  let rowAccount: Int32Array | null = null;
  const accountOfRow = () => {
    if (rowAccount) return rowAccount;
    rowAccount = new Int32Array(rows + accounts);
    for (let a = 0; a < accounts; a++) {
      rowAccount.fill(a, offsets[a]!, offsets[a + 1]!);
      rowAccount[rows + a] = a;
    }
    return rowAccount;
  };
  const seriesMemo = new Map<string, Float64Array>();
  const accountMemo = new Map<string, Float64Array>();

  const series: ColumnEnv = {
    length: rows + accounts,
    ident(name) {
      const values = chunk.columns.get(name);
      if (values) return values;
      let memo = seriesMemo.get(name);
      if (memo) return memo;
      const derived = valid.metrics.derived.get(name);
      if (derived) memo = evaluate(derived.tree, series);
      else if (absent.has(name)) memo = new Float64Array(rows + accounts).fill(NaN);
      else {
        const perAccount = accountLevel(name);
        if (!perAccount) throw new Error(`No per-period value for "${name}".`);
        memo = Float64Array.from(accountOfRow(), (a) => perAccount[a]!);
      }
      seriesMemo.set(name, memo);
      return memo;
    },
    window() {
      throw new Error('window functions cannot be nested');
    },
  };
  const account: ColumnEnv = {
    length: accounts,
    ident(name) {
      const direct = accountLevel(name);
      if (direct) return direct;
      let memo = accountMemo.get(name);
      if (memo) return memo;
      const derived = valid.metrics.derived.get(name);
      const values = chunk.columns.get(name);
      if (derived) memo = evaluate(derived.tree, account);
      else if (values) memo = latestValues(values, chunk, history.byInput.get(name) ?? history.any);
      else if (absent.has(name)) memo = new Float64Array(accounts).fill(NaN);
      else throw new Error(`Unknown metric "${name}".`);
      accountMemo.set(name, memo);
      return memo;
    },
    window: (call: Call) => reduceWindow(call, evaluate(call.args[0]!, series), chunk.layout, historyOf(call.args[0]!)),
  };
  return { series, account };
}
