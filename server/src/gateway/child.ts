// The gateway's own process under `codearena run --serve` and `codearena serve`: the HTTP API,
// socket.io and /stream, fed with live tournaments' events by the parent over IPC. Whatever
// happens here (a bug, a hostile client, memory exhaustion) ends this process only; the
// supervisor starts another on the same port and replays the live events into it.
import type { Listener } from '../bus/event-bus.ts';
import type { OpenIndex } from '../store/index-interfaces.ts';
import { openIndex } from '../store/open-index.ts';
import { UsageError } from '../cli/preflight.ts';
import { logGatewayFault } from './gateway-log.ts';
import type { ToChild, FromChild } from './ipc.ts';
import { type Gateway, GatewayConfigError, startGateway } from './server.ts';

// Ctrl-C in a terminal reaches the whole process group: the parent decides when we stop.
process.on('SIGINT', () => {});
// The parent is gone (even by kill -9): nobody feeds or supervises us any more.
process.on('disconnect', () => process.exit(0));

let gateway: Gateway | null = null;
let store: OpenIndex | null = null;
const live = new Map<string, Listener>();

const send = (m: FromChild, then: () => void = () => {}) => {
  if (process.connected) process.send!(m, undefined, undefined, () => then());
  else then();
};

process.on('message', (m: ToChild) => {
  switch (m.type) {
    case 'start':
      void start(m.options);
      return;
    case 'live':
      if (gateway && !live.has(m.tournamentId)) live.set(m.tournamentId, gateway.live(m.tournamentId));
      return;
    case 'event':
      live.get(m.event.tournamentId)?.(m.event);
      return;
    case 'ping':
      send({ type: 'pong', n: m.n });
      return;
    case 'close':
      void close();
      return;
  }
});

async function start(o: Extract<ToChild, { type: 'start' }>['options']): Promise<void> {
  try {
    store = await openIndex(o.index);
    gateway = await startGateway({
      store,
      host: o.host,
      port: o.port,
      portFallback: o.portFallback,
      token: o.token,
      ...(o.webDist ? { webDist: o.webDist } : {}),
      ...(o.pollMs ? { pollMs: o.pollMs } : {}),
      ...(o.hub ? { hub: o.hub } : {}),
      ...(o.ladders ? { ladders: o.ladders } : {}),
    });
    send({ type: 'ready', port: gateway.port, url: gateway.url });
  } catch (e) {
    // A store that cannot be opened (no index, unreachable PostgreSQL) is the user's to fix.
    const config = e instanceof GatewayConfigError || e instanceof UsageError;
    if (!config) logGatewayFault('could not start', e);
    send({ type: 'failed', message: (e as Error).message, config }, () => process.exit(2));
  }
}

async function close(): Promise<void> {
  try {
    await gateway?.close();
    await store?.close();
  } finally {
    process.exit(0);
  }
}
