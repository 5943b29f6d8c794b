// From canonical records to table rows, per kind: database column names, the account each row
// belongs to (orphans are rejected), derived values (ticket kind, expansion flag), and for events
// the weekly aggregation into period metrics; accounts with many rows each can be rolled up into one
// (account-roll-up.ts).
import type { Typed } from '#shared/import/convert';
import { fieldsByKind } from '#shared/import/fields';
import type { OutcomeRules, PhraseLists } from '#shared/import/mapping';
import type { OutcomeSummary, RejectedValue } from '#shared/import/report';
import { createActivityReader, type ActivityColumns, type RollUpSummary } from '#shared/import/roll-up';
import { createTicketClassifier } from '#shared/import/ticket-kind';
import type { ImportKind } from '#shared/domain/workspace';
import type { Db } from '../../store/sqlite';
import type { Batch } from '../batch-format';
import { unpackBatch, unpackRows } from '../batch-unpack';
import type { RecordOut } from '../records';
import { createAccountLookup } from './accounts-lookup';
import { createAccountRollUp } from './account-roll-up';
import { createEventAggregator } from './events';
import { createOutcomeDeriver } from './outcome-rows';
import type { PendingRow, TableSpec, TableWriter } from './table-types';
import { createTableWriter } from './table-writer';

export interface KindWriter {
  add(records: readonly RecordOut[], rejections: RejectedValue[]): void;
  /** The same for a batch from the reader, unpacked straight into table rows where the kind allows. */
  addBatch(batch: Batch, rejections: RejectedValue[]): void;
  finish(rejections: RejectedValue[]): void;
  readonly counts: {
    inserted: number;
    updated: number;
    duplicates: number;
    orphans: number;
    periodsWritten: number;
    rejectedRows: number;
  };
  /** Outcomes: the type × won/lost/open table (after `finish`). */
  readonly outcomes: OutcomeSummary | null;
  /** Accounts rolled up: rows, accounts, active and ended rows (after `finish`). */
  readonly rollUp: RollUpSummary | null;
}

export interface KindWriterOptions {
  kind: ImportKind;
  mappedFields: ReadonlySet<string>;
  hasCustom: boolean;
  /** Source column of each mapped field, for messages. */
  sourceOf: (field: string) => string;
  phrases?: PhraseLists;
  /** Outcomes: how won and is_expansion are read. */
  outcomeRules?: OutcomeRules | null;
  /** Accounts: many rows per account are rolled up into one; these columns say which rows are active. */
  rollUp?: ActivityColumns | null;
  /** About how many rows the file has (an estimate). */
  expectedRows?: number;
}

/** Database column for a canonical field where the names differ. */
const columnOf: Record<string, string> = { account_id: 'account_key', outcome_id: 'id', ticket_id: 'id' };
const dbValue = (v: Typed | undefined): unknown => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);

