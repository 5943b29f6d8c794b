// How Ladder words problems found in a document (a rule pack, a mapping file, an API argument
// object): "where: what", the first few joined by "; ", "(and N more)". Every caller uses these, so
// the same invalid input reads the same from the CLI, the API and the UI.
import type { z } from 'zod';

export interface Issue {
  /** Where, as `signals[0].metric`; empty for the document as a whole. */
  path: string;
  message: string;
}

const plainKey = /^[A-Za-z_$][\w$-]*$/;

/**
 * One step of a path: `[0]`, `.metric`, or `["[object Object]"]` for a key that is not a plain name — a
 * key made of brackets, dots or spaces would otherwise read as more path (or as a program's own output).
 */
export const pathStep = (path: string, key: PropertyKey): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : typeof key === 'string' && plainKey.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(String(key))}]`;

/** A zod path as people write it: `signals[0].metric`. */
export const issuePath = (path: readonly PropertyKey[]): string => path.reduce<string>(pathStep, '');

export const zodIssues = (error: z.ZodError, limit = 20): Issue[] =>
  error.issues.slice(0, limit).map((issue) => ({ path: issuePath(issue.path), message: issue.message }));

/** "a.b: what; c: what (and 2 more)" — no final full stop, so callers can end the sentence. */
export function describeIssues(issues: readonly Issue[], shown = 5): string {
  if (issues.length === 0) return 'unknown problem';
  const listed = issues
    .slice(0, shown)
    .map((i) => `${i.path ? `${i.path}: ` : ''}${i.message.replace(/\.$/, '')}`)
    .join('; ');
  return issues.length > shown ? `${listed} (and ${issues.length - shown} more)` : listed;
}

/** The first problem of a failed zod parse: "path: message" (one argument object, one sentence). */
export const describeZodError = (error: z.ZodError): string => {
  const [first] = zodIssues(error, 1);
  return first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid arguments.';
};
