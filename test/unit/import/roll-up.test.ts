// Rolling many rows per account up into one (issue 9, "roll up into accounts"): which rows are
// still active, how each field is merged, and how the mapping picks the column to roll up by.
import type { ColumnPlan } from '#shared/import/mapping';
import { emptyProfile, finishProfile, observe } from '#shared/import/profile';
import {
  activityColumns,
  activityRule,
  createActivityReader,
  rollUpSentence,
  rollUpValues,
  ruleOf,
  settle,
} from '#shared/import/roll-up';
import { suggestPlan } from '#shared/import/suggest';

const profiles = (columns: (string | null)[][]) =>
  columns.map((values) => {
    const p = emptyProfile();
    for (const v of values) observe(p, v);
    return finishProfile(p);
  });

/** A Stripe-style subscriptions export: two customers, one with a cancelled and a live subscription. */
const stripe = {
  headers: ['id', 'Customer ID', 'Quantity', 'Status', 'Start (UTC)', 'Canceled At (UTC)'],
  columns: [
    ['sub_1', 'sub_2', 'sub_3', 'sub_4'],
    ['cus_A', 'cus_A', 'cus_B', 'cus_B'],
    ['5', '10', '3', '6'],
    ['canceled', 'active', 'active', 'trialing'],
    ['2023-01-05 10:00', '2023-07-05 10:00', '2023-05-01 12:00', '2024-02-01 12:00'],
    ['2023-06-20 09:00', null, null, null],
  ],
};

describe('which rows of an account are active', () => {
  const plan = suggestPlan({
    kind: 'accounts',
    headers: stripe.headers,
    profiles: profiles(stripe.columns),
    spec: { rollUp: true },
  });
  const cols = activityColumns(plan.columns);

  it('finds the status, the cancelled date and the start among the columns', () => {
    expect(cols.status?.source).toBe('Status');
    expect(cols.endedAt.map((c) => c.source)).toEqual(['Canceled At (UTC)']);
    expect(cols.start?.source).toBe('Start (UTC)');
    expect(activityRule(cols)).toBe(
      'a row counts as active unless "Status" reads as ended (churned, cancelled, expired…), or "Canceled At (UTC)" is filled and the status is blank',
    );
  });

  it('a status that reads as ended ends a row; trialing or past_due do not; a blank status leaves the dates to decide', () => {
    const read = createActivityReader(cols);
    const row = (status: string | null, cancelled: string | null) =>
      read((c) => (c.source === 'Status' ? status : c.source === 'Canceled At (UTC)' ? cancelled : undefined));
    expect(row('canceled', null)).toMatchObject({ active: false, endedBy: 'status' });
    expect(row('Churned', null)).toMatchObject({ active: false, endedBy: 'status' });
    expect(row('trialing', null)).toMatchObject({ active: true, endedBy: null });
    expect(row('past_due', '2024-01-01T00:00:00')).toMatchObject({ active: true });
    expect(row(null, '2024-01-01T00:00:00')).toMatchObject({ active: false, endedBy: 'ended date' });
    expect(row(null, null)).toMatchObject({ active: null, endedBy: null });
  });

  it('a churn flag ends a row whatever the status says, and an "active" flag that is false does too', () => {
    const flags = suggestPlan({
      kind: 'accounts',
      headers: ['account_id', 'churn_flag', 'Is Active', 'status'],
      profiles: profiles([
        ['A', 'A'],
        ['true', 'false'],
        ['true', 'false'],
        ['active', 'active'],
      ]),
      spec: { rollUp: true },
    });
    const c = activityColumns(flags.columns);
    expect(c.flags.map((f) => [f.column.source, f.endedWhen])).toEqual([
      ['churn_flag', true],
      ['Is Active', false],
    ]);
    const read = createActivityReader(c);
    const at = (churn: boolean, active: boolean) =>
      read((col) => (col.source === 'churn_flag' ? churn : col.source === 'Is Active' ? active : 'active'));
    expect(at(true, true)).toMatchObject({ active: false, endedBy: 'flag' });
    expect(at(false, false)).toMatchObject({ active: false, endedBy: 'flag' });
    expect(at(false, true)).toMatchObject({ active: true });
  });

  it('without a status or flag, an end date before the account’s latest start means the row was replaced', () => {
    const open = { active: null, endedBy: null, start: '2023-01-01', end: '2023-12-31' };
    expect(settle(open, '2024-01-01')).toEqual({ active: false, endedBy: 'replaced' });
    expect(settle(open, '2023-01-01')).toEqual({ active: true, endedBy: null });
    expect(settle({ ...open, end: null }, '2024-01-01')).toEqual({ active: true, endedBy: null });
    expect(settle({ ...open, active: false, endedBy: 'status' }, null)).toEqual({ active: false, endedBy: 'status' });
  });
});

