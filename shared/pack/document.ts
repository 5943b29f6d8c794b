// The rule pack as a file: canonical JSON (or YAML on request) written from the validated pack, and
// reading such a file back with every problem named. Writing is canonical — keys in the schema's
// order, defaults filled in, two-space indent, one final newline — so export → import → export
// gives the same bytes.
import { parseDocument, stringify } from 'yaml';
import { limits, type RulePack } from './schema';
import { checkPack, type PackCheck } from './validate';
import { messageOf } from '../error-message';

export const packFormats = ['json', 'yaml'] as const;
export type PackFormat = (typeof packFormats)[number];

export function packToJson(pack: RulePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

const yamlHeader =
  '# Ladder rule pack (YAML form of the JSON document; resources/rule-pack.schema.json describes both).\n';

export function packToYaml(pack: RulePack): string {
  // Round-tripped through JSON first so the YAML holds exactly the JSON document's data.
  return (
    yamlHeader + stringify(JSON.parse(JSON.stringify(pack)), { indent: 2, lineWidth: 0, aliasDuplicateObjects: false })
  );
}

export function writePack(pack: RulePack, format: PackFormat): string {
  switch (format) {
    case 'json':
      return packToJson(pack);
    case 'yaml':
      return packToYaml(pack);
  }
}

/** JSON when the text starts with `{`, YAML otherwise (a JSON document is also YAML, but JSON.parse gives better errors). */
export function detectPackFormat(text: string): PackFormat {
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/**
 * Reads YAML restricted to plain data: the core schema (strings, numbers, booleans, null, lists,
 * maps), no aliases (no billion-laughs expansion), no custom tags, unique keys. Anything else is an
 * error, never code or an object with a prototype of the file's choosing.
 */
export function parseYamlData(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    customTags: [],
    strict: true,
    prettyErrors: false,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) return { ok: false, message: `The pack is not valid YAML: ${problem.message.split('\n')[0]}` };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) };
  } catch (error) {
    return {
      ok: false,
      message: `The pack is not valid YAML: ${messageOf(error)}`,
    };
  }
}

/** Validates a pack file's text (JSON or YAML). */
export function readPack(text: string, format: PackFormat = detectPackFormat(text)): PackCheck {
  if (text.length > limits.packBytes) {
    return {
      ok: false,
      issues: [
        { path: '', message: `The pack is too large (${text.length} bytes; the limit is ${limits.packBytes}).` },
      ],
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'json') return checkPack(body);
  const parsed = parseYamlData(body);
  return parsed.ok ? checkPack(parsed.value) : { ok: false, issues: [{ path: '', message: parsed.message }] };
}
