// The JSON API, parsed with the protocol's schemas: a response the app does not understand is
// an error shown to the user, never a half-drawn page.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '@codearena/protocol';

export async function getJson<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(path, { signal: signal ?? null, headers: { Accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.safeParse(body);
    throw new Error(err.success ? err.data.error : `${res.status} ${res.statusText}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(`unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export type Loaded<T> = { data: T | null; error: string | null; loading: boolean };

/** Fetches `path` (again when it or `refresh` changes; every `pollMs` if given). */
export function useApi<S extends z.ZodType>(
  path: string | null,
  schema: S,
  opts: { pollMs?: number; refresh?: unknown } = {},
): Loaded<z.infer<S>> {
  const [state, setState] = useState<Loaded<z.infer<S>>>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      setState((s) => ({ ...s, loading: true }));
      getJson(path, schema, ctrl.signal)
        .then((data) => setState({ data, error: null, loading: false }))
        .catch((e: Error) => {
          if (!ctrl.signal.aborted) setState((s) => ({ data: s.data, error: e.message, loading: false }));
        })
        .finally(() => {
          if (opts.pollMs && !ctrl.signal.aborted) timer = setTimeout(load, opts.pollMs);
        });
    };
    load();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, opts.pollMs, opts.refresh]);
  return state;
}

export const enc = encodeURIComponent;
