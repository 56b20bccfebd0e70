// Small HTTP helpers: JSON replies, errors as { error, issues? }, zod-checked input, files.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiError } from '@codearena/protocol';
import { logGatewayFault } from './gateway-log.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

export function sendError(res: ServerResponse, e: unknown): void {
  // Too late for a status line (a file was being streamed): all that is left is to hang up.
  if (res.headersSent) {
    logGatewayFault('response failed after its headers', e);
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    const body: ApiError = { error: e.message, ...(e.issues ? { issues: e.issues } : {}) };
    sendJson(res, e.status, body);
    return;
  }
  logGatewayFault('internal error answering a request', e);
  sendJson(res, 500, { error: `internal error: ${(e as Error).message}` } satisfies ApiError);
}

/** Parses `input` or throws a 400 naming each bad field and what it should be. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new HttpError(
    400,
    `bad ${what}: ${issues.map((i) => `${i.path || '(value)'}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/** Streams a file into a response whose headers are written; a read error hangs up instead of crashing. */
export function pipeFile(file: string, res: ServerResponse): void {
  const stream = createReadStream(file);
  stream.on('error', (e) => {
    logGatewayFault('reading a file for a response failed', e);
    res.destroy();
  });
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
