// Tournament configuration as written in YAML (snake_case, as users type it).
import { z } from 'zod';

export const PlayerName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/,
    'use 1–40 letters, digits, "_", "." or "-", starting with a letter or digit',
  );

export const NoopAgentConfig = z.object({ kind: z.literal('noop') }).strict();

export const SearchAgentConfig = z
  .object({
    kind: z.literal('search'),
    /** Candidate parameter sets tried per round. */
    candidates: z.number().int().min(1).max(50).default(4),
    /** Self-play sims per candidate against the round's starting code. */
    sims_per_candidate: z.number().int().min(2).max(200).default(6),
    /** How far a parameter may move in one mutation, as a fraction of its range. */
    step: z.number().positive().max(1).default(0.25),
  })
  .strict();

/** What one model call may cost, in USD per million tokens (cached input and cache writes at
 *  the input price unless given). */
export const LlmPrice = z
  .object({
    input: z.number().min(0),
    output: z.number().min(0),
    cached_input: z.number().min(0).optional(),
    cache_write: z.number().min(0).optional(),
  })
  .strict();
export type LlmPrice = z.infer<typeof LlmPrice>;

/** Per player and edit phase; the phase ends with the matching exit status when one runs out. */
export const LlmLimits = z
  .object({
    /** Model calls (each answer is one step, malformed ones included). */
    steps: z.number().int().min(1).max(10_000).default(50),
    /** Spend on the model, from the API's token counts × the price. */
    cost_usd: z.number().positive().max(10_000).default(1),
    /** Wall clock; the tournament's limits.edit_seconds applies too, whichever ends first. */
    seconds: z
      .number()
      .positive()
      .max(24 * 3600)
      .optional(),
    /** Each shell command is stopped after this long. */
    command_timeout_seconds: z.number().positive().max(3600).default(30),
    /** A command's output is cut to this many characters, keeping its head and tail. */
    output_chars: z.number().int().min(500).max(1_000_000).default(10_000),
    /** Malformed answers in a row before the phase ends as format_errors. */
    format_errors: z.number().int().min(1).max(100).default(3),
  })
  .strict();
export type LlmLimits = z.infer<typeof LlmLimits>;

export const LlmAgentConfig = z
  .object({
    kind: z.literal('llm'),
    /** Wire format: OpenAI-compatible Chat Completions (OpenAI, vLLM, Ollama, OpenRouter, LiteLLM) or Anthropic Messages. */
    provider: z.enum(['openai', 'anthropic']),
    model: z.string().min(1),
    /** Server to call instead of the provider's own (e.g. http://127.0.0.1:8000/v1 for vLLM). */
    base_url: z.url({ protocol: /^https?$/, error: 'use an http(s) URL such as http://127.0.0.1:8000/v1' }).optional(),
    /** Environment variable holding the key (default OPENAI_API_KEY or ANTHROPIC_API_KEY). */
    api_key_env: z
      .string()
      .regex(
        /^[A-Za-z_][A-Za-z0-9_]*$/,
        'write the name of an environment variable, e.g. OPENROUTER_API_KEY, not the key itself',
      )
      .optional(),
    temperature: z.number().min(0).max(2).optional(),
    /** Cap on each answer's tokens (Anthropic needs one: 8192 unless set). */
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
    /** Native tool calling; false sends no tools and reads one fenced shell block from the text. */
    tool_calls: z.boolean().default(true),
    /** Overrides the built-in price of the model (required for models the table does not know). */
    price: LlmPrice.optional(),
    /** One model call may take this long before it is retried. */
    request_timeout_seconds: z.number().positive().max(3600).default(300),
    /** Retries of a failed call (429, 5xx, timeouts) before the phase ends as provider_error. */
    retries: z.number().int().min(0).max(20).default(6),
    limits: LlmLimits.default(LlmLimits.parse({})),
  })
  .strict();
export type LlmAgentConfig = z.infer<typeof LlmAgentConfig>;

/** Pinned harness programs (installed from npm into a host cache when a config uses them). */
export const CliHarness = z.enum(['claude-code', 'codex', 'command']);
export type CliHarness = z.infer<typeof CliHarness>;

/** Per player and edit phase, kept by the model gateway: the native agent's budget (model calls,
 *  spend, wall clock); a request past it gets an API error and the phase ends with the matching
 *  exit status. */
