// The workbench's method names (feature tables, accounts, saved models), without schemas.
export const workbenchMethodNames = [
  'features.load',
  'features.progress',
  'features.cancel',
  'accounts.detail',
  'models.list',
  'models.versions',
  'models.version',
  'models.save',
] as const;

export type WorkbenchMethodName = (typeof workbenchMethodNames)[number];
