// Pass two: each cell of a planned column becomes a typed value, or INVALID with a reason the
// report shows next to the row, column and raw value. Blanks become null.
import type { FieldInfo } from './fields';
import type { ColumnPlan } from './mapping';
import type { Cell } from './profile';
import { excelSerialToDate, isNullText, parseBoolean, parseDate, parseNumber, type ParsedDate } from './values';

export const INVALID: unique symbol = Symbol('invalid');
export type Typed = string | number | boolean | null;
export type Converter = (cell: Cell) => Typed | typeof INVALID;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Loose spellings of fixed choices ("mid market", "MM", "Small business"). */
const choiceAliases: Record<string, string> = {
  mm: 'Mid-Market',
  midmarket: 'Mid-Market',
  mid: 'Mid-Market',
  smallbusiness: 'SMB',
  sme: 'SMB',
  small: 'SMB',
  ent: 'Enterprise',
  large: 'Enterprise',
  weekly: 'week',
  monthly: 'month',
  daily: 'day',
};

/** Every sample a column shows reads as one of the choices (used to suggest a choice field). */
export function samplesFitChoices(choices: readonly string[], samples: readonly string[]): boolean {
  const convert = choiceConverter(choices);
  return samples.every((s) => convert(s) !== INVALID);
}

function choiceConverter(choices: readonly string[]): Converter {
  const lookup = new Map(choices.map((c) => [squash(c), c]));
  // A choice column repeats a handful of spellings millions of times: remember each one's answer.
  const answers = new Map<string, string | null | typeof INVALID>();
  return (cell) => {
    if (cell === null) return null;
    const text = String(cell);
    const known = answers.get(text);
    if (known !== undefined) return known;
    let answer: string | null | typeof INVALID = null;
    if (text.trim() !== '') {
      const key = squash(text);
      const hit = lookup.get(key) ?? choiceAliases[key];
      answer = hit !== undefined && choices.includes(hit) ? hit : INVALID;
    }
    if (answers.size < 1000) answers.set(text, answer);
    return answer;
  };
}

function fromNumericDate(n: number, plan: ColumnPlan): ParsedDate | undefined {
  switch (plan.numericDates) {
    case 'excel':
      return excelSerialToDate(n);
    case 'epoch-seconds':
    case 'epoch-millis': {
      const ms = plan.numericDates === 'epoch-seconds' ? n * 1000 : n;
      if (!Number.isFinite(ms)) return undefined;
      const iso = new Date(ms).toISOString();
      return { date: iso.slice(0, 10), dateTime: `${iso.slice(0, 19)}Z` };
    }
    case null:
      return undefined;
  }
}

export function makeConverter(plan: ColumnPlan, field?: FieldInfo): Converter {
  if (field?.choices) return choiceConverter(field.choices);
  switch (plan.type) {
    case 'text':
      return (cell) =>
        cell === null
          ? null
          : typeof cell === 'string'
            ? cell === '' || (cell.length < 64 && cell.trim() === '')
              ? null
              : cell
            : String(cell);
    case 'number':
    case 'integer':
    case 'percent': {
      const integer = plan.type === 'integer';
      const percent = plan.type === 'percent';
      // Mixed % signs (percent-scale.ts): signed values join a 0–100 column, plain ones a 0–1 one.
      const signedTimes100 = !percent && plan.percentScale === 'hundred';
      const plainFractions = percent && plan.percentScale === 'fraction';
      return (cell) => {
        if (cell === null) return null;
        let value: number;
        let signed = false;
        if (typeof cell === 'number') value = cell;
        else if (typeof cell === 'boolean') return INVALID;
        else {
          if (isNullText(cell)) return null;
          const parsed = parseNumber(cell);
          if (!parsed) return INVALID;
          value = parsed.value;
          signed = parsed.percent;
          // 0.7 × 100 is 70.00000000000001 in binary floating point: round to 15 digits.
          if (signed && signedTimes100) value = Number((value * 100).toPrecision(15));
        }
        if (integer && !Number.isInteger(value)) return INVALID;
        if (percent && !signed && !plainFractions) {
          if (value < 0 || value > 100) return INVALID;
          value = value / 100;
        }
        return value;
      };
    }
    case 'boolean':
      return (cell) => {
        if (cell === null) return null;
        if (typeof cell === 'boolean') return cell;
        if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : INVALID;
        if (isNullText(cell)) return null;
        return parseBoolean(cell) ?? INVALID;
      };
    case 'date':
    case 'datetime': {
      const wantTime = plan.type === 'datetime';
      const order = plan.dateOrder ?? undefined;
      return (cell) => {
        if (cell === null) return null;
        let parsed: ParsedDate | undefined;
        if (typeof cell === 'number') parsed = fromNumericDate(cell, plan);
        else if (typeof cell === 'boolean') return INVALID;
        else {
          if (isNullText(cell)) return null;
          parsed =
            plan.numericDates && /^\d+(\.\d+)?$/.test(cell.trim())
              ? fromNumericDate(Number(cell), plan)
              : parseDate(cell, order);
        }
        if (!parsed) return INVALID;
        return wantTime ? (parsed.dateTime ?? parsed.date) : parsed.date;
      };
    }
  }
}

/** Why a value was refused, in words for the report. */
export function invalidReason(plan: ColumnPlan, field: FieldInfo | undefined, cell: Cell): string {
  if (field?.choices) return `not one of ${field.choices.join(', ')}`;
  switch (plan.type) {
    case 'text':
      return 'not text';
    case 'number':
      return 'not a number';
    case 'integer': {
      const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseNumber(cell)?.value : undefined;
      return n !== undefined ? 'not a whole number' : 'not a number';
    }
    case 'percent':
      return 'not a percentage (0–100, or with a % sign)';
    case 'boolean':
      return 'not a yes/no value (true/false, yes/no, y/n, 1/0)';
    case 'date':
    case 'datetime':
      if (typeof cell === 'string' && plan.dateOrder === null && /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(cell.trim()))
        return 'date order (day/month) not chosen';
      return plan.dateOrder
        ? `not a date (reading ${plan.dateOrder === 'DMY' ? 'day/month/year' : 'month/day/year'})`
        : 'not a date';
  }
}
