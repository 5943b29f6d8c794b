// Browser mode's upload endpoint: behind the same guard as the API, streamed to a fresh folder,
// the file name stripped of any path.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { startBrowserServer, type BrowserServer } from '../../../electron/backend/http/server';
import { safeFileName } from '../../../electron/backend/http/upload';
import { createSession } from '../../../electron/backend/session';
import { tempDir } from '../../helpers/temp';

function post(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const dir = tempDir();
let server: BrowserServer;
beforeAll(async () => {
  const staticDir = join(dir.path, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  server = await startBrowserServer({
    dispatch: createBackendDispatch(createSession(dir.path)),
    staticDir,
    uploadDir: join(dir.path, 'uploads'),
  });
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

describe('POST /upload', () => {
  it('refuses a request without the launch token', async () => {
    const reply = await post(server.port, '/upload?name=a.csv', 'id\n1\n', { Host: `127.0.0.1:${server.port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses another origin even with the token', async () => {
    const reply = await post(server.port, '/upload?name=a.csv', 'id\n1\n', {
      Host: `127.0.0.1:${server.port}`,
      'X-Ladder-Token': server.token,
      Origin: 'http://evil.example',
    });
    expect(reply.status).toBe(403);
  });

  it('stores the bytes under a fresh folder, with the name stripped of any path', async () => {
    const reply = await post(
      server.port,
      `/upload?name=${encodeURIComponent('../../etc/accounts.csv')}`,
      'account_id,name\nA1,Acme\n',
      {
        Host: `127.0.0.1:${server.port}`,
        'X-Ladder-Token': server.token,
      },
    );
    expect(reply.status).toBe(200);
    const { value } = JSON.parse(reply.body) as { value: { path: string; bytes: number } };
    expect(basename(value.path)).toBe('accounts.csv');
    expect(dirname(dirname(dirname(value.path)))).toBe(join(dir.path, 'uploads'));
    expect(value.bytes).toBe(24);
    expect(readFileSync(value.path, 'utf8')).toBe('account_id,name\nA1,Acme\n');
    expect(existsSync(join(dir.path, 'etc', 'accounts.csv'))).toBe(false);
  });

  it('makes any name safe to create', () => {
    expect(safeFileName('..\\..\\win.csv')).toBe('win.csv');
    expect(safeFileName('a<b>:c|d?.csv')).toBe('a_b__c_d_.csv');
    expect(safeFileName('...')).toBe('upload');
    expect(safeFileName('')).toBe('upload');
  });
});
