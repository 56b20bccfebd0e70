// Harness programs (Claude Code, Codex CLI) are installed on the HOST from npm into a cache, pinned
// by agents/cli/harnesses/<id>/{package.json,package-lock.json}, only when something uses them;
// an install is then mounted read-only into the player's workspace. Nothing is fetched inside a
// container, and no package's install scripts run on the host (`npm ci --ignore-scripts`): both
// packages ship their program as a native executable in a per-platform package, run directly.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliHarness } from '@codearena/protocol';

export type PresetHarness = Exclude<CliHarness, 'command'>;

export const PRESET_HARNESSES: readonly PresetHarness[] = ['claude-code', 'codex'];

export interface HarnessInstall {
  harness: PresetHarness;
  version: string;
  /** Host directory to mount read-only (the install's root). */
  dir: string;
  /** The native executable, relative to dir (posix path). */
  bin: string;
}

interface Preset {
  title: string;
  /** The native executable of the linux-x64 build, relative to the install root. Codex's sits
   *  beside codex-path/ and codex-resources/, which it needs: the whole root is mounted. */
  bin: string;
  sizeMb: number;
  /** Keeps `--version` from reaching out (it should not anyway: checked offline in the spike). */
  quietEnv: Record<string, string>;
}

const PRESETS: Record<PresetHarness, Preset> = {
  'claude-code': {
    title: 'Claude Code',
    bin: 'node_modules/@anthropic-ai/claude-code-linux-x64/claude',
    sizeMb: 400,
    quietEnv: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '1' },
  },
  codex: {
    title: 'Codex CLI',
    bin: 'node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex',
    sizeMb: 420,
    quietEnv: {},
  },
};

/** Written into an install once it is verified, before it is renamed into place. */
const MARKER = '.codearena-install.json';
const NPM_TIMEOUT_MS = 20 * 60_000;
const VERSION_TIMEOUT_MS = 60_000;

const pinDir = (h: PresetHarness) => fileURLToPath(new URL(`../../harnesses/${h}/`, import.meta.url));

interface Pin {
  package: string;
  version: string;
  /** Hash of the pin files: an entry is keyed by it, so a pin change installs anew. */
  hash: string;
}

/** The pin files are the one owner of the versions; this reads them. */
function readPin(h: PresetHarness): Pin {
  const dir = pinDir(h);
  const pkg = readFileSync(join(dir, 'package.json'), 'utf8');
  const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8');
  const deps = Object.entries((JSON.parse(pkg) as { dependencies?: Record<string, string> }).dependencies ?? {});
  const [name, version] = deps[0] ?? [];
  if (deps.length !== 1 || !name || !version || !/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(
      `${join(dir, 'package.json')} must pin exactly one package at an exact version (e.g. "1.2.3"), then \`npm install --package-lock-only --ignore-scripts\` there`,
    );
  const hash = createHash('sha256').update(pkg).update('\0').update(lock).digest('hex').slice(0, 12);
  return { package: name, version, hash };
}

const pins = Object.fromEntries(PRESET_HARNESSES.map((h) => [h, readPin(h)])) as Record<PresetHarness, Pin>;

export const HARNESS_PINS: Record<PresetHarness, { package: string; version: string }> = Object.fromEntries(
  PRESET_HARNESSES.map((h) => [h, { package: pins[h].package, version: pins[h].version }]),
) as Record<PresetHarness, { package: string; version: string }>;

export const harnessTitle = (h: PresetHarness): string => PRESETS[h].title;

/** $XDG_CACHE_HOME/codearena/harnesses, else ~/.cache/codearena/harnesses (a relative
 *  XDG_CACHE_HOME is ignored, as the XDG spec says). */
export function harnessCacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'codearena', 'harnesses');
}

function entryName(h: PresetHarness): string {
  return `${h}-${pins[h].version}-${pins[h].hash}`;
}

function expected(h: PresetHarness): HarnessInstall {
  return { harness: h, version: pins[h].version, dir: join(harnessCacheRoot(), entryName(h)), bin: PRESETS[h].bin };
}

function usable(i: HarnessInstall): boolean {
  try {
    const st = statSync(join(i.dir, i.bin));
    return st.isFile() && st.size > 0 && (st.mode & 0o111) !== 0 && statSync(join(i.dir, MARKER)).isFile();
  } catch {
    return false;
  }
}

/** The cached install of the pinned version, if it is there and whole. No network; two stats. */
export function installedHarness(h: PresetHarness): HarnessInstall | null {
  const i = expected(h);
  return usable(i) ? i : null;
}

const inflight = new Map<string, Promise<HarnessInstall>>();

/**
 * The pinned harness, installed first if missing or damaged. Safe against concurrent installs in
 * other processes: each installs into its own temp dir next to the entry and the first rename
 * wins (the others find a good entry and drop theirs); within one process calls share one install.
 */
