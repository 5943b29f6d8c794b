// The API's method names on their own, without schemas, so the Electron preload can check names
// without bundling zod. contract.ts must define exactly these (enforced by `satisfies` there).
import { importMethodNames } from './import-method-names';
import { exportMethodNames } from './export-method-names';
import { workbenchMethodNames } from './workbench-method-names';
import { calibrateMethodNames } from './calibrate-method-names';
import { bookMethodNames } from './book-method-names';
import { modelMethodNames } from './model-method-names';
import { dialogMethodNames, type DialogMethodName } from './dialog-method-names';

export const methodNames = [
  'app.status',
  'workspace.open',
  'workspace.create',
  'workspace.createDemo',
  'workspace.openDemo',
  'workspace.overview',
  'workspace.info',
  'workspace.recent',
  'packs.presets',
  'packs.preset',
  ...importMethodNames,
  ...exportMethodNames,
  ...workbenchMethodNames,
  ...calibrateMethodNames,
  ...bookMethodNames,
  ...modelMethodNames,
  ...dialogMethodNames,
] as const;

export type MethodName = (typeof methodNames)[number];
/** The methods the backend implements: all but the desktop-only dialogs. */
export type BackendMethodName = Exclude<MethodName, DialogMethodName>;
