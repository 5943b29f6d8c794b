// The desktop-only methods' argument schemas and results, and the sentence each gets where there is
// no desktop (browser mode, the CLI, tests): what to do instead.
import { z } from 'zod';
import { method } from './define';
import type { DialogMethodName } from './dialog-method-names';

const noArgs = z.object({}).strict();

export const dialogContract = {
  'dialog.openWorkspace': method<{ path: string | null }>()(noArgs),
  /** A native save dialog for a new workspace file (the backend then creates it; a file there is refused). */
  'dialog.newWorkspace': method<{ path: string | null }>()(noArgs),
  'dialog.openImportFile': method<{ path: string | null }>()(noArgs),
  /** A native save dialog proposing the export's file name. */
  'dialog.saveFile': method<{ path: string | null }>()(z.object({ defaultName: z.string().min(1).max(255) }).strict()),
} as const;

export const withoutDesktop: Record<DialogMethodName, string> = {
  'dialog.openWorkspace': 'Native file dialogs are only available in the desktop app; type the workspace path instead.',
  'dialog.newWorkspace':
    'Native file dialogs are only available in the desktop app; type the path of the new workspace instead.',
  'dialog.openImportFile':
    'Native file dialogs are only available in the desktop app; drop the file on the page or choose it with the file picker.',
  'dialog.saveFile':
    'Native save dialogs are only available in the desktop app; the browser downloads the file instead.',
};
