// Who may talk to the gateway. Bound to loopback without a token: only requests addressed to
// localhost by an exact loopback name (a Host check that defeats DNS rebinding: a rebound name
// such as 127.evil.example is not one) and, for sockets, from our own origin. With a token
// (required for any other address): the token in `Authorization: Bearer`, a `?token=`
// parameter or the cookie a page visit with `?token=` sets. Nothing here throws on any input.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'codearena_token';

/** An address to bind that only this machine can reach. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || isLoopbackIPv4(host);

/** A dotted quad in 127.0.0.0/8, written the one canonical way (no shorthand, hex or leading zeros). */
function isLoopbackIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4 || parts[0] !== '127') return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Splits a Host header into name and port; null when it is not `name[:port]` or `[v6][:port]`. */
export function parseHost(header: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(header);
  if (!m) return null;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return null;
  return { name: m[1]!.toLowerCase(), port: m[2] ?? null };
}

/** A Host header naming this machine's loopback exactly: localhost, 127.x.y.z, [::1], each with an optional port. */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  const h = parseHost(header ?? '');
  return h !== null && (h.name === 'localhost' || h.name === '[::1]' || isLoopbackIPv4(h.name));
}

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
    if (opts.socket && !sameOrigin(req))
      return { ok: false, status: 403, error: 'cross-origin socket refused: open the page from this server' };
    if (!this.digest) {
      if (!isLoopbackHostHeader(req.headers.host)) {
        return {
          ok: false,
          status: 403,
          error: `this server answers to localhost only (Host: ${JSON.stringify(req.headers.host ?? null)}); open http://127.0.0.1:<port>/`,
        };
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
      error:
        'access token missing or wrong: open the URL `codearena serve` printed (it ends in ?token=…), or send Authorization: Bearer <token>',
    };
  }

  private matches(candidate: string): boolean {
    return this.digest !== null && timingSafeEqual(sha(candidate), this.digest);
  }
}

const sha = (s: string): Buffer => createHash('sha256').update(s).digest();

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Browsers send Origin on WebSocket and cross-site requests; programs usually send none. When
 * present it must be exactly an http(s) origin naming the host and port the request was sent
 * to. A Host without a port (a proxy in front, on its default port) matches the default port
 * of either scheme.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = parseHost(req.headers.host ?? '');
  if (!host) return false;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  if ((o.protocol !== 'http:' && o.protocol !== 'https:') || o.origin !== origin) return false;
  return (
    o.hostname === host.name &&
    o.port === (host.port === null || host.port === DEFAULT_PORTS[o.protocol] ? '' : host.port)
  );
}

/** The value of cookie `name`, URL-decoded; null when absent or not valid URL encoding. */
export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null; // a broken cookie is a missing token, not a server error
      }
    }
  }
  return null;
}

export const tokenCookie = (token: string): string =>
  `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