export function ensureHarness(h: PresetHarness, o: { log?: (line: string) => void } = {}): Promise<HarnessInstall> {
  const have = installedHarness(h);
  if (have) return Promise.resolve(have);
  const key = expected(h).dir;
  let p = inflight.get(key);
  if (!p) {
    p = install(h, o.log ?? (() => {})).finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

async function install(h: PresetHarness, log: (line: string) => void): Promise<HarnessInstall> {
  const { title } = PRESETS[h];
  const target = expected(h);
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `the ${h} harness runs its linux-x64 build (in the workspace container and, to check it, on this host), but this host is ${process.platform}-${process.arch}.\nFix: run codearena on an x86_64 Linux host`,
    );
  const root = harnessCacheRoot();
  mkdirSync(root, { recursive: true });
  removeAbandoned(root);
  const tmp = join(root, `.${entryName(h)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(pinDir(h), f), join(tmp, f));
    log(`installing ${title} ${target.version} from npm (≈${PRESETS[h].sizeMb} MB, once)…`);
    const t0 = performance.now();
    await npmCi(tmp, h);
    checkVersion(h, tmp);
    writeFileSync(
      join(tmp, MARKER),
      `${JSON.stringify({ harness: h, package: pins[h].package, version: target.version, pins: pins[h].hash, bin: target.bin })}\n`,
    );
    if (!usable(target)) discard(target.dir, h);
    try {
      renameSync(tmp, target.dir);
    } catch (e) {
      // Another process renamed its install into place first: use that one.
      if (!usable(target))
        throw new Error(`could not move the ${h} install into ${target.dir}: ${(e as Error).message}`);
    }
    log(
      `${title} ${target.version} installed in ${Math.max(1, Math.round((performance.now() - t0) / 1000))} s (${target.dir})`,
    );
    return target;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Moves a damaged entry aside (atomic) before deleting it, so no one sees it half-deleted. */
function discard(dir: string, h: PresetHarness): void {
  const aside = join(harnessCacheRoot(), `.${entryName(h)}.trash-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    renameSync(dir, aside);
  } catch {
    return; // gone already (another process moved it)
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Temp and trash dirs of installs whose process is gone (killed mid-install). */
function removeAbandoned(root: string): void {
  for (const name of readdirSync(root)) {
    const m = /^\..+\.(?:tmp|trash)-(\d+)-[0-9a-f]+$/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function npmCi(dir: string, h: PresetHarness): Promise<void> {
  // Flags beat the npm_config_* variables a parent `npm run` or the user may have set.
  const args = [
    'ci',
    '--ignore-scripts',
    '--global=false',
    '--workspaces=false',
    '--include=optional', // the native executable is in an optional per-platform package
    '--engine-strict=false', // Claude Code asks for node >= 22; its program is native, node never runs it
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let tail = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (tail = (tail + s).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), NPM_TIMEOUT_MS);
    const fix = `Fix: check that the npm registry answers (\`npm ping\`), then run \`bash docker/setup.sh --harness ${h}\``;
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new Error(
          e.code === 'ENOENT'
            ? `npm not found on PATH, needed to install the ${h} harness.\nFix: install Node.js with its npm and re-run`
            : `could not start \`npm ci\` for the ${h} harness: ${e.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const why = signal === 'SIGKILL' ? `no result in ${NPM_TIMEOUT_MS / 60_000} min` : `exit ${code ?? signal}`;
      const lines = tail.trim().split('\n').slice(-12).join('\n');
      reject(
        new Error(
          `\`npm ci\` of ${pins[h].package}@${pins[h].version} failed (${why}): ${lines || '(no output)'}\n${fix}`,
        ),
      );
    });
  });
}

/** Runs the fresh install's `--version` on the host with a minimal environment and a throwaway
 *  HOME: it must print the pinned version. */
function checkVersion(h: PresetHarness, dir: string): void {
  const bin = join(dir, PRESETS[h].bin);
  const want = pins[h].version;
  try {
    statSync(bin);
  } catch {
    throw new Error(
      `the ${h} install has no executable at ${PRESETS[h].bin} (its optional linux-x64 package was not installed, or the layout changed).\nFix: check that npm's omit setting does not drop optional packages; for a new layout, update the path in agents/cli/src/install/harness-cache.ts for ${pins[h].package}@${want}`,
    );
  }
  const home = mkdtempSync(join(tmpdir(), 'codearena-harness-home-'));
  try {
    const r = spawnSync(bin, ['--version'], {
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', ...PRESETS[h].quietEnv },
      cwd: home,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: VERSION_TIMEOUT_MS,
      maxBuffer: 1 << 20,
    });
    const out = `${r.stdout ?? ''}`.trim();
    const printed = new RegExp(`(^|[^0-9.])${want.replaceAll('.', '\\.')}([^0-9.]|$)`).test(out);
    if (r.status !== 0 || !printed)
      throw new Error(
        `the installed ${h} (${bin}) did not print version ${want} for --version (${r.error?.message ?? `exit ${r.status ?? r.signal}`}; stdout ${JSON.stringify(out.slice(0, 200))}; stderr ${JSON.stringify(`${r.stderr ?? ''}`.trim().slice(-300))}).\nFix: this host must run x86_64 Linux binaries (Claude Code needs glibc)`,
      );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
