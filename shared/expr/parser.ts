// Recursive-descent parser: precedence or < and < not < comparison < + - < * / < unary.
// Nesting is bounded so hostile input cannot exhaust the stack.
import { ExprError, type BinaryOp, type Node } from './ast';
import { tokenize, type Token } from './lexer';

export const maxNestingDepth = 64;

const comparison: Record<string, BinaryOp> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '!=': '!=' };

export function parse(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isOp = (t: Token, ...texts: string[]) => (t.kind === 'op' || t.kind === 'ident') && texts.includes(t.text);

  const enter = (at: Token) => {
    if (++depth > maxNestingDepth)
      throw new ExprError(`The expression nests more than ${maxNestingDepth} levels deep.`, at);
  };

  const binary = (op: BinaryOp, left: Node, right: Node): Node => ({
    kind: 'binary',
    op,
    left,
    right,
    start: left.start,
    end: right.end,
  });

  function orExpr(): Node {
    let left = andExpr();
    while (isOp(peek(), 'or', '||')) {
      next();
      left = binary('or', left, andExpr());
    }
    return left;
  }
  function andExpr(): Node {
    let left = notExpr();
    while (isOp(peek(), 'and', '&&')) {
      next();
      left = binary('and', left, notExpr());
    }
    return left;
  }
  function notExpr(): Node {
    const t = peek();
    if (isOp(t, 'not', '!')) {
      next();
      enter(t);
      const operand = notExpr();
      depth--;
      return { kind: 'unary', op: 'not', operand, start: t.start, end: operand.end };
    }
    return compareExpr();
  }
  function compareExpr(): Node {
    const left = addExpr();
    const t = peek();
    if (t.kind === 'op' && comparison[t.text]) {
      next();
      const right = addExpr();
      if (peek().kind === 'op' && comparison[peek().text]) {
        throw new ExprError('Comparisons cannot be chained; combine them with "and".', peek());
      }
      return binary(comparison[t.text]!, left, right);
    }
    return left;
  }
  function addExpr(): Node {
    let left = mulExpr();
    while (isOp(peek(), '+', '-')) {
      const op = next().text as '+' | '-';
      left = binary(op, left, mulExpr());
    }
    return left;
  }
  function mulExpr(): Node {
    let left = unaryExpr();
    while (isOp(peek(), '*', '/')) {
      const op = next().text as '*' | '/';
      left = binary(op, left, unaryExpr());
    }
    return left;
  }
  function unaryExpr(): Node {
    const t = peek();
    if (isOp(t, '-')) {
      next();
      enter(t);
      const operand = unaryExpr();
      depth--;
      if (operand.kind === 'number') return { kind: 'number', value: -operand.value, start: t.start, end: operand.end };
      return { kind: 'unary', op: '-', operand, start: t.start, end: operand.end };
    }
    return primary();
  }
  function primary(): Node {
    const t = next();
    switch (t.kind) {
      case 'number': {
        const value = Number(t.text);
        if (!Number.isFinite(value)) throw new ExprError(`${t.text} is too large.`, t);
        return { kind: 'number', value, start: t.start, end: t.end };
      }
      case 'ident': {
        const lower = t.text.toLowerCase();
        if (lower === 'true' || lower === 'false')
          return { kind: 'bool', value: lower === 'true', start: t.start, end: t.end };
        if (lower === 'null') return { kind: 'null', start: t.start, end: t.end };
        if (['and', 'or', 'not'].includes(lower)) throw new ExprError(`"${t.text}" needs a value on its left.`, t);
        if (peek().kind !== '(') return { kind: 'ident', name: t.text, start: t.start, end: t.end };
        next();
        enter(t);
        const args: Node[] = [];
        if (peek().kind !== ')') {
          do args.push(orExpr());
          while (peek().kind === ',' && next());
        }
        const close = next();
        if (close.kind !== ')') throw new ExprError(`Expected ")" to close ${t.text}(…).`, close);
        depth--;
        return { kind: 'call', name: t.text, args, start: t.start, end: close.end };
      }
      case '(': {
        enter(t);
        const inner = orExpr();
        const close = next();
        if (close.kind !== ')') throw new ExprError('Expected ")".', close);
        depth--;
        return { ...inner, start: t.start, end: close.end };
      }
      case 'end':
        throw new ExprError('The expression ends too early.', t);
      default:
        throw new ExprError(`Unexpected "${t.text}".`, t);
    }
  }

  const tree = orExpr();
  const rest = peek();
  if (rest.kind !== 'end') throw new ExprError(`Unexpected "${rest.text}" after the end of the expression.`, rest);
  return tree;
}
