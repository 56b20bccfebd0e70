// What a CLI harness is told: the same round, rules and budget as the native llm agent
// (agents/llm/src/prompts.ts), but in terms of its own tools: it edits files and runs commands
// its own way and ends the phase by stopping, not by a submit command.
import type { CliLimits } from '@codearena/protocol';
import { LOGS_PATH, NOTES_FILE, OPPONENTS_PATH, type RoundFacts, taskPrompt } from '@codearena/agent-llm';

export interface HarnessPromptInput extends RoundFacts {
  limits: CliLimits;
  /** Minutes the phase has (the tighter of the agent's and the tournament's limits). */
  minutes: number;
}

/** The standing instructions (a system prompt addition, a developer message or the top of the task). */
export function harnessInstructions(p: HarnessPromptInput): string {
  return `You are an expert software engineer playing codearena: a tournament in which each player owns a codebase, improves it between rounds, and the codebases play each other in ${p.arenaId} games. You are the player "${p.player}". Your goal: make your codebase win as many games as possible in the coming rounds.

You work in a Linux container, non-interactively: nobody answers questions or approves actions.
- Your codebase is the git repository ${p.repoPath} (the working directory). Change anything in it; whatever it holds when you stop is committed and played. Its .git is read-only (git log/diff/show work; the round's commit is made for you: do not commit).
- Results and logs of earlier rounds are in ${LOGS_PATH}/<round>/ (read-only).${p.transparent ? `\n- Your opponents' code as of the previous round is in ${OPPONENTS_PATH}/<name>/ (read-only).` : ''}
- Nothing else is writable except /tmp (small, emptied after this phase). There is no network: nothing can be downloaded or installed. Available: bash, coreutils, grep, sed, python3 (standard library), node, git.
- Test your bot before you finish (the \`codearena\` command is not available in here): a codebase that fails the arena's validation forfeits the round.

Keep notes for your future self in ${p.repoPath}/${NOTES_FILE} (what you changed, what the results showed, what to try next); they are shown to you at the start of every round.

Budget for this round: ${p.limits.steps} model calls, $${p.limits.cost_usd} of model spend, ${p.minutes} minutes. When it runs out, your model calls are refused, the phase ends and the repository is committed as it is, so keep the bot working after every change.

# The arena: ${p.arenaId}

${p.brief.trim()}
`;
}

/** The round's task, ending with how the phase ends for a harness. */
export const harnessTask = (p: HarnessPromptInput): string =>
  taskPrompt(
    p,
    'Start by looking at your repository and the logs, then improve the bot. When you are done, stop: the repository as it is then is committed and played.',
  );