export const CliLimits = LlmLimits.pick({ steps: true, cost_usd: true, seconds: true });
export type CliLimits = z.infer<typeof CliLimits>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Which provider wire each preset harness speaks: Claude Code calls Anthropic Messages, Codex
 *  calls OpenAI Responses. The gateway forwards requests as they are (it does not translate). */
export const HARNESS_PROVIDER: Readonly<Record<Exclude<CliHarness, 'command'>, 'anthropic' | 'openai'>> = {
  'claude-code': 'anthropic',
  codex: 'openai',
};

/**
 * A CLI coding agent (Claude Code, Codex CLI or any command) run inside the player's workspace
 * container; its model calls go through the host's model gateway, which holds the key, meters
 * and records every exchange.
 */
export const CliAgentConfig = z
  .object({
    kind: z.literal('cli'),
    harness: CliHarness,
    /** The provider the gateway forwards to: anthropic (Messages) or openai (Chat Completions and
     *  Responses). Defaults to the harness's own wire; required for harness: command. */
    provider: z.enum(['openai', 'anthropic']).optional(),
    model: z.string().min(1),
    /** Server to forward to instead of the provider's own (an Anthropic- or OpenAI-compatible API). */
    base_url: z.url({ protocol: /^https?$/, error: 'use an http(s) URL such as http://127.0.0.1:8000/v1' }).optional(),
    /** Environment variable on the host holding the key (default ANTHROPIC_API_KEY or
     *  OPENAI_API_KEY); the key never enters the workspace. */
    api_key_env: z
      .string()
      .regex(ENV_NAME, 'write the name of an environment variable, e.g. OPENROUTER_API_KEY, not the key itself')
      .optional(),
    price: LlmPrice.optional(),
    /** One forwarded model call may take this long before the gateway gives up on it. */
    request_timeout_seconds: z.number().positive().max(3600).default(300),
    limits: CliLimits.default(CliLimits.parse({})),
    /** harness: command only: the shell command run in the repo (the task on its stdin). */
    command: z.string().min(1).max(10_000).optional(),
    /** Extra environment for the harness (names as shell variables; never a provider key: the
     *  harness gets a per-phase gateway token). */
    env: z.record(z.string(), z.string().max(10_000)).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const name of Object.keys(c.env ?? {}))
      if (!ENV_NAME.test(name))
        ctx.addIssue({
          code: 'custom',
          path: ['env', name],
          message: `"${name}" is not a variable name; use letters, digits and "_", not starting with a digit, e.g. MY_SETTING`,
        });
    if (c.harness === 'command' && !c.command)
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: 'harness: command needs command: "<shell command>" (run in the repo, the task on its stdin)',
      });
    if (c.harness !== 'command' && c.command !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: `command: is for harness: command only; the ${c.harness} preset builds its own command line`,
      });
    if (c.harness === 'command' && !c.provider)
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: 'harness: command needs provider: anthropic or openai (the API its model calls speak)',
      });
    if (c.harness !== 'command' && c.provider && c.provider !== HARNESS_PROVIDER[c.harness])
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: `${c.harness} speaks the ${HARNESS_PROVIDER[c.harness] === 'anthropic' ? 'Anthropic Messages' : 'OpenAI Responses'} API, so its provider is ${HARNESS_PROVIDER[c.harness]}; leave provider out, or point base_url at a compatible server`,
      });
  });
export type CliAgentConfig = z.infer<typeof CliAgentConfig>;

/** The upstream wire of a cli agent. */
export const cliProvider = (c: CliAgentConfig): 'anthropic' | 'openai' =>
  c.provider ?? (c.harness === 'command' ? 'openai' : HARNESS_PROVIDER[c.harness]);

export const AgentConfig = z.discriminatedUnion('kind', [
  NoopAgentConfig,
  SearchAgentConfig,
  LlmAgentConfig,
  CliAgentConfig,
]);
export type AgentConfig = z.infer<typeof AgentConfig>;

export const PlayerConfig = z
  .object({
    name: PlayerName,
    agent: AgentConfig,
    /** Directory to start from instead of the arena's starter (relative to the config file). */
    codebase: z.string().min(1).optional(),
  })
  .strict();
export type PlayerConfig = z.infer<typeof PlayerConfig>;

