// One edit phase of a CLI harness: the model gateway starts on a unix socket in a private host
// dir, the workspace opens with the harness's install, that dir and the runner mounted
// read-only, and the harness runs until it stops, its budget runs out (the gateway refuses a
// call and the harness is stopped) or the time is up. How it ended is read from the gateway's
// tally, the runner's exit line and the repo itself, never from what the harness says of itself.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CliAgentConfig,
  type EditContext,
  type EditExit,
  type EditOutcome,
  HarnessExit,
  type LlmPrice,
  cliProvider,
} from '@codearena/protocol';
import { minutesLeft, phaseSummary, repoChanged, roundFacts } from '@codearena/agent-llm';
import type { HarnessInstall } from './install/harness-cache.ts';
import { startGateway } from './model-gateway/gateway.ts';
import { giveToWorkspace, writePhaseFile } from './phase-dir.ts';
import { harnessInstructions, harnessTask } from './prompts.ts';
import { HARNESS_DIR, PHASE_DIR, RUNNER_DIR, SPEC_FILE, preset } from './presets.ts';

const RUNNER_HOST_DIR = fileURLToPath(new URL('../runner', import.meta.url));
/** The runner's exit line carries 64 KiB tails of each stream; this leaves room for them. */
const RUNNER_OUTPUT_BYTES = 512 * 1024;
/** Lines of the harness's own output quoted in a crash summary. */
const QUOTED_CHARS = 600;

export interface HarnessPhaseOptions {
  config: CliAgentConfig;
  price: LlmPrice;
  /** The provider key (empty when offline: replay serves recorded answers only). */
  apiKey: string;
  /** The harness's programs on the host (null for harness: command). */
  install: () => Promise<HarnessInstall | null>;
}

export async function runHarnessPhase(ctx: EditContext, o: HarnessPhaseOptions): Promise<EditOutcome> {
  const t0 = Date.now();
  const { config } = o;
  const { limits } = config;
  const deadline = Math.min(ctx.deadline, limits.seconds ? t0 + limits.seconds * 1000 : Infinity);
  let install: HarnessInstall | null;
  try {
    install = await o.install();
  } catch (e) {
    return {
      exit: 'crashed',
      steps: 0,
      costUsd: 0,
      summary: `${config.harness} is not available: ${(e as Error).message}`,
    };
  }

  const dir = ctx.privateDir();
  // What the harness authenticates with: good for this gateway only, never the provider key.
  const token = `cgw-${randomBytes(24).toString('base64url')}`;
  let ended: { exit: EditExit; why: string } | null = null;
  let stopHarness: (() => void) | null = null;
  const gateway = await startGateway({
    socketPath: join(dir, 'gw.sock'),
    token,
    upstream: {
      provider: cliProvider(config),
      ...(config.base_url ? { baseUrl: config.base_url } : {}),
      apiKey: o.apiKey,
      timeoutMs: config.request_timeout_seconds * 1000,
    },
    model: config.model,
    price: o.price,
    limits: { steps: limits.steps, costUsd: limits.cost_usd, deadline },
    answers: ctx.answers,
    step: ctx.step,
    onEnd: (exit, why) => {
      ended ??= { exit, why };
      stopHarness?.();
    },
  });
  let label: string = config.harness;
  const end = (exit: EditExit, what: string): EditOutcome => {
    const t = gateway.tally();
    return { exit, steps: t.steps, costUsd: t.costUsd, summary: phaseSummary(what, t) };
  };
  try {
    const ws = await ctx.workspace({
      mounts: [
        ...(install ? [{ host: install.dir, container: HARNESS_DIR }] : []),
        { host: dir, container: PHASE_DIR },
        { host: RUNNER_HOST_DIR, container: RUNNER_DIR },
      ],
    });
    const facts = { ...(await roundFacts(ctx, ws.repoPath)), limits, minutes: minutesLeft(deadline) };
    const p = preset({
      config,
      bin: install ? `${HARNESS_DIR}/${install.bin}` : null,
      token,
      repoPath: ws.repoPath,
      instructions: harnessInstructions(facts),
      task: harnessTask(facts),
    });
    label = p.label;
    for (const [name, text] of Object.entries(p.files)) writePhaseFile(dir, name, text, ws.user);
    writePhaseFile(dir, 'spec.json', JSON.stringify(p.spec), ws.user);
    giveToWorkspace(join(dir, 'gw.sock'), ws.user);

    // Stopping = killing every process of the workspace user but the killer (kill(2) with -1):
    // the harness, its tool commands and anything they left running.
    stopHarness = () => void ws.exec('kill -KILL -1 2>/dev/null; true', { timeoutMs: 15_000 }).catch(() => {});
    ctx.signal.addEventListener('abort', stopHarness);
    if (ctx.signal.aborted || ended) stopHarness();
    const r = await ws.exec(`exec node ${RUNNER_DIR}/harness-runner.mjs ${SPEC_FILE}`, {
      timeoutMs: Math.max(1000, deadline - Date.now()),
      maxOutputBytes: RUNNER_OUTPUT_BYTES,
    });
    ctx.signal.removeEventListener('abort', stopHarness);

    const done = ended as { exit: EditExit; why: string } | null;
    if (done) return end(done.exit, done.why);
    if (ctx.signal.aborted || r.timedOut || Date.now() >= deadline)
      return end('time_limit', `${label} was stopped at the time limit`);
    const h = exitLine(r.stdout);
    if (!h)
      return end('crashed', `${label} ended without the runner's report (exit ${r.exitCode}): ${quote(r.stderr)}`);
    if (h.code !== 0 || h.signal !== null) {
      const failure = gateway.lastFailure();
      if (failure) return end('provider_error', `provider error: ${failure}; the previous round's code plays`);
      const how = h.signal !== null ? `signal ${h.signal}` : `exit code ${h.code}`;
      return end('crashed', `${label} crashed (${how}): ${quote(h.stderr || h.stdout)}`);
    }
    return (await repoChanged(ws))
      ? end('submitted', `${label} finished`)
      : end('unchanged', `${label} finished without changing the repository`);
  } catch (e) {
    return end('crashed', `crashed: ${(e as Error).message}`);
  } finally {
    await gateway.close();
  }
}

/** The runner's report: the last line of its output that parses (see HarnessExit). */
function exitLine(stdout: string): HarnessExit | null {
  for (const line of stdout.trimEnd().split('\n').reverse()) {
    try {
      const r = HarnessExit.safeParse(JSON.parse(line));
      if (r.success) return r.data;
    } catch {
      /* not the report */
    }
  }
  return null;
}

/** The end of a harness's output, on one line, for a summary. */
const quote = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t ? (t.length > QUOTED_CHARS ? `…${t.slice(-QUOTED_CHARS)}` : t) : '(no output)';
};
