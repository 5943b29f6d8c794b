// Browser mode: the built renderer and the API on 127.0.0.1, guarded by a per-launch token.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '#shared/api/dispatch';
import { contentSecurityPolicy } from '#shared/security/csp';
import { checkRequest, tokenCookieName } from './guard';
import { loadStaticFile } from './static-files';
import { receiveUpload } from './upload';
import { messageOf } from '#shared/error-message';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 16 * 1024 * 1024;
export const binaryContentType = 'application/vnd.apache.arrow.stream';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, dispatch: Dispatch): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain; charset=utf-8', { Allow: 'POST' });
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, 'Content-Type must be application/json', 'text/plain; charset=utf-8');
  }
  let args: unknown;
  try {
    const text = await readBody(req);
    args = text === '' ? {} : JSON.parse(text);
  } catch {
    const error = { ok: false, error: { code: 'bad_request', message: 'The request body is not valid JSON.' } };
    return send(res, 400, JSON.stringify(error), 'application/json; charset=utf-8');
  }
  const result = await dispatch(method, args);
  // Binary results (feature tables as Arrow IPC) go as raw bytes; everything else as JSON.
  if (result.ok && result.value instanceof Uint8Array) {
    return send(
      res,
      200,
      Buffer.from(result.value.buffer, result.value.byteOffset, result.value.byteLength),
      binaryContentType,
    );
  }
  send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(req, url, { port, token });
    if (!verdict.ok) return send(res, 403, `Forbidden: ${verdict.reason}.`, 'text/plain; charset=utf-8');
    if (verdict.tokenFromQuery && req.method === 'GET') {
      // Trade the token in the address bar for a cookie and drop it from the URL.
      const cookie = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      url.searchParams.delete('token');
      return send(res, 303, '', 'text/plain', { 'Set-Cookie': cookie, Location: url.pathname + url.search });
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain; charset=utf-8', { Allow: 'POST' });
      receiveUpload(req, url.searchParams.get('name') ?? 'upload').then(
        (file) => send(res, 200, JSON.stringify({ ok: true, value: file }), 'application/json; charset=utf-8'),
        (error: unknown) => {
          const message = `The upload failed: ${messageOf(error)}.`;
          if (!res.headersSent)
            send(
              res,
              400,
              JSON.stringify({ ok: false, error: { code: 'bad_request', message } }),
              'application/json; charset=utf-8',
            );
        },
      );
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length), options.dispatch).catch(() => {
        if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    loadStaticFile(options.staticDir, url.pathname)
      .then((file) =>
        file ? send(res, 200, file.body, file.contentType) : send(res, 404, 'Not found', 'text/plain; charset=utf-8'),
      )
      .catch(() => send(res, 500, 'Internal error', 'text/plain; charset=utf-8'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
