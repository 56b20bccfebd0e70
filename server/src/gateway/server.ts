// The gateway: one HTTP server carrying the web app, the JSON API (/api), the socket.io hub
// (/socket.io) and the plain WebSocket stream (/stream).
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import type { Listener } from '../bus/event-bus.ts';
import { ROOT } from '../paths.ts';
import { StoreIndex } from '../store/index-db.ts';
import { type IndexReader, SqliteIndex } from '../store/index-interfaces.ts';
import { Access, isLoopback, tokenCookie } from './access.ts';
import { guardEntryPoints } from './entry-guard.ts';
import { logGatewayFault } from './gateway-log.ts';
import { BAD_TARGET, requestUrl, sameOriginPath } from './request-target.ts';
import { createApi } from './api.ts';
import { FeedRegistry } from './feed-registry.ts';
import { type HubOptions, attachHub } from './hub.ts';
import { HttpError, sendError, sendJson } from './http-util.ts';
import { serveStatic } from './static-files.ts';
import { StreamEndpoint, refuse } from './stream.ts';

export const DEFAULT_PORT = 7420;
const SOCKET_IO_PATH = '/socket.io';
export const WEB_DIST = resolve(ROOT, 'web', 'dist');

export interface GatewayOptions {
  /** The index the API reads (SQLite or PostgreSQL); a StoreIndex is read as it is. */
  store: StoreIndex | IndexReader;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  /** When the port is taken, try the next ones (for the default port only). */
  portFallback?: boolean;
  /** Required unless `host` is a loopback address. */
  token?: string | null;
  webDist?: string;
  /** How often log-tailing feeds poll events.jsonl. */
  pollMs?: number;
  hub?: HubOptions;
  /** The ladders' folders (<runs>/ladders) the API serves; none when absent. */
  ladders?: string | null;
}

export interface Gateway {
  /** Base URL (with ?token= when a token is set). */
  readonly url: string;
  readonly port: number;
  readonly registry: FeedRegistry;
  /** Bus listener of a tournament running in this process (register it before it starts). */
  live(tournamentId: string): Listener;
  /** Connected socket.io clients and /stream clients. */
  clients(): { sockets: number; streams: number };
  close(): Promise<void>;
}

export class GatewayConfigError extends Error {}

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const host = o.host ?? '127.0.0.1';
  const token = o.token ?? null;
  if (!isLoopback(host) && !token) {
    throw new GatewayConfigError(
      `binding ${host} makes the web view reachable from other machines, so it needs an access token: ` +
        'pass --token <secret> (or set CODEARENA_TOKEN); viewers then open the printed URL ending in ?token=<secret>',
    );
  }
  const access = new Access(token);
  const dist = o.webDist ?? WEB_DIST;
  const store = o.store instanceof StoreIndex ? new SqliteIndex(o.store) : o.store;
  const registry = new FeedRegistry(store, o.pollMs);
  const handleApi = createApi({ store, registry, ladders: o.ladders ?? null });
  const stream = new StreamEndpoint(registry);

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void | Promise<void> => {
    const url = requestUrl(req.url);
    if (!url) throw new HttpError(400, BAD_TARGET);
    const allowed = access.check(req, url);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (!allowed.ok) {
      if (isApi) throw new HttpError(allowed.status, allowed.error);
      res.writeHead(allowed.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${allowed.error}\n`);
      return;
    }
    if (isApi) return handleApi(req, res, url);
    if (allowed.viaQuery && token) {
      // A page visit with ?token=: remember it in a cookie and drop it from the address bar. The
      // target is a path of this server only (`//evil.example` would be another host).
      url.searchParams.delete('token');
      res.writeHead(302, { Location: sameOriginPath(url), 'Set-Cookie': tokenCookie(token) });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: `${req.method} not allowed` });
      return;
    }
    serveStatic(dist, url.pathname, res);
  };
  const http = createServer((req, res) => {
    try {
      handleRequest(req, res)?.catch((e: unknown) => sendError(res, e));
    } catch (e) {
      sendError(res, e);
    }
  });

  const io = new SocketServer(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const url = requestUrl(req.url);
      const r = url ? access.check(req, url, { socket: true }) : { ok: false as const, error: BAD_TARGET };
      if (!r.ok) logGatewayFault('socket.io handshake refused', r.error);
      callback(r.ok ? null : r.error, r.ok);
    },
  });
  attachHub(io, registry, o.hub);

  // socket.io (engine.io) takes every request and upgrade whose raw target starts with its
  // path; the rest are ours. The same raw test here, so no request is taken by both or neither.
  const forSocketIo = (req: IncomingMessage) => (req.url ?? '').startsWith(`${SOCKET_IO_PATH}/`);
  http.on('upgrade', (req, socket, head) => {
    if (forSocketIo(req)) return;
    const url = requestUrl(req.url);
    if (!url) return refuse(socket, 400, BAD_TARGET);
    if (url.pathname !== '/stream')
      return refuse(socket, 404, `no WebSocket endpoint ${url.pathname}; use /stream or socket.io`);
    const allowed = access.check(req, url, { socket: true });
    if (!allowed.ok) return refuse(socket, allowed.status, allowed.error);
    stream.upgrade(req, socket, head, url).catch((e: unknown) => {
      logGatewayFault('/stream upgrade failed', e);
      socket.destroy();
    });
  });
  guardEntryPoints(http);

  const port = await listen(http, host, o.port ?? DEFAULT_PORT, o.portFallback ?? false);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  return {
    url,
    port,
    registry,
    live(tournamentId) {
      return registry.createLive(tournamentId).accept;
    },
    clients: () => ({ sockets: io.of('/').sockets.size, streams: stream.clients }),
    async close() {
      stream.close();
      registry.close();
      await new Promise<void>((done) => {
        io.close(() => done());
        http.closeAllConnections();
      });
    },
  };
}

async function listen(http: HttpServer, host: string, port: number, fallback: boolean): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((ok, fail) => {
        const onError = (e: Error) => fail(e);
        http.once('error', onError);
        http.listen(port + attempt, host, () => {
          http.off('error', onError);
          ok();
        });
      });
      return (http.address() as AddressInfo).port;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && fallback && port !== 0 && attempt < 20) continue;
      if (code === 'EADDRINUSE')
        throw new GatewayConfigError(
          `port ${port + attempt} on ${host} is in use; pass --port <n> (0 = any free port)`,
        );
      if (code === 'EADDRNOTAVAIL')
        throw new GatewayConfigError(`cannot bind ${host}: no such address on this machine`);
      throw e;
    }
  }
}
