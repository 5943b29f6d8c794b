// Browser mode: the built renderer and the API on 127.0.0.1. The page's own files are public (our
// host and site only); the API and uploads need the per-launch token in a header, which the page
// gets once from the launch code in the link Ladder prints (see launch-codes.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '#shared/api/dispatch';
import { checkOrigin, checkRequest, type GuardVerdict } from './guard';
import { createLaunchCodes } from './launch-codes';
import { BodyTooLarge, jsonType, readBody, send, sendError, sendTooLarge, textType } from './respond';
import { loadStaticFile } from './static-files';
import { openUploadFolder, receiveUpload, type UploadedFile } from './upload';
import { messageOf } from '#shared/error-message';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  /** Where this launch's private upload folder is made (removed again by close()). */
  uploadDir: string;
  port?: number;
  token?: string;
  /** An upload has landed: the session may read it (and should delete it once imported). */
  onUpload?: (file: UploadedFile) => void;
  /** A tab redeemed the launch code; `nextUrl` opens the next one. */
  onLaunchCodeUsed?: (nextUrl: string) => void;
}

export interface BrowserServer {
  /** The address to open: it carries the current one-time launch code. */
  readonly url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const binaryContentType = 'application/vnd.apache.arrow.stream';

function refuse(res: ServerResponse, verdict: Exclude<GuardVerdict, { ok: true }>): void {
  send(res, verdict.status, `Forbidden: ${verdict.reason}.`, textType);
}

function isJson(req: IncomingMessage): boolean {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  return (req.headers['content-type'] ?? '').startsWith('application/json');
}

async function readJson(req: IncomingMessage, res: ServerResponse): Promise<{ ok: true; value: unknown } | null> {
  try {
    const text = await readBody(req);
    return { ok: true, value: text === '' ? {} : JSON.parse(text) };
  } catch (error) {
    if (error instanceof BodyTooLarge) sendTooLarge(res, error);
    else sendError(res, 400, 'bad_request', 'The request body is not valid JSON.');
    return null;
  }
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, dispatch: Dispatch): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'POST only', textType, { Allow: 'POST' });
  if (!isJson(req)) return send(res, 415, 'Content-Type must be application/json', textType);
  const body = await readJson(req, res);
  if (!body) return;
  const result = await dispatch(method, body.value);
  // Binary results (feature tables as Arrow IPC) go as raw bytes; everything else as JSON.
  if (result.ok && result.value instanceof Uint8Array) {
    const bytes = result.value;
    return send(res, 200, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), binaryContentType);
  }
  send(res, 200, JSON.stringify(result), jsonType);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const codes = createLaunchCodes();
  const uploads = openUploadFolder(options.uploadDir);
  let port = options.port ?? 0;
  const link = () => `http://127.0.0.1:${port}/#launch=${codes.current()}`;

  const redeem = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, 'POST only', textType, { Allow: 'POST' });
    if (!isJson(req) || req.headers.origin === undefined) return send(res, 403, 'Forbidden.', textType);
    const body = await readJson(req, res);
    if (!body) return;
    const code = (body.value as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !codes.redeem(code)) {
      const message =
        'This link has already been used (or is not from this launch of Ladder): open the newest address Ladder printed.';
      return sendError(res, 403, 'forbidden', message);
    }
    options.onLaunchCodeUsed?.(link());
    send(res, 200, JSON.stringify({ ok: true, value: { token } }), jsonType);
  };

  const upload = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return send(res, 405, 'POST only', textType, { Allow: 'POST' });
    receiveUpload(req, url.searchParams.get('name') ?? 'upload', uploads.path).then(
      (file) => {
        options.onUpload?.(file);
        send(res, 200, JSON.stringify({ ok: true, value: file }), jsonType);
      },
      (error: unknown) => sendError(res, 400, 'bad_request', `The upload failed: ${messageOf(error)}.`),
    );
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const site = checkOrigin(req, { port });
    if (!site.ok) return refuse(res, site);
    if (url.pathname === '/session') {
      redeem(req, res).catch(() => send(res, 500, 'Internal error', textType));
      return;
    }
    if (url.pathname === '/upload' || url.pathname.startsWith('/api/')) {
      const verdict = checkRequest(req, { port, token });
      if (!verdict.ok) return refuse(res, verdict);
      if (url.pathname === '/upload') return upload(req, res, url);
      handleApi(req, res, url.pathname.slice('/api/'.length), options.dispatch).catch(() =>
        send(res, 500, 'Internal error', textType),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', textType);
    loadStaticFile(options.staticDir, url.pathname)
      .then((file) => (file ? send(res, 200, file.body, file.contentType) : send(res, 404, 'Not found', textType)))
      .catch(() => send(res, 500, 'Internal error', textType));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    get url() {
      return link();
    },
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          uploads.remove();
          resolve();
        });
      }),
  };
}