export function createKindWriter(db: Db, importId: number, o: KindWriterOptions): KindWriter {
  const fields = fieldsByKind[o.kind];
  const pos = new Map(fields.map((f, i) => [f.id, i]));
  const lookup = createAccountLookup(db);
  let orphans = 0;
  let rejectedRows = 0;
  const counts = { inserted: 0, updated: 0, duplicates: 0, orphans: 0, periodsWritten: 0, rejectedRows: 0 };

  const orphan = (r: RecordOut, rejections: RejectedValue[], field: string, value: string) => {
    orphans++;
    rejectedRows++;
    const what = field === 'outcome_ref' ? 'subscription/opportunity' : field === 'user_id' ? 'user' : 'account';
    rejections.push({
      row: r.row,
      line: r.line,
      column: o.sourceOf(field),
      value,
      reason: `no ${what} "${value}" in the workspace (import ${what === 'account' ? 'accounts' : what === 'user' ? 'users' : 'outcomes'} first)`,
    });
  };
  /** The account key of a record, or undefined after rejecting it as an orphan. */
  const accountOf = (r: RecordOut, rejections: RejectedValue[]): number | undefined => {
    const id = r.values[pos.get('account_id')!];
    if (id !== undefined && id !== null) {
      const key = lookup.byAccountId(String(id));
      if (key === undefined) orphan(r, rejections, 'account_id', String(id));
      return key;
    }
    const ref = pos.has('outcome_ref') ? r.values[pos.get('outcome_ref')!] : undefined;
    if (ref !== undefined && ref !== null) {
      const key = lookup.byOutcome(String(ref));
      if (key === undefined) orphan(r, rejections, 'outcome_ref', String(ref));
      return key;
    }
    const user = o.kind === 'events' ? r.values[pos.get('user_id')!] : undefined;
    if (user !== undefined && user !== null) {
      const key = lookup.byUser(String(user));
      if (key === undefined) orphan(r, rejections, 'user_id', String(user));
      return key;
    }
    orphans++;
    rejectedRows++;
    rejections.push({
      row: r.row,
      line: r.line,
      column: o.sourceOf('account_id'),
      value: '',
      reason: 'no account for this row (account, subscription and user are all blank)',
    });
    return undefined;
  };

  if (o.kind === 'events') {
    const aggregator = createEventAggregator(db, importId, { sessions: o.mappedFields.has('session_id') });
    const add = (records: readonly RecordOut[], rejections: RejectedValue[]) => {
      for (const r of records) {
        const key = accountOf(r, rejections);
        if (key === undefined) continue;
        const v = (f: string) => r.values[pos.get(f)!];
        aggregator.add(key, String(v('timestamp')), v('user_id'), v('event_name'), v('session_id'), v('event_count'));
      }
    };
    return {
      add,
      addBatch: (batch, rejections) => add(unpackBatch(batch), rejections),
      finish(rejections) {
        const written = aggregator.finish(rejections);
        counts.inserted = written.inserted;
        counts.updated = written.updated;
        counts.periodsWritten = written.inserted + written.updated;
      },
      get counts() {
        return { ...counts, orphans, rejectedRows };
      },
      outcomes: null,
      rollUp: null,
    };
  }

  // The written columns: the key, then every mapped field, then derived ones and custom. An
  // outcome's won and is_expansion are always derived (outcome-rows.ts), from their flags if mapped.
  const derived = new Set(o.kind === 'outcomes' ? ['won', 'is_expansion'] : []);
  const mapped = fields.filter((f) => (o.mappedFields.has(f.id) || f.key) && !derived.has(f.id));
  const dbColumns = mapped.map((f) =>
    o.kind === 'accounts' && f.id === 'account_id' ? 'id' : (columnOf[f.id] ?? f.id),
  );
  const insertOnly: string[] = [];
  if (o.kind === 'accounts' && !o.mappedFields.has('name')) {
    dbColumns.push('name');
    insertOnly.push('name');
  }
  const deriver = o.kind === 'outcomes' && o.outcomeRules ? createOutcomeDeriver(o.outcomeRules) : null;
  if (deriver) dbColumns.push('won', 'is_expansion');
  let outcomes: OutcomeSummary | null = null;
  const classify = o.kind === 'tickets' ? createTicketClassifier(o.phrases) : null;
  if (classify) dbColumns.push('kind');
  if (o.hasCustom) dbColumns.push('custom');
  const keys = {
    accounts: ['id'],
    periods: ['account_key', 'period_start'],
    users: ['account_key', 'user_id'],
    outcomes: ['id'],
    tickets: ['id'],
  }[o.kind];
  const spec: TableSpec = {
    table: o.kind,
    keys,
    columns: dbColumns,
    jsonMerge: ['custom'],
    keyLabel: {
      accounts: 'account id',
      periods: 'account and period',
      users: 'account and user id',
      outcomes: 'outcome id',
      tickets: 'ticket id',
    }[o.kind],
  };
  const writer: TableWriter = createTableWriter(db, { ...spec, insertOnly, expectedRows: o.expectedRows }, importId);
  const keyField = mapped.find((f) => f.key && f.id !== 'account_id') ?? mapped[0]!;
  const rollUp = o.kind === 'accounts' && o.rollUp ? createAccountRollUp(db, dbColumns, o.sourceOf(keyField.id)) : null;
  const readActivity = o.rollUp ? createActivityReader(o.rollUp) : null;
  let rolledUp: RollUpSummary | null = null;

  // Per-row work runs millions of times: where each written field sits in a record, found once.
  const mappedAt = mapped.map((f) => (f.id === 'account_id' && o.kind !== 'accounts' ? -1 : pos.get(f.id)!));
  const nameAt = o.kind === 'accounts' ? mapped.findIndex((f) => f.id === 'name') : -1;

  // Accounts without a roll-up only pick and rename fields: a batch goes straight to table rows.
  const keyAt = mapped.indexOf(keyField);
  const direct = o.kind === 'accounts' && !rollUp && keyAt >= 0;
  const pick = [...mappedAt, ...(nameAt === -1 ? [mappedAt[0]!] : []), ...(o.hasCustom ? [fields.length] : [])];
  const orElse = pick.map((_, i) => (i === nameAt ? 0 : -1));
  const keyColumn = o.sourceOf(keyField.id);

  const add = (records: readonly RecordOut[], rejections: RejectedValue[]) => {
    const rows: PendingRow[] = [];
    for (const r of records) {
      const values: unknown[] = new Array<unknown>(mapped.length);
      let complete = true;
      for (let i = 0; i < mappedAt.length; i++) {
        const at = mappedAt[i]!;
        if (at >= 0) {
          values[i] = dbValue(r.values[at]);
          continue;
        }
        const key = accountOf(r, rejections);
        if (key === undefined) {
          complete = false;
          break;
        }
        values[i] = key;
      }
      if (!complete) continue;
      if (o.kind === 'accounts') {
        if (nameAt === -1) values.push(values[0]);
        else if (values[nameAt] === null) values[nameAt] = values[0];
      }
      if (deriver) {
        const { won, isExpansion } = deriver.derive((f) => r.values[pos.get(f)!]);
        values.push(won, isExpansion);
      }
      if (classify) {
        const text = ['subject', 'body', 'category'].map((f) => r.values[pos.get(f)!] ?? '').join(' ');
        values.push(classify(text));
      }
      if (o.hasCustom) values.push(r.custom);
      const keyValue = r.values[pos.get(keyField.id)!];
      const row = {
        values,
        row: r.row,
        line: r.line,
        keyText: String(keyValue ?? ''),
        keyColumn,
      };
      if (rollUp && readActivity) {
        const custom = r.custom ? (JSON.parse(r.custom) as Record<string, Typed>) : null;
        rollUp.add(
          row,
          readActivity((c) => (c.field ? r.values[pos.get(c.field)!] : (custom?.[c.source] ?? undefined))),
        );
      } else rows.push(row);
    }
    writer.write(rows, rejections);
  };

  return {
    add,
    addBatch(batch, rejections) {
      if (!direct) return add(unpackBatch(batch), rejections);
      const arrays = unpackRows(batch, pick, orElse, writer.rowsPerStatement);
      writer.writeArrays(arrays, { rows: batch.rows, lines: batch.lines, keyAt, keyColumn }, rejections);
    },
    finish(rejections) {
      if (rollUp) rolledUp = rollUp.finish(writer, rejections);
      writer.finish(rejections);
      if (deriver) outcomes = deriver.finish(db, importId);
    },
    get outcomes() {
      return outcomes;
    },
    get rollUp() {
      return rolledUp;
    },
    get counts() {
      return {
        ...counts,
        inserted: writer.inserted,
        updated: writer.updated,
        duplicates: writer.duplicates,
        orphans,
        rejectedRows: rejectedRows + writer.duplicates,
      };
    },
  };
}
