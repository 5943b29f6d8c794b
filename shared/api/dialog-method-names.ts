// Methods only Electron's main process can answer (native dialogs), without schemas. They are part
// of the one API the client calls, but no backend handler implements them: electron/main/ipc.ts
// answers them from its own typed map, and every other transport refuses them (see dialog-contract.ts).
export const dialogMethodNames = [
  'dialog.openWorkspace',
  'dialog.newWorkspace',
  'dialog.openImportFile',
  'dialog.saveFile',
] as const;

export type DialogMethodName = (typeof dialogMethodNames)[number];

export const isDialogMethodName = (name: string): name is DialogMethodName =>
  (dialogMethodNames as readonly string[]).includes(name);
