import { parseBoolean, parseDate, parseNumber, excelSerialToDate } from '#shared/import/values';
import { decideDateOrder, emptyProfile, inferType, observe } from '#shared/import/profile';

describe('value parsing', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['$1,200', 1200],
    ['(1,200)', -1200],
    ['-$3.50', -3.5],
    ['EUR 40', 40],
    ['12 USD', 12],
    ['85%', 0.85],
    ['1.2e3', 1200],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)?.value).toBeCloseTo(value, 10);
  });

  it.each(['1,5', '12abc', '1,23,4', '--3', ''])('refuses %j as a number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  it('reads booleans in their usual spellings and nothing else', () => {
    expect(['TRUE', 'False', 'yes', 'N', 'y', '1', '0'].map(parseBoolean)).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(parseBoolean('maybe')).toBeUndefined();
  });

  it('reads dates in both orders, 2-digit years, AM/PM and offsets', () => {
    expect(parseDate('16/10/2024', 'DMY')?.date).toBe('2024-10-16');
    expect(parseDate('02/03/24', 'MDY')?.date).toBe('2024-02-03');
    expect(parseDate('02/03/24', 'DMY')?.date).toBe('2024-03-02');
    expect(parseDate('02/23/26 08:55 PM', 'MDY')?.dateTime).toBe('2026-02-23T20:55:00');
    expect(parseDate('12/01/99 12:05 AM', 'MDY')?.dateTime).toBe('1999-12-01T00:05:00');
    expect(parseDate('2024-01-22T14:49:34.000+0000')?.dateTime).toBe('2024-01-22T14:49:34.000+00:00');
    expect(parseDate('5 Jan 2024')?.date).toBe('2024-01-05');
    expect(parseDate('Jan 5, 2024')?.date).toBe('2024-01-05');
    expect(parseDate('31/02/2024', 'DMY')).toBeUndefined();
    expect(parseDate('02/03/2024')).toBeUndefined(); // ambiguous without an order
    expect(excelSerialToDate(45000)?.date).toBe('2023-03-15');
    expect(excelSerialToDate(1)?.date).toBe('1900-01-01');
  });

  it('settles the day/month order from the whole column, and reports a column that never says', () => {
    const dayFirst = emptyProfile();
    for (const t of ['01/02/2024', '03/04/2024', '16/10/2024']) observe(dayFirst, t);
    expect(decideDateOrder(dayFirst)).toEqual({ order: 'DMY', ambiguous: false, conflicting: false });
    const ambiguous = emptyProfile();
    for (const t of ['01/02/2024', '03/04/2024', '12/12/2024']) observe(ambiguous, t);
    expect(decideDateOrder(ambiguous)).toEqual({ order: null, ambiguous: true, conflicting: false });
    const mixed = emptyProfile();
    for (const t of ['13/01/2024', '01/13/2024']) observe(mixed, t);
    expect(decideDateOrder(mixed).conflicting).toBe(true);
  });

  it('types an unmapped column only when every value fits', () => {
    const typeOf = (header: string, values: string[]) => {
      const p = emptyProfile();
      for (const v of values) observe(p, v);
      return inferType(p, header);
    };
    expect(typeOf('n', ['1', '2', ''])).toBe('integer');
    expect(typeOf('n', ['1.5', '2'])).toBe('number');
    expect(typeOf('share', ['10%', '55%'])).toBe('percent');
    expect(typeOf('zip', ['02134', '94087'])).toBe('text');
    expect(typeOf('is_trial', ['1', '0'])).toBe('boolean');
    expect(typeOf('flag', ['TRUE', 'False'])).toBe('boolean');
    expect(typeOf('when', ['2024-01-01', '2024-02-01'])).toBe('date');
    expect(typeOf('x', ['1', 'two'])).toBe('text');
  });
});
