// Browser mode's gatekeeper. The API listens on loopback, but any web page the user visits could
// still try to reach it (DNS rebinding, cross-site fetches, form posts), and so could every other
// local service the browser talks to. So every request must name our own host exactly once and not
// come from another site; API calls must also carry the per-launch token in a header. No cookie
// carries it: cookies do not separate the ports of 127.0.0.1, so one would reach every other
// local service too.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 403; reason: string };

/** The header the page sends the token in. */
export const tokenHeader = 'x-ladder-token';

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Node keeps the first of several Host headers; a request with two is ambiguous and refused. */
function hostHeaderCount(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** Same host, same site: what every request must satisfy, the page's own files included. */
export function checkOrigin(req: IncomingMessage, config: Pick<GuardConfig, 'port'>): GuardVerdict {
  const hosts = allowedHosts(config.port);
  if (hostHeaderCount(req) !== 1) return { ok: false, status: 400, reason: 'exactly one Host header is required' };
  if (!hosts.has(req.headers.host ?? '')) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !Array.from(hosts).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: 'cross-origin request' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { ok: false, status: 403, reason: 'cross-site request' };
  }
  return { ok: true };
}

/** API calls and uploads: our host and the launch token in the X-Ladder-Token header (nowhere else). */
export function checkRequest(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  const origin = checkOrigin(req, config);
  if (!origin.ok) return origin;
  const presented = req.headers[tokenHeader];
  if (typeof presented !== 'string' || !sameSecret(presented, config.token)) {
    return { ok: false, status: 403, reason: 'missing or wrong token' };
  }
  return { ok: true };
}
