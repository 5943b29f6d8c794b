// An account-level expression as a JSON Logic rule with the engine's missing-value rules. JSON
// Logic turns null into 0 in arithmetic and comparisons, so every operator checks its operands
// first; to evaluate each operand once (not once per check), operands are bound with `reduce`,
// whose body sees exactly {accumulator, current}: reduce over [b] starting from a gives the body
// a as "accumulator" and b as "current". Values are numbers or null; conditions true/false/null.
import type { Node } from '../expr/ast';
import type { Rule } from './jsonlogic';

const acc: Rule = { var: 'accumulator' };
const cur: Rule = { var: 'current' };
const isNull = (r: Rule): Rule => ({ '===': [r, null] });
const eitherNull: Rule = { or: [isNull(acc), isNull(cur)] };

/** Evaluates a and b once each, then body over {accumulator: a, current: b}. */
const bind2 = (a: Rule, b: Rule, body: Rule): Rule => ({ reduce: [[b], body, a] });
/** Evaluates a once, then body over {current: a}. */
const bind1 = (a: Rule, body: Rule): Rule => ({ reduce: [[a], body, null] });

const jsonOps = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '===', '!=': '!==' } as const;

export function exprJsonLogic(node: Node, ident: (name: string) => Rule, isBool: (name: string) => boolean): Rule {
  const rule = (n: Node) => exprJsonLogic(n, ident, isBool);
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'bool':
      return node.value;
    case 'null':
      return null;
    case 'ident':
      // Conditions stored as 0/1 numbers (e.g. economic_buyer_known) read as true/false.
      return isBool(node.name)
        ? bind1(ident(node.name), { if: [isNull(cur), null, { '===': [cur, 1] }] })
        : ident(node.name);
    case 'unary':
      return node.op === '-'
        ? bind1(rule(node.operand), { if: [isNull(cur), null, { '-': [cur] }] })
        : bind1(rule(node.operand), { if: [isNull(cur), null, { '!': [cur] }] });
    case 'binary': {
      const l = rule(node.left);
      const r = rule(node.right);
      switch (node.op) {
        case '+':
        case '-':
        case '*':
          return bind2(l, r, { if: [eitherNull, null, { [node.op]: [acc, cur] }] });
        case '/':
          return bind2(l, r, {
            if: [{ or: [isNull(acc), isNull(cur), { '===': [cur, 0] }] }, null, { '/': [acc, cur] }],
          });
        case 'and':
          return bind2(l, r, {
            if: [{ or: [{ '===': [acc, false] }, { '===': [cur, false] }] }, false, eitherNull, null, true],
          });
        case 'or':
          return bind2(l, r, {
            if: [{ or: [{ '===': [acc, true] }, { '===': [cur, true] }] }, true, eitherNull, null, false],
          });
        default:
          return bind2(l, r, { if: [eitherNull, null, { [jsonOps[node.op]]: [acc, cur] }] });
      }
    }
    case 'call': {
      const args = node.args.map(rule);
      switch (node.name) {
        case 'abs':
          return bind1(args[0]!, { if: [isNull(cur), null, { '<': [cur, 0] }, { '-': [cur] }, cur] });
        case 'min':
        case 'max':
          // The engine's loop: skip missing values, keep the smaller (larger) one.
          return {
            reduce: [
              args,
              {
                if: [isNull(cur), acc, isNull(acc), cur, { [node.name === 'min' ? '<' : '>']: [cur, acc] }, cur, acc],
              },
              null,
            ],
          };
        case 'coalesce':
          return { reduce: [args, { if: [isNull(acc), cur, acc] }, null] };
        case 'if':
          return { if: [{ '===': [args[0]!, true] }, args[1]!, args[2]!] };
        default:
          throw new Error(`${node.name}() is a window function; it cannot be compiled over the features relation.`);
      }
    }
  }
}

/** −0 becomes 0 (as in the engine's output); null stays null. */
export const normalisedNumber = (r: Rule): Rule => bind1(r, { if: [isNull(cur), null, { '+': [cur, 0] }] });
