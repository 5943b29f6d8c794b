// Pack text is data. A pack travels between people and tools, and its strings land in SQL, JS,
// slides, terminals and CSV files; a line break, a NUL or an escape byte is how text turns into
// something else there (a client command after a broken literal, a forged terminal line). So every
// string in a pack — values and keys, in every section, present and future — is refused when it holds
// a control character: C0 except tab, and DEL.
import { pathStep } from '../issues';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const controlCharacter = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export interface TextIssue {
  path: string;
  message: string;
}

/** U+000A and its everyday name, for the message (the character itself is never echoed). */
function describe(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<number, string> = { 0: 'NUL', 10: 'a line break', 13: 'a carriage return', 27: 'ESC' };
  return names[code] ? `${names[code]} (${hex})` : hex;
}

function problem(text: string): string | null {
  const found = controlCharacter.exec(text);
  if (!found) return null;
  return `Contains ${describe(found[0])} at character ${found.index + 1}: pack text cannot hold line breaks, NUL or other control characters (tabs are fine).`;
}

/** Every string (and key) of a parsed pack that holds a control character, with its path. */
export function controlCharacterIssues(value: unknown, path = '', issues: TextIssue[] = []): TextIssue[] {
  if (issues.length >= 20) return issues;
  if (typeof value === 'string') {
    const message = problem(value);
    if (message) issues.push({ path, message });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => controlCharacterIssues(item, pathStep(path, i), issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const message = problem(key);
      if (message) issues.push({ path: pathStep(path, key), message });
      else controlCharacterIssues(item, pathStep(path, key), issues);
    }
  }
  return issues;
}
