// Retries of model calls: 408/409/429/5xx, connection failures and timeouts are retried with
// exponential backoff and jitter, waiting at least what the server's Retry-After asks for;
// anything else (a bad key, a bad request) fails at once.

export class ProviderFailure extends Error {
  override readonly name = 'ProviderFailure';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Thrown when the call was abandoned because the phase's signal fired or its time ran out. */
export class CallAborted extends Error {
  override readonly name = 'CallAborted';
}

const RETRYABLE_STATUS = new Set([408, 409, 429]);

/** Maps an HTTP failure (status undefined: no response at all) to a ProviderFailure. */
export function httpFailure(
  status: number | undefined,
  headers: Headers | undefined,
  message: string,
): ProviderFailure {
  const retryable = status === undefined || RETRYABLE_STATUS.has(status) || status >= 500;
  return new ProviderFailure(message, retryable, headers ? retryAfterMs(headers) : undefined);
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms (OpenAI's), in ms; undefined if absent. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const v = headers.get('retry-after');
  if (v === null || v.trim() === '') return undefined;
  const s = Number(v);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  signal: AbortSignal;
  /** No wait may end after this time (ms since epoch). */
  deadline: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (attempt: number, delayMs: number, err: ProviderFailure) => void;
}

/** Delay before retry `attempt` (1-based): what Retry-After asks for when the server sent it,
 *  else base·2^(attempt−1), capped, with jitter (50–100 %) so parallel players do not retry in step. */
export function backoffMs(
  attempt: number,
  o: { baseMs: number; maxMs: number; random: () => number },
  retryAfter?: number,
): number {
  if (retryAfter !== undefined) return retryAfter;
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** (attempt - 1));
  return exp * (0.5 + 0.5 * o.random());
}

export async function withRetry<T>(call: () => Promise<T>, o: RetryOptions): Promise<{ value: T; attempts: number }> {
  const cfg = { baseMs: o.baseMs ?? 1000, maxMs: o.maxMs ?? 60_000, random: o.random ?? Math.random };
  const sleep = o.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    if (o.signal.aborted || Date.now() >= o.deadline) throw new CallAborted('time is up');
    try {
      return { value: await call(), attempts: attempt };
    } catch (e) {
      if (o.signal.aborted || Date.now() >= o.deadline) throw new CallAborted('time is up');
      const f = e instanceof ProviderFailure ? e : new ProviderFailure((e as Error).message ?? String(e), false);
      if (!f.retryable || attempt > o.retries) throw withAttempts(f, attempt);
      const delay = backoffMs(attempt, cfg, f.retryAfterMs);
      if (Date.now() + delay >= o.deadline) {
        throw withAttempts(
          new ProviderFailure(
            `${f.message}; the next retry (in ${Math.ceil(delay / 1000)} s) would pass the time limit`,
            false,
          ),
          attempt,
        );
      }
      o.onRetry?.(attempt, delay, f);
      await sleep(delay, o.signal);
    }
  }
}

function withAttempts(f: ProviderFailure, attempts: number): ProviderFailure {
  return new ProviderFailure(`${f.message} (${attempts} attempt${attempts === 1 ? '' : 's'})`, false, f.retryAfterMs);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
