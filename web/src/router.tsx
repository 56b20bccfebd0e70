// A tiny history router: a few pages, URLs worth sharing (/t/<id>, /t/<id>/m/<match>, /leaderboard,
// /campaigns, /c/<campaign>, /ladders, /ladders/<name>).
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

export type Route =
  | { page: 'tournaments' }
  | { page: 'tournament'; id: string }
  | { page: 'match'; id: string; matchId: string }
  | { page: 'leaderboard'; by: string; arena: string }
  | { page: 'campaigns' }
  | { page: 'campaign'; name: string; by: string }
  | { page: 'ladders' }
  | { page: 'ladder'; name: string }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(search);
  if (parts.length === 0) return { page: 'tournaments' };
  if (parts[0] === 'leaderboard' && parts.length === 1)
    return { page: 'leaderboard', by: q.get('by') ?? 'player', arena: q.get('arena') ?? '' };
  if (parts[0] === 'campaigns' && parts.length === 1) return { page: 'campaigns' };
  if (parts[0] === 'c' && parts.length === 2) return { page: 'campaign', name: parts[1]!, by: q.get('by') ?? 'player' };
  if (parts[0] === 'ladders' && parts.length === 1) return { page: 'ladders' };
  if (parts[0] === 'ladders' && parts.length === 2) return { page: 'ladder', name: parts[1]! };
  if (parts[0] === 't' && parts.length === 2) return { page: 'tournament', id: parts[1]! };
  if (parts[0] === 't' && parts[2] === 'm' && parts.length === 4)
    return { page: 'match', id: parts[1]!, matchId: parts[3]! };
  return { page: 'not-found', path: pathname };
}

const listeners = new Set<() => void>();
let current = location.pathname + location.search;
window.addEventListener('popstate', () => {
  current = location.pathname + location.search;
  for (const l of listeners) l();
});

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  current = location.pathname + location.search;
  if (!opts.replace) window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useLocation(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function useRoute(): Route {
  const loc = useLocation();
  const url = new URL(loc, location.origin);
  return parseRoute(url.pathname, url.search);
}

export const paths = {
  tournaments: () => '/',
  tournament: (id: string) => `/t/${encodeURIComponent(id)}`,
  match: (id: string, matchId: string) => `/t/${encodeURIComponent(id)}/m/${encodeURIComponent(matchId)}`,
  leaderboard: (q: { by?: string; arena?: string } = {}) => {
    const s = new URLSearchParams();
    if (q.by && q.by !== 'player') s.set('by', q.by);
    if (q.arena) s.set('arena', q.arena);
    const str = s.toString();
    return `/leaderboard${str ? `?${str}` : ''}`;
  },
  campaigns: () => '/campaigns',
  ladders: () => '/ladders',
  ladder: (name: string) => `/ladders/${encodeURIComponent(name)}`,
  campaign: (name: string, q: { by?: string } = {}) =>
    `/c/${encodeURIComponent(name)}${q.by && q.by !== 'player' ? `?by=${encodeURIComponent(q.by)}` : ''}`,
};

/** An <a> that navigates in-app (a plain link for new tabs and modified clicks). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
