// Whitespace (TAUM, the total addressable upsell market of one account): the pack's `potential`
// section, or the default below, parsed and checked into one expression pair per segment. The
// expressions read feature columns only (no window functions), so the engine, the SQL, the JS
// module and JSON Logic all compute them from the same features relation.
import { ExprError, describeSpan, type Node } from '../expr/ast';
import { checkExpression } from '../expr/check';
import { parse } from '../expr/parser';
import type { ResolvedMetrics } from './metrics';
import { packSegments, type Potential, type RulePack } from './schema';

/** The computed column the ARR expression may read. */
export const potentialSeatsName = 'potential_seats';
/** Output columns of every scored export, after the signals and filters. */
export const potentialColumns = ['potential_seats', 'potential_arr', 'whitespace'] as const;

/**
 * The default, from the seeds' TAUM question ("how many seats could this account realistically
 * use, and what could it pay?"): a share of the company's employees could use the product — most
 * people in a small company, fewer in a large one, where only some functions fit (the same
 * size-relative reading as the 2 / 3 / 5 department thresholds) — priced at what the account pays
 * per seat today. It needs employees, seats licensed and ARR; accounts missing one have no
 * whitespace rather than a guessed one.
 */
export const defaultPotential: Potential = {
  description:
    'Default: a share of employees could realistically use the product (SMB 50 %, Mid-Market 30 %, Enterprise 15 %), priced at the current price per seat.',
  seats: 'employees * 0.3',
  arr: 'potential_seats * arr / seats_licensed',
  segmentOverrides: { SMB: { seats: 'employees * 0.5' }, Enterprise: { seats: 'employees * 0.15' } },
};

export interface PotentialVariant {
  seats: Node;
  arr: Node;
  /** The source text, for comments and explanations. */
  seatsText: string;
  arrText: string;
}

export interface CheckedPotential {
  /** From the pack, or the default. */
  source: 'pack' | 'default';
  definition: Potential;
  /** One variant per segment code (0 SMB, 1 Mid-Market, 2 Enterprise, 3 any other). */
  bySegment: [PotentialVariant, PotentialVariant, PotentialVariant, PotentialVariant];
  /** Feature columns the expressions read (metric ids, custom fields), in first-use order. */
  inputs: string[];
}

export interface PotentialIssue {
  path: string;
  message: string;
}

export const potentialOf = (pack: Pick<RulePack, 'potential'>): Potential => pack.potential ?? defaultPotential;

/** Parses and checks the potential; identifiers are the pack's metrics (categories excepted). */
export function checkPotential(
  pack: Pick<RulePack, 'potential'>,
  metrics: ResolvedMetrics,
): { potential: CheckedPotential | null; issues: PotentialIssue[] } {
  const definition = potentialOf(pack);
  const issues: PotentialIssue[] = [];
  const inputs: string[] = [];
  const compile = (text: string, path: string, seatsAllowed: boolean): Node | null => {
    try {
      const checked = checkExpression(parse(text), (name) => {
        if (seatsAllowed && name === potentialSeatsName) return { type: 'number', level: 'account' };
        const kind = metrics.kindOf(name);
        if (!kind || kind === 'category') return undefined;
        return { type: kind === 'bool' ? 'bool' : 'number', level: 'account' };
      });
      if (checked.usesWindows)
        throw new ExprError(
          'Window functions cannot be used here: define a derived metric with the window and use its id.',
          { start: 0, end: 0 },
        );
      if (checked.type !== 'number')
        throw new ExprError('This must be a number, not a condition.', { start: 0, end: 0 });
      for (const ref of checked.refs) if (ref !== potentialSeatsName && !inputs.includes(ref)) inputs.push(ref);
      return checked.tree;
    } catch (error) {
      if (!(error instanceof ExprError)) throw error;
      const where = error.span.end > 0 ? ` (at ${describeSpan(text, error.span)})` : '';
      issues.push({ path, message: `${error.message}${where}` });
      return null;
    }
  };
  const prefix = pack.potential ? 'potential' : 'potential (the default)';
  const seats = compile(definition.seats, `${prefix}.seats`, false);
  const arr = compile(definition.arr, `${prefix}.arr`, true);
  const variants: PotentialVariant[] = [];
  for (const segment of packSegments) {
    const override = definition.segmentOverrides?.[segment];
    const seatsText = override?.seats ?? definition.seats;
    const arrText = override?.arr ?? definition.arr;
    const s = override?.seats ? compile(override.seats, `${prefix}.segmentOverrides.${segment}.seats`, false) : seats;
    const a = override?.arr ? compile(override.arr, `${prefix}.segmentOverrides.${segment}.arr`, true) : arr;
    if (s && a) variants.push({ seats: s, arr: a, seatsText, arrText });
  }
  if (issues.length > 0 || !seats || !arr) return { potential: null, issues };
  variants.push({ seats, arr, seatsText: definition.seats, arrText: definition.arr });
  if (!inputs.includes('arr')) inputs.push('arr'); // whitespace compares with the ARR paid today
  return {
    potential: {
      source: pack.potential ? 'pack' : 'default',
      definition,
      bySegment: variants as CheckedPotential['bySegment'],
      inputs,
    },
    issues,
  };
}

/** Replaces `potential_seats` in an ARR expression by the seats expression (for one-pass compilers). */
export function inlineSeats(arr: Node, seats: Node): Node {
  switch (arr.kind) {
    case 'ident':
      return arr.name === potentialSeatsName ? seats : arr;
    case 'unary':
      return { ...arr, operand: inlineSeats(arr.operand, seats) };
    case 'binary':
      return { ...arr, left: inlineSeats(arr.left, seats), right: inlineSeats(arr.right, seats) };
    case 'call':
      return { ...arr, args: arr.args.map((a) => inlineSeats(a, seats)) };
    default:
      return arr;
  }
}

/** True when every segment uses the same expressions (compilers then skip the per-segment branches). */
export const sameForEverySegment = (p: CheckedPotential) =>
  p.bySegment.every((v) => v.seatsText === p.bySegment[3].seatsText && v.arrText === p.bySegment[3].arrText);
