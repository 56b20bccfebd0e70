// Live progress of a tournament in the terminal, fed by the same events as the log: a bar per
// phase on a TTY, one plain line per milestone otherwise (CI logs, pipes). Every string an event
// carries is printed through untrusted(): agents write summaries, bots write validation details.
import cliProgress from 'cli-progress';
import type { Event, EventOf } from '@codearena/protocol';
import { bold, cyan, dim, green, red, untrusted, yellow } from './format.ts';

export function createProgress(opts: { tty?: boolean; out?: NodeJS.WritableStream } = {}) {
  const out = opts.out ?? process.stderr;
  const tty = opts.tty ?? Boolean((out as NodeJS.WriteStream).isTTY);
  let bar: cliProgress.SingleBar | null = null;
  let rounds = 0;
  let sims = 0;
  let players = 0;
  /** Edit phases to wait for in the current round (all players, or those a resume redoes). */
  let editing = 0;
  let done = 0;
  const say = (s: string) => {
    if (bar) bar.stop();
    out.write(`${s}\n`);
    if (bar) bar.start(bar.getTotal(), done, {});
  };
  const startBar = (label: string, total: number, from = 0) => {
    bar?.stop();
    done = from;
    if (!tty) return;
    bar = new cliProgress.SingleBar(
      {
        format: `${label} ${cyan('{bar}')} {value}/{total} {unit}`,
        barsize: 30,
        hideCursor: true,
        stream: out as NodeJS.WriteStream,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, from, { unit: label.includes('edit') ? 'players' : 'sims' });
  };
  const tick = () => {
    done++;
    bar?.update(done);
  };

  const learn = (e: EventOf<'tournament.started'>) => {
    rounds = e.rounds;
    sims = e.simsPerRound;
    players = e.players.length;
  };

  return {
    /** A resumed run: what the tournament is, from the events logged before (nothing printed). */
    prime(logged: readonly Event[]): void {
      const started = logged.find((e) => e.type === 'tournament.started');
      if (started) learn(started);
    },
    listener(e: Event): void {
      switch (e.type) {
        case 'tournament.started':
          learn(e);
          say(
            `${bold(untrusted(e.name))} · ${untrusted(e.arena)} · ${players} players · ${rounds} rounds × ${sims} sims · seed ${e.seed}\n${dim(`run folder: ${untrusted(e.runDir)}`)}`,
          );
          break;
        case 'round.started':
          say(bold(e.round === 0 ? `round 0/${rounds} (starting codebases)` : `round ${e.round}/${rounds}`));
          editing = players;
          startBar(e.round === 0 ? '  compete' : '  edit   ', e.round === 0 ? sims : players);
          break;
        case 'tournament.resumed': {
          const redo = e.edits.length ? `; edit phase restarts for ${e.edits.map((p) => untrusted(p)).join(', ')}` : '';
          say(
            `${bold(`resumed in round ${e.round}/${rounds}`)} ${dim(`(attempt ${e.attempt}; ${e.keptSims.length} of its sims kept${redo})`)}`,
          );
          editing = e.edits.length;
          if (editing) startBar('  edit   ', editing);
          else startBar('  compete', sims, e.keptSims.length);
          break;
        }
        case 'edit.step':
          if (!tty) break;
          bar?.update(done, {});
          break;
        case 'edit.finished': {
          tick();
          const d = e.diff;
          const colour = e.exit === 'submitted' ? green : e.exit === 'unchanged' ? dim : yellow;
          say(
            `  ${untrusted(e.player)}: ${colour(untrusted(e.exit))} in ${(e.ms / 1000).toFixed(1)} s, ${e.steps} steps, +${d.insertions}/−${d.deletions} in ${d.files} files${e.costUsd ? `, $${e.costUsd.toFixed(4)}` : ''} — ${untrusted(e.summary)}`,
          );
          if (done === editing) startBar('  compete', sims);
          break;
        }
        case 'validation':
          // Multi-line (the bot's stderr tail): every line of it indented under ours.
          if (!e.ok)
            say(
              `  ${red('invalid')} ${untrusted(e.player)}: ${untrusted(e.detail, { newlines: true, indent: '    │ ' })} (forfeits the round)`,
            );
          break;
        case 'match.finished':
          tick();
          if (!tty && (done % 10 === 0 || done === sims)) say(`  sims ${done}/${sims}`);
          break;
        case 'round.finished': {
          bar?.stop();
          bar = null;
          const score = Object.entries(e.simWins)
            .map(([p, w]) => `${untrusted(p)} ${w}`)
            .join(', ');
          say(
            `  → ${e.winner ? green(`${untrusted(e.winner)} wins`) : yellow('tie')} (${score}${e.ties ? `, ${e.ties} tied` : ''})`,
          );
          break;
        }
        case 'tournament.finished':
          bar?.stop();
          bar = null;
          break;
        default:
          break;
      }
    },
    stop(): void {
      bar?.stop();
      bar = null;
    },
  };
}
