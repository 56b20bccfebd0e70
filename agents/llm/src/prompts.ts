// Everything the model is told. Paths are those of the workspace container
// (server/src/edit/workspace.ts mounts them).
import type { EditContext, LlmLimits, WorkspaceExec } from '@codearena/protocol';
import { lastRoundDigest, playersOf } from './history.ts';
import { truncateMiddle } from './truncate.ts';

export const LOGS_PATH = '/logs/rounds';
export const OPPONENTS_PATH = '/opponents';
export const NOTES_FILE = 'NOTES.md';
export const SUBMIT = 'submit';
const MAX_NOTES_CHARS = 8000;

/** What every model agent (this loop, or a CLI harness through the gateway) is told about the round. */
export interface RoundFacts {
  arenaId: string;
  brief: string;
  round: number;
  rounds: number;
  player: string;
  repoPath: string;
  transparent: boolean;
  opponents: string[];
  notes: string | null;
  lastRound: string | null;
}

export interface PromptInput extends RoundFacts {
  tools: boolean;
  limits: LlmLimits;
  /** Minutes the phase has (the tighter of the agent's and the tournament's limits). */
  minutes: number;
}

/** The notes file shown at the start of a round is cut here. */
const MAX_NOTES_BYTES = 64 * 1024;

/** The round as the edit context describes it, with the repo at `repoPath` (its workspace path). */
export async function roundFacts(ctx: EditContext, repoPath: string): Promise<RoundFacts> {
  return {
    arenaId: ctx.arenaId,
    brief: ctx.brief,
    round: ctx.round,
    rounds: ctx.rounds,
    player: ctx.player,
    repoPath,
    transparent: ctx.opponents.length > 0,
    opponents: ctx.opponents.length
      ? ctx.opponents.map((p) => p.name)
      : playersOf(ctx.logs).filter((p) => p !== ctx.player),
    notes: await ctx.repo.read(NOTES_FILE, MAX_NOTES_BYTES),
    lastRound: lastRoundDigest(ctx.logs, ctx.round, ctx.player),
  };
}

export function systemPrompt(p: PromptInput): string {
  const how = p.tools
    ? `call the \`bash\` tool exactly once with the command.`
    : `put the command in exactly one fenced block:\n\n\`\`\`bash\n<command>\n\`\`\`\n\n(no other bash blocks in the answer; quote code in other languages with their own tag, e.g. \`\`\`python).`;
  return `You are an expert software engineer playing codearena: a tournament in which each player owns a codebase, improves it between rounds, and the codebases play each other in ${p.arenaId} games. You are the player "${p.player}". Your goal: make your codebase win as many games as possible in the coming rounds.

You work in a Linux container by running shell commands, one per answer.
- Your codebase is the git repository ${p.repoPath} (the working directory). Change anything in it; whatever it holds when you stop is committed and played. Its .git is read-only (git log/diff/show work; the round's commit is made for you).
- Results and logs of earlier rounds are in ${LOGS_PATH}/<round>/ (read-only).${p.transparent ? `\n- Your opponents' code as of the previous round is in ${OPPONENTS_PATH}/<name>/ (read-only).` : ''}
- Nothing else is writable except /tmp (small, emptied after this phase). There is no network: nothing can be downloaded or installed. Available: bash, coreutils, grep, sed, python3 (standard library), node, git.
- Each command runs in a new \`bash -c\` in ${p.repoPath}: \`cd\` and variables do not carry over to the next command. Commands must not be interactive (no editors, pagers or prompts) and stop after ${p.limits.command_timeout_seconds} s; their output (stdout and stderr together) is cut to ${p.limits.output_chars} characters, keeping the head and the tail.
- Edit files with shell tools: \`cat > file <<'EOF' … EOF\`, \`sed -i\`, \`python3 - <<'EOF' … EOF\`. Test your bot before you finish (the \`codearena\` command is not available in here): a codebase that fails the arena's validation forfeits the round.

Every answer: first your reasoning, briefly; then exactly one command — ${how}
When you are done, run \`${SUBMIT}\` as the whole command: it ends the edit phase.

Keep notes for your future self in ${p.repoPath}/${NOTES_FILE} (what you changed, what the results showed, what to try next); they are shown to you at the start of every round.

Budget for this round: ${p.limits.steps} answers, $${p.limits.cost_usd} of model spend, ${p.minutes} minutes. When it runs out, the phase ends and the repository is committed as it is, so keep the bot working after every change.

# The arena: ${p.arenaId}

${p.brief.trim()}
`;
}

const SUBMIT_WHEN_DONE = `Start by looking at your repository and the logs, then improve the bot. Run \`${SUBMIT}\` when you are done.`;

/** The round's task; `finish` says how the phase ends (this loop: the submit command). */
export function taskPrompt(p: RoundFacts, finish = SUBMIT_WHEN_DONE): string {
  const parts: string[] = [
    `Round ${p.round} of ${p.rounds}: the edit phase begins.${p.round === p.rounds ? ' This is the last round.' : ''}`,
  ];
  parts.push(
    p.lastRound
      ? `## Last round\n\n${p.lastRound}\n\nFull files: ${LOGS_PATH}/${p.round - 1}/results.json (sim wins, ranks, validations) and ${LOGS_PATH}/${p.round - 1}/sims/<i>.json (one replay per sim: seed, players, ranks, winner, reason, every frame); earlier rounds in ${LOGS_PATH}/<round>/.`
      : `## Last round\n\nNo results yet.`,
  );
  const notes =
    p.notes === null
      ? `(none yet: create ${p.repoPath}/${NOTES_FILE})`
      : truncateMiddle(p.notes.trim() || '(empty)', MAX_NOTES_CHARS);
  parts.push(`## Your notes (${p.repoPath}/${NOTES_FILE})\n\n${notes}`);
  if (p.opponents.length) {
    const where = p.transparent
      ? `; their code as of round ${p.round - 1}: ${p.opponents.map((o) => `${OPPONENTS_PATH}/${o}/`).join(', ')}`
      : ' (their code is not visible in this tournament)';
    parts.push(`## Opponents\n\n${p.opponents.join(', ')}${where}.`);
  }
  parts.push(finish);
  return parts.join('\n\n');
}

export function correction(error: string, tools: boolean, left: number): string {
  const how = tools
    ? 'call the `bash` tool once with {"command": "<shell command>"}'
    : 'put exactly one command in one ```bash fenced block';
  return `Format error: ${error}. Answer with your reasoning and exactly one command: ${how}. To finish, the command is \`${SUBMIT}\`. (${left} more malformed answer${left === 1 ? '' : 's'} in a row end the phase.)`;
}

export function observation(r: WorkspaceExec, maxChars: number, timeoutS: number): string {
  const out = `${r.stdout}${r.stderr ? `${r.stdout && !r.stdout.endsWith('\n') ? '\n' : ''}${r.stderr}` : ''}`;
  const head = r.timedOut
    ? `The command was stopped after ${timeoutS} s (time limit per command). Output so far:`
    : `Exit code ${r.exitCode}.`;
  const capped = r.truncated ? '\n[the output was longer than the capture limit; only its beginning was kept]' : '';
  return `${head}\n${out.trim() === '' ? '(no output)' : truncateMiddle(out, maxChars)}${capped}`;
}
