import { parse } from '#shared/expr/parser';
import { checkExpression } from '#shared/expr/check';
import { ExprError } from '#shared/expr/ast';

const known = (name: string) =>
  ['seats_used', 'seats_licensed', 'active_users', 'health_score'].includes(name)
    ? ({ type: 'number', level: 'period' } as const)
    : undefined;

function errorOf(source: string): ExprError {
  try {
    checkExpression(parse(source), known);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return e as ExprError;
  }
  throw new Error(`expected "${source}" to be rejected`);
}

describe('parser', () => {
  it('follows precedence: * before +, comparison before and, and before or', () => {
    expect(parse('1 + 2 * 3')).toMatchObject({ kind: 'binary', op: '+', right: { op: '*' } });
    expect(parse('a > 1 and b < 2 or c == 3')).toMatchObject({
      op: 'or',
      left: { op: 'and', left: { op: '>' }, right: { op: '<' } },
    });
    expect(parse('not a > 1')).toMatchObject({ kind: 'unary', op: 'not', operand: { op: '>' } });
    expect(parse('(1 + 2) * 3')).toMatchObject({ op: '*', left: { op: '+' } });
    expect(parse('-3')).toMatchObject({ kind: 'number', value: -3 });
    expect(parse('a && b || !c')).toMatchObject({ op: 'or', left: { op: 'and' }, right: { kind: 'unary', op: 'not' } });
  });

  it('reports syntax errors with the position of the offending characters', () => {
    const cases: [string, RegExp, number][] = [
      ['seats_used / ', /ends too early/, 13],
      ['seats_used $ 2', /Unexpected character "\$"/, 11],
      ['(seats_used', /Expected "\)"/, 11],
      ['1 < 2 < 3', /cannot be chained/, 6],
      ['min(1, 2', /Expected "\)" to close min/, 8],
      ['12abc', /is not a number/, 0],
      ['seats_used seats_licensed', /Unexpected "seats_licensed"/, 11],
    ];
    for (const [source, message, start] of cases) {
      const error = errorOf(source);
      expect(error.message).toMatch(message);
      expect(error.span.start).toBe(start);
    }
  });

  it('type-checks names, functions, kinds and constant division by zero', () => {
    expect(errorOf('seats_used / seat_count').message).toBe('Unknown metric "seat_count".');
    expect(errorOf('seats_used / seat_count').span).toMatchObject({ start: 13, end: 23 });
    expect(errorOf('frobnicate(seats_used)').message).toBe('Unknown function "frobnicate".');
    expect(errorOf('seats_used / 0').message).toBe('Division by zero.');
    expect(errorOf('seats_used and health_score > 3').message).toMatch(/needs a condition/);
    expect(errorOf('(seats_used > 1) + 2').message).toMatch(/needs a number/);
    expect(errorOf('delta(seats_used)').message).toMatch(/wrong number of arguments/);
    expect(errorOf('delta(seats_used, n)').message).toMatch(/days must be a whole number/);
    expect(errorOf('delta(seats_used, 0)').message).toMatch(/between 1 and 3660/);
    expect(errorOf('rolling_mean(delta(seats_used, 30), 4)').message).toMatch(
      /cannot be used inside another window function/,
    );
    expect(errorOf('consecutive(seats_used)').message).toMatch(/needs a condition/);
    expect(errorOf('abs(1, 2)').message).toBe('abs() takes 1 arguments.');
  });

  it('refuses deep nesting and very long input through the typed error path', () => {
    expect(errorOf(`${'('.repeat(100)}1${')'.repeat(100)}`).message).toMatch(/nests more than 64 levels/);
    expect(errorOf('-'.repeat(200) + '1').message).toMatch(/nests more than 64 levels/);
    expect(errorOf(`${'1 + '.repeat(1200)}1`).message).toMatch(/too long/);
  });

  it('treats __proto__ and constructor as ordinary unknown names', () => {
    expect(errorOf('__proto__ + 1').message).toBe('Unknown metric "__proto__".');
    expect(errorOf('constructor(1)').message).toBe('Unknown function "constructor".');
    expect(errorOf('toString(1)').message).toBe('Unknown function "toString".');
  });
});
