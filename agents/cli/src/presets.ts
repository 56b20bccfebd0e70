// How each harness is started in the workspace: its command line, environment and config files,
// with every setting that would reach outside turned off by the tool's own documented switches.
// Paths are the workspace container's (launch.ts mounts them).
import type { CliAgentConfig, HarnessRunSpec } from '@codearena/protocol';

/** The harness's install (read-only), the phase's files and gateway socket (read-only), the runner. */
export const HARNESS_DIR = '/codearena/harness';
export const PHASE_DIR = '/codearena/phase';
export const RUNNER_DIR = '/codearena/runner';
export const GATEWAY_SOCKET = `${PHASE_DIR}/gw.sock`;
export const SPEC_FILE = `${PHASE_DIR}/spec.json`;
/** Loopback port of the in-container forwarder to the gateway (the container's own network
 *  namespace has nothing else on it). */
export const FORWARD_PORT = 4141;
const FORWARD_URL = `http://127.0.0.1:${FORWARD_PORT}`;
const INSTRUCTIONS = `${PHASE_DIR}/instructions.md`;
const TASK = `${PHASE_DIR}/task.md`;
/** Task preceded by the instructions, for harnesses with no place of their own for them. */
const PROMPT = `${PHASE_DIR}/prompt.md`;
const HOME = '/tmp/home';

export interface PresetInput {
  config: CliAgentConfig;
  /** The harness executable inside the container (presets), else null. */
  bin: string | null;
  token: string;
  repoPath: string;
  instructions: string;
  task: string;
}

export interface PresetOutput {
  spec: HarnessRunSpec;
  /** Files for the phase dir, by name. */
  files: Record<string, string>;
  /** Shown in summaries: "Claude Code", "Codex", "the command". */
  label: string;
}

/** What every harness gets: a writable home in /tmp (TMPDIR beside it, not above it: Codex will
 *  not put its helpers under the temp dir), and the gateway's coordinates. */
function baseEnv(p: PresetInput): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME,
    TMPDIR: '/tmp/tmp',
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    CODEARENA_MODEL: p.config.model,
    CODEARENA_GATEWAY_SOCKET: GATEWAY_SOCKET,
    CODEARENA_GATEWAY_TOKEN: p.token,
  };
}

const MKDIRS = [HOME, '/tmp/tmp'];

export function preset(p: PresetInput): PresetOutput {
  switch (p.config.harness) {
    case 'claude-code':
      return claudeCode(p);
    case 'codex':
      return codex(p);
    case 'command':
      return command(p);
  }
}

const CLAUDE_MODEL_VARS = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'CLAUDE_CODE_SUBAGENT_MODEL',
];

/** Claude Code in print mode; it reaches the gateway's unix socket itself. */
function claudeCode(p: PresetInput): PresetOutput {
  return {
    label: 'Claude Code',
    files: { 'instructions.md': p.instructions, 'task.md': p.task },
    spec: {
      mkdirs: MKDIRS,
      copies: [],
      cwd: p.repoPath,
      stdin: TASK,
      argv: [
        p.bin!,
        '-p',
        '--model',
        p.config.model,
        // The container is the sandbox: nobody is there to approve a tool call.
        '--dangerously-skip-permissions',
        '--output-format',
        'json',
        '--append-system-prompt-file',
        INSTRUCTIONS,
      ],
      env: {
        ...baseEnv(p),
        ANTHROPIC_UNIX_SOCKET: GATEWAY_SOCKET,
        ANTHROPIC_BASE_URL: 'http://localhost',
        ANTHROPIC_API_KEY: p.token,
        API_TIMEOUT_MS: String(p.config.request_timeout_seconds * 1000),
        // Every call with the player's model: background tasks and subagents too (the gateway
        // enforces it anyway; this keeps the harness from asking for another).
        ...Object.fromEntries(CLAUDE_MODEL_VARS.map((v) => [v, p.config.model])),
        // No telemetry, update checks, error reports or feature-flag fetches (each would try DNS).
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        DISABLE_BUG_COMMAND: '1',
        // Skips the root check of --dangerously-skip-permissions; the workspace is a sandbox.
        IS_SANDBOX: '1',
        ...p.config.env,
      },
    },
  };
}

