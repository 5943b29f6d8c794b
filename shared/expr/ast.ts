// Syntax tree of Ladder's metric expressions. Every node keeps its source span so errors can point
// at the exact characters.

export interface Span {
  start: number;
  end: number;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export type Node =
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'bool'; value: boolean } & Span)
  | ({ kind: 'null' } & Span)
  | ({ kind: 'ident'; name: string } & Span)
  | ({ kind: 'unary'; op: '-' | 'not'; operand: Node } & Span)
  | ({ kind: 'binary'; op: BinaryOp; left: Node; right: Node } & Span)
  | ({ kind: 'call'; name: string; args: Node[] } & Span);

export class ExprError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'ExprError';
  }
}

/** "at column 12" style location for messages shown outside an editor. */
export function describeSpan(source: string, span: Span): string {
  const before = source.slice(0, span.start);
  const line = before.split('\n').length;
  const column = span.start - before.lastIndexOf('\n');
  return line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
}
