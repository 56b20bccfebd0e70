// Serves the built web app (web/dist). Hashed assets are cached for good; every other path that
// is not a file gets index.html, so the app's own routes (/t/<id>, /leaderboard) load directly.
import { existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeFile } from './http-util.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveStatic(
  dist: string,
  pathname: string,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The web app is not built (web/dist is missing). Run `npm run build:web`, then reload.\n');
    return;
  }
  let file = index;
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    rel = '';
  }
  const candidate = join(dist, rel);
  if (rel && candidate.startsWith(dist + sep) && existsSync(candidate) && statSync(candidate).isFile())
    file = candidate;
  else if (extname(rel) && rel.startsWith('assets')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  const immutable = file !== index && file.startsWith(join(dist, 'assets') + sep);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  if (res.req.method === 'HEAD') res.end();
  else pipeFile(file, res);
}
