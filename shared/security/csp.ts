// One Content-Security-Policy for the desktop app's protocol handler, browser mode and index.html.
// Scripts only from the app itself: no inline scripts, no eval. Observable Plot writes inline
// style attributes and a <style> element into its SVGs, hence 'unsafe-inline' for styles only.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
