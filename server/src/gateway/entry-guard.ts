// The last line of defence at the gateway's entry points: whatever a request or upgrade handler
// (ours, socket.io's or engine.io's) throws synchronously is logged and ends that one request,
// never the process. Handlers are written not to throw; this catches what they missed. Errors
// thrown later (timers, socket.io's deferred dispatch) are beyond it: that is why the gateway
// of `run --serve` lives in a process of its own (supervisor.ts).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { logGatewayFault } from './gateway-log.ts';
import { sendError } from './http-util.ts';

type AnyListener = (...args: unknown[]) => void;

/** Wraps every 'request' and 'upgrade' listener now on `http`; call after everything is attached. */
export function guardEntryPoints(http: Server): void {
  for (const event of ['request', 'upgrade'] as const) {
    const listeners = http.listeners(event) as AnyListener[];
    http.removeAllListeners(event);
    for (const l of listeners) http.on(event, guarded(event, l));
  }
  // Node hands an upgraded socket over without an 'error' listener, so a client resetting it
  // while we refuse it (or before a handler attached its own) would be an uncaught error.
  http.prependListener('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') logGatewayFault('upgrade socket error', e);
    });
  });
}

function guarded(event: 'request' | 'upgrade', l: AnyListener): AnyListener {
  return function (this: Server, ...args: unknown[]) {
    try {
      l.apply(this, args);
    } catch (e) {
      logGatewayFault(`${event} handler failed`, e);
      if (event === 'request') sendError(args[1] as ServerResponse, e);
      else (args[1] as Duplex).destroy();
    }
  };
}
