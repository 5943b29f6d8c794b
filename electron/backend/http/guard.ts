// Browser mode's gatekeeper. The API listens on loopback, but any web page the user visits could
// still try to reach it (DNS rebinding, cross-site fetches, form posts). So every request must
// carry the per-launch token, name our own host, and not come from another origin.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; reason: string };

export const tokenCookieName = (port: number) => `ladder_token_${port}`;

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function checkRequest(req: IncomingMessage, url: URL, config: GuardConfig): GuardVerdict {
  const hosts = allowedHosts(config.port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) return { ok: false, reason: 'foreign Host header' };

  const origin = req.headers.origin;
  if (origin !== undefined && !Array.from(hosts).some((h) => origin === `http://${h}`)) {
    return { ok: false, reason: 'cross-origin request' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { ok: false, reason: 'cross-site request' };
  }

  const fromQuery = url.searchParams.get('token');
  const fromHeader = req.headers['x-ladder-token'];
  const fromCookie = cookieValue(req.headers.cookie, tokenCookieName(config.port));
  const presented = fromQuery ?? (typeof fromHeader === 'string' ? fromHeader : undefined) ?? fromCookie;
  if (!presented || !sameToken(presented, config.token)) return { ok: false, reason: 'missing or wrong token' };
  return { ok: true, tokenFromQuery: fromQuery !== null };
}
