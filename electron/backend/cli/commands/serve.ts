import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBackendDispatch } from '../../api/backend-dispatch';
import { startBrowserServer } from '../../http/server';
import { rendererDir } from '../../paths';
import { createSession, openInitialWorkspace, closeWorkspace } from '../../session';
import { defaultDataDir } from '../../settings';
import { parseArgs, UsageError, type CommandSpec } from '../args';
import type { CliIo } from '../io';

export const serveSpec: CommandSpec = {
  name: 'serve',
  summary: 'Browser mode: serve the app and its API on 127.0.0.1 with a per-launch token.',
  usage: 'ladder serve [--workspace W] [--port P] [--json]',
  options: {
    workspace: {
      kind: 'string',
      help: 'workspace to open, created empty when missing (default: the last one, else the demo)',
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
  const opened = await openInitialWorkspace(session, requested, { create: true });
  const server = await startBrowserServer({ dispatch: createBackendDispatch(session), staticDir: rendererDir(), port });
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
