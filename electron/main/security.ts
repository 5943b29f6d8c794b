// Electron's security checklist, applied to every web contents the app creates.
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

export const appScheme = 'app';
export const appHost = 'ladder';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Nothing navigates: the renderer is a single page, and links never leave it. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * No camera, microphone, notifications, geolocation, clipboard reading…: the app needs none of
 * them. The one exception is writing text to the clipboard (the Export dialog's "Copy"), and only
 * for the app's own page.
 */
export function mayWriteClipboard(permission: string, url: string | undefined): boolean {
  return (
    permission === 'clipboard-sanitized-write' &&
    typeof url === 'string' &&
    (url === appOrigin || url.startsWith(`${appOrigin}/`))
  );
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayWriteClipboard(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayWriteClipboard(permission, requestingOrigin),
  );
}

/** Only the app's own top-level page, loaded from our protocol, may call the backend. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}
