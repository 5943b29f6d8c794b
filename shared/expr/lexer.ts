// Tokens of the expression language: numbers, identifiers, operators, parentheses and commas.
import { ExprError } from './ast';

export type TokenKind = 'number' | 'ident' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

export const maxExpressionLength = 4000;

const operators = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '<', '>', '!'];

export function tokenize(source: string): Token[] {
  if (source.length > maxExpressionLength) {
    throw new ExprError(
      `The expression is too long (${source.length} characters; the limit is ${maxExpressionLength}).`,
      { start: 0, end: 0 },
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i))!;
      i += match[0].length;
      if (/[A-Za-z_]/.test(source[i] ?? ''))
        throw new ExprError(`"${source.slice(start, i + 1)}" is not a number.`, { start, end: i + 1 });
      tokens.push({ kind: 'number', text: match[0], start, end: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i))!;
      i += match[0].length;
      tokens.push({ kind: 'ident', text: match[0], start, end: i });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, start, end: i + 1 });
      i++;
      continue;
    }
    const op = operators.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, start, end: i + op.length });
      i += op.length;
      continue;
    }
    throw new ExprError(`Unexpected character "${c}".`, { start, end: start + 1 });
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}
