import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { createBackendDispatch } from '../../api/backend-dispatch';
import { startBrowserServer } from '../../http/server';
import { rendererDir } from '../../paths';
import { createSession, openInitialWorkspace, closeWorkspace } from '../../session';
import { defaultDataDir } from '../../settings';
import { grantFile, grantFolder } from '../../path-grants';
import { parseArgs, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

export const serveSpec: CommandSpec = {
  name: 'serve',
  summary: 'Browser mode: serve the app and its API on 127.0.0.1 with a per-launch token.',
  usage: 'ladder serve [--workspace W] [--allow FOLDERS] [--port P] [--json]',
  options: {
    workspace: {
      kind: 'string',
      help: 'workspace to open, created empty when missing (default: the last one, else the demo)',
    },
    allow: {
      kind: 'string',
      help: `folders (separated by "${delimiter}") the page may import from, export to and open workspaces in`,
    },
    port: { kind: 'int', help: 'port on 127.0.0.1 (default: a free one)' },
    json: { kind: 'boolean', help: 'print the address as one JSON line once listening' },
    help: { kind: 'boolean', help: 'show this help' },
  },
};

export async function runServe(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(serveSpec, argv);
  const port = args.options.port as number | undefined;
  if (port !== undefined && (port < 0 || port > 65535))
    throw new UsageError('ladder serve: --port must be between 0 and 65535.');
  const session = createSession(defaultDataDir());
  const workspace = args.options.workspace as string | undefined;
  const requested = workspace ? resolve(workspace) : undefined;
  const created = requested !== undefined && !existsSync(requested);
  // The page may only touch what the user chose: the data folder, and what this command line names.
  if (requested) grantFile(session.grants, requested, 'workspace');
  const allowed = ((args.options.allow as string | undefined) ?? '').split(delimiter).filter((p) => p !== '');
  for (const folder of allowed) grantFolder(session.grants, resolve(folder));
  const opened = await openInitialWorkspace(session, requested, { create: true });
  const server = await startBrowserServer({
    dispatch: createBackendDispatch(session),
    staticDir: rendererDir(),
    uploadDir: join(session.dataDir, 'uploads'),
    port,
    onUpload: (file) => session.uploads.add(file.path),
    onLaunchCodeUsed: (next) =>
      args.options.json
        ? io.out(JSON.stringify({ nextUrl: next }))
        : io.out(`A browser tab is connected. The link works once; for another tab open ${next}`),
  });
  if (args.options.json)
    io.out(JSON.stringify({ url: server.url, port: server.port, workspace: opened.path, created }));
  else {
    if (created) io.out(`Created the empty workspace ${opened.path}.`);
    io.out(`Ladder is running in browser mode on ${server.url}  (workspace: ${opened.path}; Ctrl+C to stop)`);
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  closeWorkspace(session);
  return 0;
}
