// Serves the built app from dist/ on 127.0.0.1, falling back to index.html for
// app routes, as a static host with SPA rewrites would. BASE_PATH (e.g. /klassenblick/)
// serves it under that sub-path only, as a host that keeps several sites side by side.
// COMPRESS=1 sends brotli or gzip to browsers that accept it, as production hosts do.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 8081);
const basePath = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const compress = process.env.COMPRESS === '1';
const compressed = new Map();
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

async function fileFor(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, clean);
  if (candidate.startsWith(root)) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not a file: an app route.
    }
  }
  return join(root, 'index.html');
}

createServer(async (req, res) => {
  try {
    const url = req.url ?? '/';
    if (!url.startsWith(basePath)) {
      if (`${url.split('?')[0]}/` === basePath) {
        res.writeHead(301, { location: basePath });
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      }
      res.end();
      return;
    }
    const path = await fileFor(url.slice(basePath.length - 1));
    const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    let body = await readFile(path);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = !compress || extname(path) === '.png' ? null : accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
    if (encoding) {
      const key = `${encoding} ${path} ${(await stat(path)).mtimeMs}`;
      if (!compressed.has(key)) compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body));
      body = compressed.get(key);
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}${basePath}`));
