// Every backend method, declared once: name → schema of its one argument object → result type.
// The backend implements them all; Electron IPC, the browser-mode HTTP server, the CLI and the
// tests reach that one implementation through `createDispatcher`.
import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { isoDate } from './iso-date';
import { userPath } from './user-path';
import type { BackendMethodName, MethodName } from './method-names';
import { importContract } from './import-contract';
import { exportContract } from './export-contract';
import { workbenchContract } from './workbench-contract';
import { calibrateContract } from './calibrate-contract';
import { bookContract } from './book-contract';
import { modelContract } from './model-contract';
import { dialogContract } from './dialog-contract';
import type { AppStatus, Overview, RecentWorkspace, WorkspaceInfo, WorkspaceRef } from '../domain/workspace';
import type { PresetInfo } from '../domain/packs';
import type { RulePackInput } from '../pack/schema';

const noArgs = z.object({}).strict();
/** A whole number in [min, max], refused with one sentence that names the range. */
const between = (min: number, max: number) => {
  const range = `Use a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`;
  return z.number().int(range).min(min, range).max(max, range);
};

export const demoOptions = z
  .object({
    path: userPath('write').optional(),
    accounts: between(10, 2_000_000).optional(),
    seed: between(0, 2 ** 31 - 1).optional(),
    weeks: between(4, 156).optional(),
    endDate: isoDate.optional(),
    /** Replace an existing file at `path` (the default demo location is always regenerated). */
    overwrite: z.boolean().optional(),
  })
  .strict();

export const contract = {
  'app.status': method<AppStatus>()(noArgs),
  'workspace.open': method<WorkspaceRef>()(z.object({ path: userPath('workspace') }).strict()),
  /** Creates an empty workspace at `path` (refused when a file is there) and opens it. */
  'workspace.create': method<WorkspaceRef>()(z.object({ path: userPath('workspace') }).strict()),
  'workspace.createDemo': method<WorkspaceRef>()(demoOptions),
  /** Opens the demo book of business in the data folder, generating it first when it is missing. */
  'workspace.openDemo': method<WorkspaceRef>()(noArgs),
  /** With `owner`, only that CSM's accounts are counted (my book). */
  'workspace.overview': method<Overview>()(z.object({ owner: z.string().min(1).max(200).optional() }).strict()),
  'workspace.info': method<WorkspaceInfo>()(noArgs),
  'workspace.recent': method<RecentWorkspace[]>()(noArgs),
  /** The preset rule packs shipped in resources/packs. */
  'packs.presets': method<PresetInfo[]>()(noArgs),
  'packs.preset': method<RulePackInput>()(
    z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown preset.') }).strict(),
  ),
  ...importContract,
  ...exportContract,
  ...workbenchContract,
  ...calibrateContract,
  ...bookContract,
  ...modelContract,
  ...dialogContract,
} as const satisfies Record<MethodName, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type { MethodName, BackendMethodName };
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['result']>;

export { methodNames } from './method-names';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
