// A small static server for a built dist/, standing in for production hosting in the
// benchmarks: gzip for text, long immutable caching for /_astro/ (hashed names), `/x/` →
// x/index.html, and 404.html with status 404 for anything missing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

/** The file under `root` that `pathname` names, or undefined. */
function resolveFile(root, pathname) {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * Serves `root` on 127.0.0.1:`port`.
 *
 * @param {string} root - Absolute path of a built site (dist/).
 * @param {number} port - A free port (the benchmarks use 4377–4399).
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function serveDir(root, port) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let file = resolveFile(root, pathname);
    let status = 200;
    if (file === undefined) {
      status = 404;
      file = join(root, '404.html');
    }
    const extension = extname(file);
    let body = readFileSync(file);
    const headers = { 'content-type': types[extension] ?? 'application/octet-stream' };
    headers['cache-control'] = pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (compressible.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
