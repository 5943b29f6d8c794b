// Serves the built renderer. Paths are resolved inside the root and anything escaping it is
// refused, through a symbolic link too (the real path must stay inside the real root); unknown
// paths without an extension fall back to index.html (client-side routes).
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let path = resolve(join(base, relative));
  if (path !== base && !path.startsWith(base + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (!info || info.isDirectory()) {
    if (extname(path) !== '') return null;
    path = join(base, 'index.html');
  }
  const [realBase, realPath] = await Promise.all([realpath(base), realpath(path)]).catch(() => [null, null]);
  if (!realBase || !realPath || !realPath.startsWith(realBase + sep)) return null;
  const body = await readFile(realPath).catch(() => null);
  if (!body) return null;
  return { body, contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
}
