// Small HTTP helpers: JSON replies, errors as { error, issues? }, zod-checked input.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiError } from '@codearena/protocol';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly issues?: ApiError['issues']) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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
  if (e instanceof HttpError) {
    const body: ApiError = { error: e.message, ...(e.issues ? { issues: e.issues } : {}) };
    sendJson(res, e.status, body);
    return;
  }
  process.stderr.write(`web API error: ${(e as Error).stack ?? e}\n`);
  sendJson(res, 500, { error: `internal error: ${(e as Error).message}` } satisfies ApiError);
}

/** Parses `input` or throws a 400 naming each bad field and what it should be. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new HttpError(400, `bad ${what}: ${issues.map((i) => `${i.path || '(value)'}: ${i.message}`).join('; ')}`, issues);
}
