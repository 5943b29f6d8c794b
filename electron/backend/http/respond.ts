// Replies and request bodies for browser mode: every answer carries the security headers, bodies
// are read up to a limit and answered 413 beyond it (the connection is closed after the reply, not
// reset before it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '#shared/security/csp';

export const maxBodyBytes = 16 * 1024 * 1024;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const textType = 'text/plain; charset=utf-8';
export const jsonType = 'application/json; charset=utf-8';

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), jsonType);
}

export class BodyTooLarge extends Error {
  constructor(limit: number) {
    super(`The request is larger than ${limit / 2 ** 20} MB.`);
  }
}

/** The whole body as text, or BodyTooLarge once it passes `limit` (the rest is read and dropped). */
export function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // Say so at once; the reply closes the connection, so the client need not send the rest.
      req.resume();
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** 413 with the error envelope, then close: the unread remainder of the body is not waited for. */
export function sendTooLarge(res: ServerResponse, error: BodyTooLarge): void {
  res.shouldKeepAlive = false;
  send(res, 413, JSON.stringify({ ok: false, error: { code: 'too_large', message: error.message } }), jsonType, {
    Connection: 'close',
  });
}
