// Browser-mode uploads are the user's data: a private (0700) folder under the data folder, never one
// somebody else prepared, the file gone after its import and everything gone when the server stops.
import { chownSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { startBrowserServer, type BrowserServer } from '../../../electron/backend/http/server';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../../electron/backend/session';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const isRoot = process.getuid?.() === 0;

function post(server: BrowserServer, path: string, body: string, json = true): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: 'POST',
        headers: {
          'Content-Type': json ? 'application/json' : 'application/octet-stream',
          'X-Ladder-Token': server.token,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until(server: BrowserServer, jobId: string) {
  for (;;) {
    const status = await post(server, '/api/import.job', JSON.stringify({ jobId }));
    if (['done', 'failed', 'cancelled'].includes(status.value.progress.phase)) return status.value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function serverIn(data: string, session = createSession(data)) {
  return startBrowserServer({
    dispatch: createBackendDispatch(session),
    staticDir: data,
    uploadDir: join(data, 'uploads'),
  });
}

describe('browser-mode uploads', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('land in a 0700 folder under the data folder and are deleted once imported and at exit', async () => {
    const data = join(dir.path, 'a');
    const session: Session = createSession(data);
    mkdirSync(data, { recursive: true });
    const ws = join(data, 'w.ladder');
    (await openWorkspace(ws, { create: true })).db.close();
    await switchWorkspace(session, ws);
    let uploaded: string[] = [];
    const server = await startBrowserServer({
      dispatch: createBackendDispatch(session),
      staticDir: data,
      uploadDir: join(data, 'uploads'),
      onUpload: (file) => {
        session.uploads.add(file.path);
        uploaded.push(file.path);
      },
    });
    try {
      const reply = await post(server, '/upload?name=accounts.csv', 'account_id,name\nA1,Acme\n', false);
      const path = reply.value.path as string;
      expect(uploaded).toEqual([path]);
      expect(path.startsWith(join(data, 'uploads') + '/')).toBe(true);
      for (let folder = dirname(path); folder !== data; folder = dirname(folder)) {
        expect((statSync(folder).mode & 0o777).toString(8)).toBe('700');
      }
      expect((statSync(path).mode & 0o777).toString(8)).toBe('600');

      const analysed = await until(
        server,
        (await post(server, '/api/import.analyze', JSON.stringify({ path, kind: 'accounts' }))).value.jobId,
      );
      const fileToken = analysed.result.fileToken;
      // A dry run keeps the file (the user may still commit)…
      await until(
        server,
        (await post(server, '/api/import.run', JSON.stringify({ fileToken, kind: 'accounts', spec: {}, dryRun: true })))
          .value.jobId,
      );
      expect(existsSync(path)).toBe(true);
      // …the commit removes it.
      const run = await until(
        server,
        (
          await post(
            server,
            '/api/import.run',
            JSON.stringify({ fileToken, kind: 'accounts', spec: {}, dryRun: false }),
          )
        ).value.jobId,
      );
      expect(run.error).toBeNull();
      await new Promise((r) => setTimeout(r, 0));
      expect(existsSync(path)).toBe(false);
      expect(existsSync(dirname(path))).toBe(false);

      // Another upload, never imported: gone when the server stops.
      uploaded = [];
      await post(server, '/upload?name=b.csv', 'x\n1\n', false);
      expect(existsSync(uploaded[0]!)).toBe(true);
    } finally {
      await server.close();
      closeWorkspace(session);
    }
    expect(existsSync(uploaded[0]!)).toBe(false);
    expect(readdirSync(join(data, 'uploads'))).toEqual([]);
  });

  it('removes what a crashed launch left behind, and keeps what a running one holds', async () => {
    const data = join(dir.path, 'b');
    mkdirSync(join(data, 'uploads', '999999999-dead', 'x'), { recursive: true });
    mkdirSync(join(data, 'uploads', `${process.ppid}-alive`), { recursive: true });
    const server = await serverIn(data);
    await server.close();
    expect(readdirSync(join(data, 'uploads'))).toEqual([`${process.ppid}-alive`]);
  });

  it('refuses an upload folder that is a symbolic link', async () => {
    const data = join(dir.path, 'c');
    mkdirSync(join(dir.path, 'elsewhere'), { recursive: true });
    mkdirSync(data, { recursive: true });
    symlinkSync(join(dir.path, 'elsewhere'), join(data, 'uploads'));
    await expect(serverIn(data)).rejects.toThrow(/is not a folder/);
  });

  it.skipIf(!isRoot)('refuses an upload folder another user created first (needs root to chown)', async () => {
    const data = join(dir.path, 'd');
    mkdirSync(join(data, 'uploads'), { recursive: true });
    chownSync(join(data, 'uploads'), 65534, 65534);
    await expect(serverIn(data)).rejects.toThrow(/belongs to another user/);
  });
});
