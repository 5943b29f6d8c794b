// Serves the renderer from app://ladder/ instead of file://, so the page has a real origin, a CSP
// header, and cannot read arbitrary local files.
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '#shared/security/csp';
import { loadStaticFile } from '../backend/http/static-files';
import { appHost, appScheme } from './security';

export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await loadStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
