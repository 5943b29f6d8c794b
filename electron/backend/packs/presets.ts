// The preset rule packs shipped in resources/packs/, and loading a pack named on the command line
// or by the UI: `preset:NAME` or a path to a JSON file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { limits } from '#shared/pack/schema';
import { describePackIssues, type ValidPack } from '#shared/pack/validate';
import { readPack } from '#shared/pack/document';
import { resourcesDir } from '../paths';
import type { PresetInfo } from '#shared/domain/packs';

export type { PresetInfo };

const presetsDir = () => join(resourcesDir(), 'packs');

export function listPresets(): PresetInfo[] {
  return readdirSync(presetsDir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const pack = JSON.parse(readFileSync(join(presetsDir(), file), 'utf8')) as { name: string; description?: string };
      return { id: basename(file, '.json'), name: pack.name, description: pack.description ?? '' };
    });
}

/** Validates a pack file's text (JSON, or YAML when it does not start with "{"). */
export function validateOrThrow(text: string, source: string): ValidPack {
  const checked = readPack(text);
  if (!checked.ok) throw new LadderError('bad_request', describePackIssues(checked.issues, source));
  return checked.value;
}

export function loadPreset(id: string): ValidPack {
  if (!/^[a-z0-9-]+$/.test(id) || !listPresets().some((p) => p.id === id)) {
    throw new LadderError(
      'not_found',
      `There is no preset called "${id}"; the presets are ${listPresets()
        .map((p) => p.id)
        .join(', ')}.`,
    );
  }
  return validateOrThrow(readFileSync(join(presetsDir(), `${id}.json`), 'utf8'), `The preset "${id}"`);
}

/** `preset:NAME`, or a JSON or YAML file. */
export function loadPackArgument(arg: string): ValidPack {
  if (arg.startsWith('preset:')) return loadPreset(arg.slice('preset:'.length));
  let size: number;
  try {
    size = statSync(arg).size;
  } catch {
    throw new LadderError('not_found', `There is no rule pack file at ${arg}.`);
  }
  if (size > limits.packBytes)
    throw new LadderError(
      'bad_request',
      `${basename(arg)} is too large for a rule pack (${size} bytes; the limit is ${limits.packBytes}).`,
    );
  return validateOrThrow(readFileSync(arg, 'utf8'), basename(arg));
}
