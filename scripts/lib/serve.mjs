// A tiny static file server on the loopback interface (127.0.0.1, a free port), for fixture pages.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/**
 * Serves the files of `dir` read-only. Returns `{ origin, url(name), requests, close() }`; `url('a.html')`
 * is the address of `dir/a.html`; `requests` lists every request received (path, Origin and Referer).
 * Options: `pages` adds pages built in memory (name → builder, called once); `htmlCharset: false` serves
 * HTML without a charset in the header, so the page's own `<meta charset>` decides.
 * @param {string} dir
 * @param {{ pages?: Record<string, () => string>, htmlCharset?: boolean }} [options]
 */
export async function serveDir(dir, { pages = {}, htmlCharset = true } = {}) {
  const root = path.resolve(dir);
  /** @type {Array<{ path: string, origin: string | null, referer: string | null }>} */
  const requests = [];
  /** @type {Map<string, string>} */
  const built = new Map();
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname, search } = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ path: pathname + search, origin: req.headers.origin ?? null, referer: req.headers.referer ?? null });
      const file = path.resolve(root, '.' + decodeURIComponent(pathname));
      if (!file.startsWith(root + path.sep) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      const name = path.relative(root, file);
      if (pages[name] && !built.has(name)) built.set(name, pages[name]());
      const body = built.get(name) ?? (await fs.readFile(file));
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        'content-type': htmlCharset || !type.startsWith('text/html') ? type : 'text/html',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (name) => `${origin}/${name.replace(/^\/+/, '')}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
