// A strict little argument parser: every command declares its options; anything else is a usage
// error (exit 2) with a sentence saying what was wrong. Options that carry an argument of an API
// method name it (`arg`), and `contractArgs` checks them with the contract's own zod schema, so a
// range or a date format is written once and the CLI and the API refuse a value with one sentence.
import type { z } from 'zod';
import { zodIssues } from '#shared/issues';

/** `strings`: may be given several times; the values are collected in order. */
export type OptionKind = 'string' | 'strings' | 'int' | 'boolean';

export interface OptionSpec {
  kind: OptionKind;
  help: string;
  /** The key of the contract argument object this option fills (see contractArgs). */
  arg?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes. */
  positionals?: { min: number; max: number; names: string };
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean | string[]>;
}

export class UsageError extends Error {}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = Object.create(null) as ParsedArgs['options'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!option) throw new UsageError(`ladder ${spec.name}: unknown option --${name}.`);
    if (option.kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`ladder ${spec.name}: --${name} takes no value.`);
      options[name] = true;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`ladder ${spec.name}: --${name} needs a value.`);
    }
    if (option.kind === 'int') {
      if (!/^-?\d+$/.test(value))
        throw new UsageError(`ladder ${spec.name}: --${name} must be a whole number, not "${value}".`);
      options[name] = Number(value);
    } else if (option.kind === 'strings') {
      const list = options[name];
      options[name] = [...(Array.isArray(list) ? list : []), value];
    } else {
      options[name] = value;
    }
  }
  const { min = 0, max = 0, names = '' } = spec.positionals ?? {};
  if (positionals.length < min) throw new UsageError(`ladder ${spec.name}: missing ${names}.`);
  if (positionals.length > max) throw new UsageError(`ladder ${spec.name}: unexpected argument "${positionals[max]}".`);
  return { positionals, options };
}

export function helpText(spec: CommandSpec): string {
  const width = Math.max(...Object.keys(spec.options).map((k) => k.length)) + 4;
  const lines = Object.entries(spec.options).map(([name, o]) => `  --${name.padEnd(width)}${o.help}`);
  return `${spec.summary}\n\nUsage: ${spec.usage}\n\nOptions:\n${lines.join('\n')}\n`;
}

export function requireString(spec: CommandSpec, args: ParsedArgs, name: string): string {
  const value = args.options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`ladder ${spec.name}: --${name} is required.`);
  return value;
}

/**
 * The options that name an `arg`, over `base` (values the command computed or read from a file),
 * as the argument object of a contract schema, validated by that schema. A refusal is a usage error that names the
 * option as typed: `ladder demo: --end-date: "2024-02-30" is not a calendar date; use YYYY-MM-DD.`
 */
export function contractArgs<S extends z.ZodType>(
  spec: CommandSpec,
  args: ParsedArgs,
  schema: S,
  base: Record<string, unknown> = {},
): z.output<S> {
  const input: Record<string, unknown> = {};
  const optionOf = new Map<string, string>();
  for (const [name, option] of Object.entries(spec.options)) {
    if (!option.arg) continue;
    optionOf.set(option.arg, name);
    if (args.options[name] !== undefined) input[option.arg] = args.options[name];
  }
  const parsed = schema.safeParse({ ...base, ...input });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path[0];
  const option = typeof key === 'string' ? optionOf.get(key) : undefined;
  const [described] = zodIssues(parsed.error, 1);
  const where = option ? `--${option}` : described?.path || 'arguments';
  throw new UsageError(`ladder ${spec.name}: ${where}: ${issue?.message ?? 'invalid arguments'}`);
}