describe('merging an account’s rows', () => {
  const columns = ['id', 'name', 'arr', 'seats_licensed', 'contract_start', 'renewal_date', 'tier', 'custom'];
  const rules = columns.map((c) => ruleOf(c, 'id'));
  const row = (active: boolean, values: unknown[]) => ({ active, values });

  it('sums ARR and seats over active rows; the contract start is the earliest, the renewal the earliest active one', () => {
    const merged = rollUpValues(
      [
        row(false, ['A', 'Acme', 6000, 10, '2022-01-01', '2023-01-01', 'Basic', '{"end":"2022-12-31","mrr":500}']),
        row(true, ['A', 'Acme', 18000, 20, '2023-01-01', '2024-06-30', 'Pro', '{"mrr":1500}']),
        row(true, ['A', null, 1200, 5, '2023-06-01', '2024-03-31', null, null]),
      ],
      rules,
    );
    expect(merged).toEqual(['A', 'Acme', 19200, 25, '2022-01-01', '2024-03-31', 'Pro', '{"mrr":1500}']);
  });

  it('a live account shows nothing from its ended rows: a replaced subscription’s end date or plan does not leak', () => {
    const merged = rollUpValues(
      [
        row(false, ['A', 'Acme', 6000, 10, null, '2023-01-01', 'Basic', '{"end":"2022-12-31"}']),
        row(true, ['A', null, 18000, null, null, null, null, '{"mrr":1500}']),
      ],
      rules,
    );
    expect(merged).toEqual(['A', null, 18000, null, null, null, null, '{"mrr":1500}']);
  });

  it('a churned account has ARR and seats 0 and keeps what its last rows said', () => {
    const merged = rollUpValues(
      [
        row(false, ['B', 'Globex', 14400, 15, '2023-03-01', '2024-02-29', 'Pro', '{"churn_flag":true,"mrr":1200}']),
        row(false, ['B', 'Globex Inc', 3000, null, '2024-01-01', null, null, '{"mrr":250}']),
      ],
      rules,
    );
    expect(merged).toEqual([
      'B',
      'Globex Inc',
      0,
      0,
      '2023-03-01',
      '2024-02-29',
      'Pro',
      '{"churn_flag":true,"mrr":250}',
    ]);
  });

  it('a column blank on every row stays blank rather than 0', () => {
    const merged = rollUpValues([row(true, ['C', 'C', null, null, null, null, null, null])], rules);
    expect(merged.slice(2, 4)).toEqual([null, null]);
  });

  it('custom fields named like prototype keys stay plain data', () => {
    const merged = rollUpValues([row(true, ['D', 'D', 1, 1, null, null, null, '{"__proto__":{"x":1},"a":2}'])], rules);
    expect(JSON.parse(merged[7] as string)).toEqual(JSON.parse('{"__proto__":{"x":1},"a":2}'));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('says what happened, naming the columns that ended rows', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: stripe.headers,
      profiles: profiles(stripe.columns),
      spec: { rollUp: true },
    });
    const sentence = rollUpSentence(
      {
        keyColumn: 'Customer ID',
        rows: 1200,
        accounts: 400,
        activeRows: 1000,
        ended: { flag: 0, status: 150, 'ended date': 30, replaced: 20 },
      },
      activityColumns(plan.columns),
    );
    expect(sentence).toBe(
      '1,200 rows rolled up into 400 accounts (one per "Customer ID"): ARR and seats are sums over the 1,000 active rows; 200 ended rows count for neither (150 by their "Status", 30 by "Canceled At (UTC)", 20 replaced by a later row of their account).',
    );
  });
});

describe('the mapping when rolling up', () => {
  const plan = (rollUp: boolean) =>
    suggestPlan({
      kind: 'accounts',
      headers: stripe.headers,
      profiles: profiles(stripe.columns),
      spec: rollUp ? { rollUp } : {},
    });
  const keyOf = (p: ReturnType<typeof plan>) => p.columns.find((c) => c.field === 'account_id') as ColumnPlan;

  it('rolls up by the customer column that repeats, not by the unique subscription id, and says why', () => {
    const p = plan(true);
    expect(keyOf(p).source).toBe('Customer ID');
    expect(p.columns[0]).toMatchObject({ source: 'id', field: null });
    expect(p.columns[0]!.detail).toContain('not the Account ID: the rows are rolled up by "Customer ID"');
    expect(p.blockers).toEqual([]);
    expect(p.notes).toContain(
      '4 rows name 2 distinct "Customer ID" values (2.0 rows each): rolled up into one account per "Customer ID" (ARR and seats summed over its active rows). A row counts as active unless "Status" reads as ended (churned, cancelled, expired…), or "Canceled At (UTC)" is filled and the status is blank.',
    );
  });

  it('without roll-up, the customer column is still the key, so the grain stops the import', () => {
    // Not one account per subscription: the bare "id" names the subscription, not the customer.
    const p = plan(false);
    expect(keyOf(p).source).toBe('Customer ID');
    expect(p.columns[0]).toMatchObject({ source: 'id', field: null });
    expect(p.columns[0]!.detail).toContain('"id" names each row, and "Customer ID" names the account');
    expect(p.blockers).toEqual([
      '4 rows name 2 distinct "Customer ID" values (2.0 rows each): this looks like subscriptions, not one row per account. Import it as outcomes or events, or roll it up into accounts (one row per "Customer ID": ARR the sum of its active rows, seats their sum).',
    ]);
  });

  it('a roll-up key must not be blank; asked to roll up unique rows, it says that nothing may change', () => {
    const blanks = suggestPlan({
      kind: 'accounts',
      headers: ['Customer ID', 'Account ID'],
      profiles: profiles([
        ['A', null, 'B', 'B'],
        ['X', 'X', 'Y', 'Y'],
      ]),
      spec: { rollUp: true },
    });
    expect(keyOf(blanks).source).toBe('Account ID');
    expect(blanks.columns[0]!.detail).toContain('"Customer ID" is blank in 1 of 4 rows');
    const unique = suggestPlan({
      kind: 'accounts',
      headers: ['Account ID'],
      profiles: profiles([['A', 'B', 'C']]),
      spec: { rollUp: true },
    });
    expect(unique.notes).toEqual([
      'Rolling up may change nothing: "Account ID" has 3 distinct values in 3 rows, none blank.',
    ]);
  });

  it('is refused for other kinds', () => {
    const p = suggestPlan({
      kind: 'users',
      headers: ['user_id'],
      profiles: profiles([['u1']]),
      spec: { rollUp: true },
    });
    expect(p.blockers).toContain('Rolling rows up applies to accounts imports only, not to users.');
  });
});
