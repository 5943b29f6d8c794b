// Browser mode's HTTP endpoint: only our own page, with the launch token, on our own host.
import { request } from 'node:http';
import { join } from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../electron/backend/http/server';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { createSession, closeWorkspace, switchWorkspace, type Session } from '../../electron/backend/session';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const dir = tempDir();
let server: BrowserServer;
let session: Session;
let host: string;

beforeAll(async () => {
  const staticDir = join(dir.path, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Ladder</title>');
  writeFileSync(join(dir.path, 'secret.txt'), 'do not serve');
  session = createSession(dir.path);
  (await openWorkspace(join(dir.path, 'w.ladder'), { create: true })).db.close();
  await switchWorkspace(session, join(dir.path, 'w.ladder'));
  symlinkSync(join(dir.path, 'secret.txt'), join(staticDir, 'linked.txt'));
  server = await startBrowserServer({
    dispatch: createBackendDispatch(session),
    staticDir,
    uploadDir: join(dir.path, 'uploads'),
  });
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  closeWorkspace(session);
  dir.cleanup();
});

const api = (headers: Record<string, string>) =>
  send(server.port, '/api/app.status', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Host: host, ...headers },
    body: '{}',
  });

describe('browser mode guard', () => {
  it('serves the API with the right token', async () => {
    const reply = await api({ 'X-Ladder-Token': server.token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { workspace: { name: 'w.ladder' } } });
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('403 without a token or with a wrong one; the token only counts in its header', async () => {
    expect((await api({})).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': 'guess' })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': `${server.token}x` })).status).toBe(403);
    const inQuery = await send(server.port, `/api/app.status?token=${server.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: host },
      body: '{}',
    });
    expect(inQuery.status).toBe(403);
    const inCookie = await api({ Cookie: `ladder_token_${server.port}=${server.token}; ladder_token=${server.token}` });
    expect(inCookie.status).toBe(403);
  });

  it('serves the page itself without a token, and never sets a cookie', async () => {
    const page = await send(server.port, '/', { headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Ladder</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await send(server.port, '/?token=x', { headers: { Host: host } })).headers['set-cookie']).toBeUndefined();
  });

  it('403 for a foreign Host header, even with the token (DNS rebinding)', async () => {
    expect((await api({ 'X-Ladder-Token': server.token, Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': server.token, Host: '127.0.0.1:1' })).status).toBe(403);
  });

  it('403 for cross-origin requests, even with the token', async () => {
    expect((await api({ 'X-Ladder-Token': server.token, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': server.token, Origin: 'null' })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': server.token, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': server.token, Origin: `http://${host}` })).status).toBe(200);
  });

  it('prints a one-time launch link in the fragment; redeeming it gives the token once', async () => {
    const link = new URL(server.url);
    expect(link.search).toBe('');
    const code = new URLSearchParams(link.hash.slice(1)).get('launch')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const redeem = (value: string, headers: Record<string, string> = {}) =>
      send(server.port, '/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Host: host, Origin: `http://${host}`, ...headers },
        body: JSON.stringify({ code: value }),
      });
    expect((await redeem(code, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    const first = await redeem(code);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token: server.token } });
    const again = await redeem(code);
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body).error.message).toMatch(/already been used/);
    // The next link works, once.
    const next = new URLSearchParams(new URL(server.url).hash.slice(1)).get('launch')!;
    expect(next).not.toBe(code);
    expect((await redeem(next)).status).toBe(200);
  });

  it('refuses two Host headers (400), whatever they say', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/app.status',
          method: 'POST',
          headers: [
            'Host',
            host,
            'Host',
            'evil.example',
            'Content-Type',
            'application/json',
            'X-Ladder-Token',
            server.token,
          ],
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(reply).toBe(400);
  });

  it('answers 413 with a sentence, not a connection reset, to a request over 16 MB', async () => {
    const reply = await send(server.port, '/api/app.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: host, 'X-Ladder-Token': server.token },
      body: `{"x":"${'a'.repeat(17 * 2 ** 20)}"}`,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { message: 'The request is larger than 16 MB.' },
    });
  });

  it('does not follow a symbolic link out of the renderer folder', async () => {
    const linked = await send(server.port, '/linked.txt', { headers: { Host: host } });
    expect(linked.status).toBe(404);
    expect(linked.body).not.toContain('do not serve');
  });

  it('refuses form posts and paths outside the renderer folder', async () => {
    const form = await send(server.port, '/api/app.status', {
      method: 'POST',
      headers: { Host: host, 'X-Ladder-Token': server.token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const escape = await send(server.port, '/..%2fsecret.txt', {
      headers: { Host: host, 'X-Ladder-Token': server.token },
    });
    expect(escape.body).not.toContain('do not serve');
  });

  it('answers bad JSON and unknown methods with the error envelope', async () => {
    const bad = await send(server.port, '/api/app.status', {
      method: 'POST',
      headers: { Host: host, 'X-Ladder-Token': server.token, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await send(server.port, '/api/__proto__', {
      method: 'POST',
      headers: { Host: host, 'X-Ladder-Token': server.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