export const LimitsConfig = z
  .object({
    /** Wall-clock budget of one player's edit phase. */
    edit_seconds: z
      .number()
      .positive()
      .max(24 * 3600)
      .default(300),
    /** Memory cap per container (MiB), swap included. */
    memory_mb: z.number().int().min(64).max(65536).default(512),
    /** CPU cap per container (cores, fractional allowed). */
    cpus: z.number().positive().max(64).default(1),
    /** Process cap per container (fork bombs stop here). */
    pids: z.number().int().min(16).max(4096).default(128),
    /** Per-turn reply deadline; defaults to the arena's. */
    turn_deadline_ms: z.number().int().min(10).max(60_000).optional(),
    /** Quota of each player's repo, checked before every round's commit (.git not counted): total
     *  size in MiB, counting every file at its full length (a sparse file counts as written). */
    repo_mb: z.number().positive().max(4096).default(128),
    /** Files, directories and links in the repo. */
    repo_files: z.number().int().min(10).max(1_000_000).default(20_000),
    /** Largest single file, MiB. */
    repo_file_mb: z.number().positive().max(4096).default(32),
  })
  .strict();
export type LimitsConfig = z.infer<typeof LimitsConfig>;

/** Adaptive sims per round: play sims in order until a sequential probability ratio test decides
 *  the round's winner (server/src/compete/sequential.ts; README "Sequential stopping"), or `max`. */
export const SequentialSims = z
  .object({
    /** Sims at most; a round with no decisive difference plays them all and is scored as a fixed one. */
    max: z.number().int().min(1).max(10_000),
    stop: z.literal('sprt'),
    /** Chance of naming a winner when there is no better player (split across the candidates). */
    alpha: z.number().gt(0).max(0.25).default(0.05),
    /** Chance of playing to max when one player is better by `margin` (split across its opponents). */
    beta: z.number().gt(0).max(0.25).default(0.05),
    /** Indifference: "better" means winning at least 0.5 + margin of the sims either of a pair wins. */
    margin: z.number().min(0.02).max(0.45).default(0.1),
  })
  .strict();
export type SequentialSims = z.infer<typeof SequentialSims>;

const SIMS_FIX = 'write a number of sims (e.g. 10) or { max: 100, stop: sprt } (optional: alpha, beta, margin)';
export const SimsPerRound = z.union([z.number().int().min(1).max(10_000), SequentialSims], {
  // A mapping is meant as the sequential form: say what is wrong inside it, not just "no match".
  error: (iss) => {
    const inner = iss.code === 'invalid_union' ? iss.errors[1]?.[0] : undefined;
    if (!inner || typeof iss.input !== 'object' || iss.input === null) return SIMS_FIX;
    return `${inner.path.map(String).join('.') || 'the mapping'}: ${inner.message.replace(/^Invalid input: /, '')}; ${SIMS_FIX}`;
  },
});
export type SimsPerRound = z.infer<typeof SimsPerRound>;

/** The most sims a round can play. */
export const maxSimsPerRound = (s: SimsPerRound): number => (typeof s === 'number' ? s : s.max);

export const TournamentConfig = z
  .object({
    tournament: z
      .object({
        name: z.string().min(1).max(80).optional(),
        rounds: z.number().int().min(1).max(1000).default(3),
        sims_per_round: SimsPerRound.default(10),
        sim_concurrency: z.number().int().min(1).max(64).default(2),
        /** Agents may read opponents' code from earlier rounds. */
        transparent: z.boolean().default(false),
        /** The campaign this tournament belongs to (set by `codearena campaign`, not by hand). */
        campaign: z.string().min(1).max(80).optional(),
        /** The ladder this tournament is a climb's rung of (set by `ladder climb`, not by hand): it
         *  stays off the general leaderboard. */
        ladder: z.string().min(1).max(80).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(1),
      })
      .strict(),
    arena: z.object({ id: z.string(), args: z.record(z.string(), z.unknown()).default({}) }).strict(),
    players: z
      .array(PlayerConfig)
      .min(2)
      .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'player names must be unique'),
    limits: LimitsConfig.default(LimitsConfig.parse({})),
  })
  .strict();
export type TournamentConfig = z.infer<typeof TournamentConfig>;
export type TournamentConfigInput = z.input<typeof TournamentConfig>;
