// The URL of a request, from its target. Only the origin-form (`/path?query`) is accepted, and
// it is always read as a path of this server: `//evil.example/x` is the path //evil.example/x,
// not another host. Absolute-form (`http://…`, for proxies) and `*` are refused by the caller.
export function requestUrl(target: string | undefined): URL | null {
  if (!target || target[0] !== '/') return null;
  try {
    return new URL(`http://gateway${target}`);
  } catch {
    return null;
  }
}

export const BAD_TARGET = 'bad request target: send a path such as /api/health';

/** A same-origin relative reference to `url`'s path and query: leading slashes and backslashes collapse to one slash. */
export function sameOriginPath(url: URL): string {
  return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
}
