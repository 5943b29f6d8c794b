// The renderer's API client: Electron IPC through the preload bridge when present, otherwise the
// browser-mode HTTP endpoint (same origin; the session token goes in a header, see browser-session.ts).
import { createClient, type Transport } from '#shared/api/client';
import type { LadderBridge } from '#shared/api/bridge';
import { authHeaders } from './browser-session';

declare global {
  interface Window {
    ladder?: LadderBridge;
  }
}

const ipcTransport =
  (bridge: LadderBridge): Transport =>
  (name, args) =>
    bridge.invoke(name, args);

const httpTransport: Transport = async (name, args) => {
  const response = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await authHeaders()) },
    credentials: 'omit',
    body: JSON.stringify(args ?? {}),
  });
  if (response.status === 403)
    throw new Error('this page is not authorised; open the address Ladder printed when it started');
  // Feature tables arrive as raw Arrow bytes rather than JSON.
  if (response.headers.get('Content-Type')?.startsWith('application/vnd.apache.arrow')) {
    return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
  }
  return response.json();
};

export const isDesktop = typeof window !== 'undefined' && window.ladder !== undefined;

let transport: Transport = isDesktop && window.ladder ? ipcTransport(window.ladder) : httpTransport;

export const api = createClient((name, args) => transport(name, args));

/** Tests (and embedders) call the backend another way, e.g. through its dispatcher directly. */
export function setApiTransport(next: Transport): void {
  transport = next;
}
