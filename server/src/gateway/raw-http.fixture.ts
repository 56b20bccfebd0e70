// Raw HTTP over a TCP socket, for the gateway's hostile-input tests: fetch and node:http refuse
// to send what an attacker sends (unparsable request targets, any Host, broken cookies).
import { connect } from 'node:net';

export interface RawReply {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (request line and headers, CRLF-separated, no trailing blank line) and reads the reply until the server closes. */
export function rawRequest(port: number, head: string[]): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      // A 101 never closes by itself: one reply is all these tests want.
      if (/^HTTP\/1\.1 101 /.test(text) && text.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(parseReply(text)));
  });
}

/** An Upgrade request (WebSocket handshake headers included) for `target` with extra header lines. */
export function upgradeHead(target: string, extra: string[]): string[] {
  return [
    `GET ${target} HTTP/1.1`,
    ...extra,
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  ];
}

/** Like rawRequest for an Upgrade, but with `Connection: Upgrade` (rawRequest's `close` would not upgrade). */
export function rawUpgrade(port: number, target: string, extra: string[]): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`${upgradeHead(target, extra).join('\r\n')}\r\nConnection: Upgrade\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (text.includes('\r\n\r\n') && (/^HTTP\/1\.1 101 /.test(text) || bodyComplete(text))) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(parseReply(text)));
  });
}

/** Sends an Upgrade request and resets the connection as soon as anything comes back (or at once). */
export function upgradeThenReset(port: number, target: string, extra: string[], atOnce: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${upgradeHead(target, extra).join('\r\n')}\r\nConnection: Upgrade\r\n\r\n`);
      if (atOnce) socket.resetAndDestroy();
    });
    socket.on('data', () => socket.resetAndDestroy());
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

function bodyComplete(text: string): boolean {
  const split = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, split));
  return length !== null && Buffer.byteLength(text.slice(split + 4), 'latin1') >= Number(length[1]);
}

function parseReply(text: string): RawReply {
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: split < 0 ? '' : text.slice(split + 4),
  };
}
