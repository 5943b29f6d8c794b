// What a reader says when a library chokes on a damaged file: the file, what it should have been,
// and the library's reason when it is one a person can use; never a JavaScript internal
// ("Cannot read properties of undefined", "Maximum call stack size exceeded", …).
import { LadderError } from '#shared/api/result';
import { ImportFailure } from '../failure';

const internalWording =
  /undefined|null\b|is not a function|is not iterable|is not a constructor|call stack|typed array|array length|allocation failed|out of memory|out of range|outside the bounds|Offset|RangeError|TypeError|Cannot |Invalid (?:string|code point)|\bNaN\b|\[object /i;

/** A sentence-safe reason from a library error, or null when it only makes sense to a programmer. */
export function usableReason(error: unknown): string | null {
  if (!(error instanceof Error) || error instanceof RangeError || error instanceof TypeError) return null;
  const text = error.message.split('\n')[0]!.trim().replace(/\.$/, '');
  if (text === '' || text.length > 160 || internalWording.test(text)) return null;
  return text;
}

/** Ladder's own errors (refusals, cancellation) as they are; anything else as a specific sentence. */
export function unreadable(fileName: string, what: string, error: unknown): LadderError {
  if (error instanceof LadderError) return error;
  const reason = usableReason(error) ?? 'it is damaged or truncated';
  return new ImportFailure(`${fileName} is not a readable ${what} (${reason}).`);
}
