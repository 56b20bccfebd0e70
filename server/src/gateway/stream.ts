// The plain WebSocket stream for programs: GET /stream?tournament=<id>&since=<seq>[&frames=1]
// upgrades to a socket that carries one event per message, as a JSON line (messages concatenate
// into a JSONL file). Durable events after `since` come first, then the live tail; reconnect with
// the last seq received to resume. Frames (live only) are skipped while the client lags.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { TournamentId } from '@codearena/protocol';
import type { FeedRegistry } from './feed-registry.ts';
import { logGatewayFault } from './gateway-log.ts';

const Query = z.object({
  tournament: TournamentId,
  since: z.coerce.number().int().min(-1).default(-1),
  frames: z.enum(['0', '1']).default('0'),
});

/** Frames are dropped while this much is waiting to go out to the client. */
const FRAME_BACKLOG = 1 << 20;
/** A client this far behind on durable events is cut off (it can resume by seq). */
const EVENT_BACKLOG = 64 << 20;

export class StreamEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  constructor(private readonly registry: FeedRegistry) {}

  /** Handles an upgrade of /stream (access already checked). */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const q = Query.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const detail = q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return refuse(socket, 400, `bad /stream query (${detail}); use /stream?tournament=<id>&since=<seq>&frames=0|1`);
    }
    const feed = await this.registry.acquire(q.data.tournament);
    if (!feed) return refuse(socket, 404, `no tournament ${q.data.tournament}`);
    // The client hung up while the store answered.
    if (socket.destroyed) return this.registry.release(feed);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const withFrames = q.data.frames === '1';
      let cursor = q.data.since;
      const send = (line: string) => ws.send(`${line}\n`);
      const drain = () => {
        for (const e of feed.since(cursor)) {
          send(JSON.stringify(e));
          cursor = e.seq;
        }
        if (ws.bufferedAmount > EVENT_BACKLOG) ws.close(1013, `too far behind; reconnect with since=${cursor}`);
      };
      drain();
      const unsubscribe = feed.subscribe((e) => {
        if (ws.readyState !== ws.OPEN) return;
        if (e.type === 'match.frame') {
          if (withFrames && ws.bufferedAmount < FRAME_BACKLOG) send(JSON.stringify(e));
          return;
        }
        drain();
      });
      ws.on('message', () => {}); // nothing to say to us
      // A client breaking the protocol (oversize or malformed frames) is dropped, not thrown.
      ws.on('error', (e) => logGatewayFault('/stream client dropped', e.message));
      ws.on('close', () => {
        unsubscribe();
        this.registry.release(feed);
      });
    });
  }

  get clients(): number {
    return this.wss.clients.size;
  }

  close(): void {
    for (const ws of this.wss.clients as Set<WebSocket>) ws.terminate();
    this.wss.close();
  }
}

export function refuse(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) return;
  const body = JSON.stringify({ error: message });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
