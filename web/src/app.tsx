// The frame of every page: top bar with navigation and the live connection state.
import { useEffect } from 'react';
import { useConnection } from './live/use-tournament.ts';
import { CampaignPage } from './pages/campaign-page.tsx';
import { CampaignsPage } from './pages/campaigns-page.tsx';
import { LadderPage } from './ladder/ladder-page.tsx';
import { LaddersPage } from './ladder/ladders-page.tsx';
import { LeaderboardPage } from './pages/leaderboard-page.tsx';
import { MatchPage } from './pages/match-page.tsx';
import { TournamentPage } from './pages/tournament-page.tsx';
import { TournamentsPage } from './pages/tournaments-page.tsx';
import { Link, paths, useRoute } from './router.tsx';
import { Empty } from './components/ui.tsx';

export function App() {
  const route = useRoute();
  const titles: Record<string, string> = {
    tournaments: 'Tournaments',
    leaderboard: 'Leaderboard',
    campaigns: 'Campaigns',
    campaign: route.page === 'campaign' ? `Campaign ${route.name}` : 'Campaign',
    ladders: 'Ladders',
    ladder: route.page === 'ladder' ? `Ladder ${route.name}` : 'Ladder',
    tournament: 'Tournament',
    match: 'Match',
    'not-found': 'Not found',
  };
  const title = titles[route.page];
  useEffect(() => {
    document.title = `${title} · codearena`;
  }, [title]);
  return (
    <div className="app">
      <TopBar page={route.page} />
      <main className="main">
        {route.page === 'tournaments' && <TournamentsPage />}
        {route.page === 'tournament' && <TournamentPage key={route.id} id={route.id} />}
        {route.page === 'match' && (
          <MatchPage key={`${route.id}/${route.matchId}`} id={route.id} matchId={route.matchId} />
        )}
        {route.page === 'campaigns' && <CampaignsPage />}
        {route.page === 'campaign' && <CampaignPage key={route.name} name={route.name} by={route.by} />}
        {route.page === 'ladders' && <LaddersPage />}
        {route.page === 'ladder' && <LadderPage key={route.name} name={route.name} />}
        {route.page === 'leaderboard' && <LeaderboardPage by={route.by} arena={route.arena} />}
        {route.page === 'not-found' && (
          <Empty>
            Nothing at <code>{route.path}</code>. <Link to="/">See the tournaments</Link>.
          </Empty>
        )}
      </main>
    </div>
  );
}

function TopBar({ page }: { page: string }) {
  const conn = useConnection();
  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="codearena home">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>codearena</span>
      </Link>
      <nav className="nav">
        <Link
          to={paths.tournaments()}
          className={page === 'tournaments' || page === 'tournament' || page === 'match' ? 'active' : ''}
        >
          Tournaments
        </Link>
        <Link to={paths.campaigns()} className={page === 'campaigns' || page === 'campaign' ? 'active' : ''}>
          Campaigns
        </Link>
        <Link to={paths.leaderboard()} className={page === 'leaderboard' ? 'active' : ''}>
          Leaderboard
        </Link>
        <Link to={paths.ladders()} className={page === 'ladders' || page === 'ladder' ? 'active' : ''}>
          Ladders
        </Link>
      </nav>
      <span className={`conn conn-${conn}`} data-connection={conn} title="live connection to the server">
        <span className="conn-dot" />
        {conn === 'online' ? 'live' : conn === 'connecting' ? 'connecting…' : 'offline'}
      </span>
    </header>
  );
}
