import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { RouteHook } from './http-utils.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

const placeholder = 'LytSlot sandbox: the web chat page is not built yet.';

/** Serves the page's files from `dir` (GET only; `/` is index.html, or a placeholder without one). */
export function createStaticFiles(dir: string): RouteHook {
  const root = normalize(dir.endsWith(sep) ? dir : `${dir}${sep}`);
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const relative =
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const path = normalize(join(root, relative));
    if (!path.startsWith(root)) return false;
    const type = types[extname(path)];
    if (!type) return false;
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      if (relative !== 'index.html') return false;
      res.writeHead(200, { 'content-type': types['.html'] ?? 'text/html' });
      res.end(placeholder);
      return true;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
