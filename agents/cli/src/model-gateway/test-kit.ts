// What the gateway tests share: a gateway on a unix socket in a temp dir, forwarding to the
// scripted provider on 127.0.0.1, with a real run-folder ledger, the steps and onEnd calls
// collected; a raw HTTP client for the socket, and a loopback TCP forward for the SDKs (as the
// in-container forwarder does for harnesses that need a TCP URL).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { type AddressInfo, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EditExit, ModelAnswers } from '@codearena/protocol';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import {
  type Reply,
  type ScriptedServer,
  startScriptedServer,
} from '@codearena/agent-llm/test-support/scripted-server.ts';
import { type GatewayOptions, type ModelGateway, startGateway } from './gateway.ts';
import type { Provider } from './routes.ts';

export const TOKEN = 'phase-token-123';
export const KEY = 'sk-real-provider-key-SECRET-42';
/** $ per million tokens: cost = (fresh input × 2 + cached × 1 + cache writes × 3 + output × 10) / 1e6. */
export const PRICE = { input: 2, output: 10, cached_input: 1, cache_write: 3 };

export interface Kit {
  dir: string;
  upstream: ScriptedServer;
  gateway: ModelGateway;
  socketPath: string;
  folder: RunFolder;
  answers: ModelAnswers;
  steps: { action: string; output: string; extra: Record<string, unknown> }[];
  ends: { exit: EditExit; why: string }[];
  /** Upstream fetches the gateway made. */
  fetches(): number;
  /** A raw request over the socket (the phase token unless `headers` say otherwise). */
  send(method: string, path: string, body?: string | Buffer, headers?: Record<string, string>): Promise<Raw>;
  /** A loopback TCP URL forwarded to the socket (for the SDKs); closed by dispose. */
  tcpUrl(): Promise<string>;
  /** Everything written in the run folder, as text. */
  runFolderText(): string;
  dispose(): Promise<void>;
}

export interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function gatewayKit(
  provider: Provider,
  script: Reply[],
  o: Partial<Pick<GatewayOptions, 'limits'>> & {
    /** Another run's answers to serve first, or replay mode. */
    answers?: (folder: RunFolder) => ModelAnswers;
    dir?: string;
    timeoutMs?: number;
  } = {},
): Promise<Kit> {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'codearena-gw-'));
  const upstream = await startScriptedServer(provider, script);
  const folder = new RunFolder(dir);
  const answers = o.answers?.(folder) ?? folder.openAnswers('alice', 1);
  const steps: Kit['steps'] = [];
  const ends: Kit['ends'] = [];
  const socketPath = join(dir, `gw-${Math.random().toString(36).slice(2)}.sock`);
  let fetches = 0;
  const gateway = await startGateway({
    socketPath,
    token: TOKEN,
    upstream: { provider, baseUrl: upstream.baseURL, apiKey: KEY, timeoutMs: o.timeoutMs ?? 30_000 },
    model: 'm',
    price: PRICE,
    limits: o.limits ?? { steps: 100, costUsd: 100, deadline: Date.now() + 3_600_000 },
    answers,
    step: (action, output, extra = {}) => void steps.push({ action, output, extra }),
    onEnd: (exit, why) => void ends.push({ exit, why }),
    fetch: (input, init) => {
      fetches++;
      return fetch(input, init);
    },
  });
  const sockets = new Set<Socket>();
  let forward: ReturnType<typeof createServer> | undefined;
  return {
    dir,
    upstream,
    gateway,
    socketPath,
    folder,
    answers,
    steps,
    ends,
    fetches: () => fetches,
    send: (method, path, body, headers = { 'x-api-key': TOKEN, 'content-type': 'application/json' }) =>
      new Promise<Raw>((resolve, reject) => {
        const req = request({ socketPath, method, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    async tcpUrl() {
      forward ??= createServer((c) => {
        const u = connect(socketPath);
        for (const s of [c, u]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        c.pipe(u).pipe(c);
      });
      const f = forward;
      if (!f.listening) await new Promise<void>((r) => f.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(f.address() as AddressInfo).port}`;
    },
    runFolderText: () =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
        .join('\n'),
    async dispose() {
      for (const s of sockets) s.destroy();
      if (forward?.listening) await new Promise((r) => forward!.close(r));
      await gateway.close();
      await upstream.close();
      if (!o.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Cost of scripted usage at PRICE (input includes cached and cache writes). */
export const priced = (u: { input: number; output: number; cached?: number; cacheWrite?: number }) =>
  ((u.input - (u.cached ?? 0) - (u.cacheWrite ?? 0)) * 2 +
    (u.cached ?? 0) * 1 +
    (u.cacheWrite ?? 0) * 3 +
    u.output * 10) /
  1e6;
