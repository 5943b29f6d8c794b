// The single IPC channel. The main process checks who is calling and that the call matches the
// contract, answers the few methods that need native UI itself, and relays the rest.
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { createDispatcher, validateArgs, type Handlers } from '#shared/api/dispatch';
import { isDialogMethodName, type DialogMethodName } from '#shared/api/dialog-method-names';
import type { ApiResult } from '#shared/api/result';
import type { BackendProcess } from './backend-process';
import { createPathHandles, type PathHandles } from './path-handles';
import { isTrustedSender } from './security';

export const invokeChannel = 'ladder:invoke';

export const workspaceFileFilters = [{ name: 'Ladder workspace', extensions: ['ladder', 'sqlite', 'db'] }];

export async function chooseWorkspace(window: BrowserWindow | null): Promise<{ path: string | null }> {
  const options = { title: 'Open workspace', properties: ['openFile' as const], filters: workspaceFileFilters };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
}

/** A save dialog for a new workspace file (the backend creates it; an existing file is refused). */
export async function chooseNewWorkspace(window: BrowserWindow | null): Promise<{ path: string | null }> {
  const options = { title: 'New workspace', defaultPath: 'workspace.ladder', filters: workspaceFileFilters };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return { path: result.canceled ? null : (result.filePath ?? null) };
}

export const importFileFilters = [
  {
    name: 'Data files',
    extensions: ['csv', 'tsv', 'txt', 'tab', 'xlsx', 'json', 'ndjson', 'jsonl', 'parquet', 'arrow', 'feather', 'ipc'],
  },
  { name: 'All files', extensions: ['*'] },
];

export async function chooseImportFile(window: BrowserWindow | null): Promise<{ path: string | null }> {
  const options = { title: 'Choose a file to import', properties: ['openFile' as const], filters: importFileFilters };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
}

/** A save dialog proposing the export's file name; the extension's filter keeps it. */
export async function chooseSaveFile(
  window: BrowserWindow | null,
  defaultName: string,
): Promise<{ path: string | null }> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(defaultName)?.[1];
  const options = {
    title: 'Export',
    defaultPath: defaultName,
    filters: [
      ...(extension ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }] : []),
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return { path: result.canceled ? null : (result.filePath ?? null) };
}

/** The page gets a handle for the chosen file, never its path (see path-handles.ts). */
function handleOf(handles: PathHandles, chosen: { path: string | null }, access: 'read' | 'write' | 'workspace') {
  return { path: chosen.path === null ? null : handles.issue(chosen.path, access) };
}

interface DialogContext {
  window: BrowserWindow | null;
  handles: PathHandles;
}

/** The methods only this process can answer, with their contract's argument and result types. */
export const dialogHandlers: Handlers<DialogContext, DialogMethodName> = {
  'dialog.openWorkspace': async (_args, { window, handles }) =>
    handleOf(handles, await chooseWorkspace(window), 'workspace'),
  'dialog.newWorkspace': async (_args, { window, handles }) =>
    handleOf(handles, await chooseNewWorkspace(window), 'workspace'),
  'dialog.openImportFile': async (_args, { window, handles }) =>
    handleOf(handles, await chooseImportFile(window), 'read'),
  'dialog.saveFile': async ({ defaultName }, { window, handles }) =>
    handleOf(handles, await chooseSaveFile(window, defaultName), 'write'),
};

export function registerIpc(
  backend: BackendProcess,
  getWindow: () => BrowserWindow | null,
  handles: PathHandles = createPathHandles(),
): void {
  ipcMain.handle(invokeChannel, async (event, name: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'bad_request', message: 'Calls are only accepted from the Ladder window.' } };
    }
    const checked = validateArgs(String(name), args);
    if (!checked.ok) return checked;
    if (isDialogMethodName(checked.value.name)) {
      const dialogs = createDispatcher(dialogHandlers, { window: getWindow(), handles }, (error) =>
        console.error('A dialog failed:', error),
      );
      return dialogs(checked.value.name, args);
    }
    const resolved = handles.resolve(checked.value.name, checked.value.args);
    if (!resolved.ok) return resolved;
    return backend.call(checked.value.name, resolved.value.args, resolved.value.grants);
  });
}
