// Who may talk to the gateway. Bound to loopback without a token: only requests addressed to
// localhost (a Host check that defeats DNS rebinding) and, for sockets, from our own origin.
// With a token (required for any other address): the token in `Authorization: Bearer`, a
// `?token=` parameter or the cookie a page visit with `?token=` sets.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'codearena_token';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

export type AccessResult = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; error: string };

export class Access {
  private readonly digest: Buffer | null;

  constructor(token: string | null) {
    this.digest = token ? sha(token) : null;
  }

  get required(): boolean {
    return this.digest !== null;
  }

  /** Checks a request (HTTP, socket.io handshake or WebSocket upgrade). */
  check(req: IncomingMessage, url: URL, opts: { socket?: boolean } = {}): AccessResult {
    if (opts.socket && !sameOrigin(req)) return { ok: false, status: 403, error: 'cross-origin socket refused' };
    if (!this.digest) {
      const host = hostName(req.headers.host ?? '');
      if (!LOOPBACK_HOSTS.has(host) && !/^127\./.test(host)) {
        return { ok: false, status: 403, error: `this server answers to localhost only (Host: ${req.headers.host ?? 'none'})` };
      }
      return { ok: true, viaQuery: false };
    }
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && this.matches(fromQuery)) return { ok: true, viaQuery: true };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && this.matches(auth.slice(7).trim())) return { ok: true, viaQuery: false };
    const cookie = readCookie(req.headers.cookie ?? '', TOKEN_COOKIE);
    if (cookie !== null && this.matches(cookie)) return { ok: true, viaQuery: false };
    return {
      ok: false,
      status: 401,
      error: 'access token missing or wrong: open the URL `codearena serve` printed (it ends in ?token=…), or send Authorization: Bearer <token>',
    };
  }

  private matches(candidate: string): boolean {
    return this.digest !== null && timingSafeEqual(sha(candidate), this.digest);
  }
}

const sha = (s: string): Buffer => createHash('sha256').update(s).digest();

function hostName(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

/** Browsers send Origin on WebSocket and cross-site requests; programs usually send none. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export const tokenCookie = (token: string): string => `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