/** Codex CLI in exec mode with a custom provider pointing at the gateway (through the
 *  forwarder: Codex takes no unix socket). Its own sandbox (bubblewrap) cannot make namespaces
 *  inside the workspace container, so it runs with danger-full-access: the container is the
 *  sandbox (network none, read-only root, only the repo and /tmp writable). */
function codex(p: PresetInput): PresetOutput {
  const codexHome = '/tmp/codex';
  const toml = (s: string) => JSON.stringify(s); // a JSON string is a valid TOML basic string
  const config = `# Written by codearena for one edit phase.
model = ${toml(p.config.model)}
model_provider = "codearena"
approval_policy = "never"
sandbox_mode = "danger-full-access"
check_for_update_on_startup = false
developer_instructions = ${toml(p.instructions)}

[model_providers.codearena]
name = "codearena gateway"
base_url = "${FORWARD_URL}/v1"
env_key = "CODEARENA_GATEWAY_TOKEN"
wire_api = "responses"
# The gateway answers a spent budget with an error; retrying it only repeats the refusal.
request_max_retries = 0
stream_max_retries = 0
stream_idle_timeout_ms = ${p.config.request_timeout_seconds * 1000}

# Off: metrics export, analytics, feedback uploads and plugin sync (each would look up a host).
[analytics]
enabled = false
[feedback]
enabled = false
[otel]
metrics_exporter = "none"
[features]
plugins = false
remote_plugin = false
`;
  return {
    label: 'Codex',
    files: { 'codex-config.toml': config, 'task.md': p.task },
    spec: {
      mkdirs: [...MKDIRS, codexHome],
      copies: [[`${PHASE_DIR}/codex-config.toml`, `${codexHome}/config.toml`]],
      cwd: p.repoPath,
      stdin: TASK,
      forward: { port: FORWARD_PORT, socket: GATEWAY_SOCKET },
      argv: [
        p.bin!,
        'exec',
        '--skip-git-repo-check',
        '--json',
        // Unknown config keys are errors, so a setting above can never be silently ignored.
        '--strict-config',
        '--ephemeral',
        '-m',
        p.config.model,
        '-C',
        p.repoPath,
        '-',
      ],
      env: { ...baseEnv(p), CODEX_HOME: codexHome, ...p.config.env },
    },
  };
}

/** Any other CLI agent: a shell command in the repo, the task on stdin, the gateway both as a
 *  unix socket and as a loopback URL, under the variable names the official SDKs read. */
function command(p: PresetInput): PresetOutput {
  return {
    label: 'the command',
    files: {
      'instructions.md': p.instructions,
      'task.md': p.task,
      'prompt.md': `${p.instructions}\n\n${p.task}`,
    },
    spec: {
      mkdirs: MKDIRS,
      copies: [],
      cwd: p.repoPath,
      stdin: PROMPT,
      forward: { port: FORWARD_PORT, socket: GATEWAY_SOCKET },
      argv: ['bash', '-c', p.config.command!],
      env: {
        ...baseEnv(p),
        CODEARENA_GATEWAY_URL: FORWARD_URL,
        CODEARENA_INSTRUCTIONS_FILE: INSTRUCTIONS,
        CODEARENA_TASK_FILE: TASK,
        ANTHROPIC_BASE_URL: FORWARD_URL,
        ANTHROPIC_API_KEY: p.token,
        OPENAI_BASE_URL: `${FORWARD_URL}/v1`,
        OPENAI_API_KEY: p.token,
        ...p.config.env,
      },
    },
  };
}
