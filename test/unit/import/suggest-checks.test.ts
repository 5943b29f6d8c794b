// The mapping's own checks on hand-made columns: the key must be unique and non-blank (the next
// candidate is taken, with the reason), id names outrank "account" words, date fields take only
// date-like values, and a mix of "70%" and plain numbers is read on one scale and reported.
import { makeConverter } from '#shared/import/convert';
import { emptyProfile, finishProfile, observe } from '#shared/import/profile';
import { suggestPlan } from '#shared/import/suggest';

const profiles = (columns: (string | null)[][]) =>
  columns.map((values) => {
    const p = emptyProfile();
    for (const v of values) observe(p, v);
    return finishProfile(p);
  });
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('suggestions that check themselves', () => {
  it('passes over a key candidate that repeats values, saying how often, and takes the next one', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['Account', 'Customer Number ID', 'Name'],
      profiles: profiles([
        range(500, (i) => String(i % 481)),
        range(500, (i) => `C-${i}`),
        range(500, (i) => `Co ${i}`),
      ]),
    });
    const key = plan.columns.find((c) => c.field === 'account_id')!;
    expect(key.source).toBe('Customer Number ID');
    expect(key.detail).toContain('passed over: "Account" has 481 distinct values in 500 rows, "0" repeats');
    expect(plan.columns[0]).toMatchObject({ field: null });
    expect(plan.columns[0]!.detail).toMatch(/^not the Account ID: "Account" has 481 distinct values in 500 rows/);
  });

  it('blank keys are not unique either; when every candidate fails, the best one is used at low confidence', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['Account ID'],
      profiles: profiles([['A', 'B', null, 'C']]),
    });
    expect(plan.columns[0]).toMatchObject({ field: 'account_id', confidence: 0.4 });
    expect(plan.columns[0]!.detail).toContain('"Account ID" has 3 distinct values in 4 rows, 1 blank');
    expect(plan.notes[0]).toMatch(/rejected as duplicates/);
  });

  it('a date field takes whole numbers only as Excel serials or epochs', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['Id', 'Renewal (days)', 'Contract Start', 'Renewal Date'],
      profiles: profiles([
        ['1', '2'],
        ['30', '400'],
        ['45000', '45100'],
        ['1735689600', '1738368000'],
      ]),
    });
    expect(plan.columns.map((c) => [c.field, c.numericDates])).toEqual([
      ['account_id', null],
      [null, null],
      ['contract_start', 'excel'],
      ['renewal_date', 'epoch-seconds'],
    ]);
    expect(plan.columns[1]!.detail).toContain('not dates (nor plausible Excel serials or epoch times)');
  });

  it('"70%" in a 0–100 column is 70; "45%" among fractions is 0.45; both are reported', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['Id', 'Health Score', 'Adoption'],
      profiles: profiles([
        ['1', '2', '3'],
        ['81', '70%', '55'],
        ['0.2', '45%', '0.9'],
      ]),
    });
    const [, health, adoption] = plan.columns;
    expect(health).toMatchObject({ field: 'health_score', percentScale: 'hundred' });
    expect(adoption).toMatchObject({ field: null, type: 'number', percentScale: 'fraction' });
    expect(makeConverter(health!)('70%')).toBe(70);
    expect(makeConverter(health!)('81')).toBe(81);
    expect(makeConverter(adoption!)('45%')).toBe(0.45);
    expect(plan.notes).toHaveLength(2);
    expect(plan.notes[1]).toContain('the signed values are read as fractions ("45%" is 0.45)');
  });

  it('other words in a header rule a field out: a contact, a past state, a refund', () => {
    const plan = suggestPlan({
      kind: 'accounts',
      headers: ['Id', 'Contact Name', 'Last Renewal Date', 'Parent Account ID'],
      profiles: profiles([
        ['1', '2'],
        ['Ann', 'Bo'],
        ['2024-01-01', '2024-02-01'],
        ['P1', 'P1'],
      ]),
    });
    expect(plan.columns.map((c) => c.field)).toEqual(['account_id', null, null, null]);
  });
});
