// Browser mode's HTTP endpoint: only our own page, with the launch token, on our own host.
import { request } from 'node:http';
import { join } from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../electron/backend/http/server';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { createSession, closeWorkspace, switchWorkspace, type Session } from '../../electron/backend/session';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';
import { mkdirSync, writeFileSync } from 'node:fs';

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
  server = await startBrowserServer({ dispatch: createBackendDispatch(session), staticDir });
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

  it('403 without a token or with a wrong one', async () => {
    expect((await api({})).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': 'guess' })).status).toBe(403);
    expect((await api({ 'X-Ladder-Token': `${server.token}x` })).status).toBe(403);
    expect((await send(server.port, '/', { headers: { Host: host } })).status).toBe(403);
    expect((await send(server.port, '/?token=wrong', { headers: { Host: host } })).status).toBe(403);
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

  it('trades the token in the URL for a strict, HttpOnly cookie that then authorises requests', async () => {
    const first = await send(server.port, `/?token=${server.token}`, { headers: { Host: host } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send(server.port, '/', { headers: { Host: host, Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Ladder</title>');
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
