// `codearena doctor [--clean] [--runs DIR]`: checks every piece a tournament needs and prints the
// fix for whatever is missing, and lists the tournaments whose process died (with the command that
// resumes each); --clean removes what codearena processes that are gone left behind: containers
// (found by label) and bot pipe directories (found by name), never those of a process still running.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { PRESET_HARNESSES, harnessTitle, installedHarness } from '@codearena/agent-cli/install/harness-cache.ts';
import { apiKeyStatus } from '@codearena/agent-llm';
import { arenaIds, getArena } from '../arenas.ts';
import { RUNS_DIR } from '../paths.ts';
import { listContainers, removeLeftoverFifoDirs, removeLeftovers } from '../sandbox/cleanup.ts';
import { listFifoDirs } from '../sandbox/fifo.ts';
import { docker, dockerAvailable, imageExists } from '../sandbox/docker-client.ts';
import { onDemandArena } from './preflight.ts';
import { bold, green, red, untrusted, yellow } from './format.ts';
import { listTournaments } from './list.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  warn?: boolean;
}

export async function doctorCommand(o: { clean?: boolean; runs?: string }): Promise<void> {
  const runsDir = o.runs === undefined ? RUNS_DIR : resolve(o.runs);
  const checks: Check[] = [];
  const add = (c: Check) => {
    checks.push(c);
    const mark = c.ok ? green('✓') : c.warn ? yellow('!') : red('✗');
    process.stdout.write(`${mark} ${bold(c.name)}: ${c.detail}\n`);
    if (!c.ok && c.fix) process.stdout.write(`    fix: ${c.fix}\n`);
  };

  const major = Number(process.versions.node.split('.')[0]);
  add({ name: 'Node.js', ok: major >= 20, detail: process.versions.node, fix: 'install Node.js 20 or newer' });

  try {
    const { default: Database } = await import('better-sqlite3');
    new Database(':memory:').close();
    add({ name: 'npm dependencies', ok: true, detail: 'installed (better-sqlite3 loads)' });
  } catch (e) {
    add({ name: 'npm dependencies', ok: false, detail: (e as Error).message, fix: 'npm run setup (or npm ci)' });
  }

  try {
    const v = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
    add({ name: 'git', ok: true, detail: v });
  } catch {
    add({ name: 'git', ok: false, detail: 'not found', fix: 'install git (Debian: apt-get install git)' });
  }

  try {
    mkdirSync(runsDir, { recursive: true });
    accessSync(runsDir, constants.W_OK);
    add({ name: 'runs folder', ok: true, detail: runsDir });
  } catch (e) {
    add({
      name: 'runs folder',
      ok: false,
      detail: (e as Error).message,
      fix: `make ${runsDir} writable or set CODEARENA_RUNS`,
    });
  }

  // Not a fault of the machine: a note with the way to continue each one.
  try {
    const stopped = listTournaments(o.runs).filter((t) => t.resume);
    add({
      name: 'interrupted tournaments',
      ok: stopped.length === 0,
      warn: true,
      detail: stopped.length ? `${stopped.length}: ${stopped.map((t) => untrusted(t.id)).join(', ')}` : 'none',
      fix: stopped.map((t) => untrusted(t.resume!)).join('\n         '),
    });
  } catch (e) {
    add({
      name: 'interrupted tournaments',
      ok: false,
      warn: true,
      // The index's own errors name their fix.
      detail: `cannot read the index in ${runsDir}: ${(e as Error).message}`,
    });
  }

  // Keys are needed only by llm players, so a missing one is a note, not a problem.
  const keys = apiKeyStatus();
  add({
    name: 'API keys',
    ok: keys.some((k) => k.set),
    warn: true,
    detail: keys.map((k) => `${k.name} ${k.set ? 'set' : 'not set'}`).join(', '),
    fix: 'export the key variable of each provider your llm players use (or name yours with api_key_env)',
  });

  // Installed at the first use of a config that needs them: not having one yet is no problem.
  for (const h of PRESET_HARNESSES) {
    const i = installedHarness(h);
    add({
      name: `harness ${h}`,
      ok: true,
      detail: i
        ? `${harnessTitle(h)} ${i.version} (${i.dir})`
        : `not installed (installed on first use; or \`bash docker/setup.sh --harness ${h}\`)`,
    });
  }

  const d = await dockerAvailable();
  add({
    name: 'Docker daemon',
    ok: d.ok,
    detail: d.ok ? `version ${d.version}` : d.error,
    fix: 'npm run setup (installs docker.io and starts dockerd on Debian as root), or start your daemon',
  });
  if (d.ok) {
    const info = await docker().info();
    const sec: string[] = info.SecurityOptions ?? [];
    add({
      name: 'isolation features',
      ok: sec.some((s) => s.includes('seccomp')) && info.MemoryLimit !== false && info.PidsLimit !== false,
      detail: `cgroup v${info.CgroupVersion ?? '?'}, ${info.Driver}, ${sec.map((s) => s.replace(/^name=/, '').split(',')[0]).join(', ') || 'no security options'}, memory limit ${info.MemoryLimit ? 'on' : 'off'}, pids limit ${info.PidsLimit ? 'on' : 'off'}`,
      fix: 'use a Docker engine with seccomp and cgroup memory/pids controllers enabled',
    });
    const images = new Set(['codearena/base:latest', ...arenaIds().map((id) => getArena(id).arena.manifest.image)]);
    for (const image of images) {
      const present = await imageExists(image);
      const onDemand = onDemandArena(image);
      // Built at the arena's first use: not having it yet is no problem.
      add({
        name: `image ${image}`,
        ok: present || onDemand !== null,
        detail: present
          ? 'present'
          : onDemand
            ? `not built yet: built at the first use of ${onDemand} (or \`npm run setup -- --arena ${onDemand}\`)`
            : 'missing',
        fix: 'npm run setup',
      });
    }
    const all = await listContainers();
    const live = all.filter((c) => c.owner === 'alive').length;
    const left = all.filter((c) => c.owner !== 'alive');
    if (o.clean) {
      const n = await removeLeftovers({ includeUnknown: true });
      add({
        name: 'leftover containers',
        ok: true,
        detail: `removed ${n.containers}${live ? ` (${live} of running codearena processes kept)` : ''}`,
      });
      add({ name: 'leftover pipe directories', ok: true, detail: `removed ${n.fifoDirs}` });
    } else {
      add({
        name: 'leftover containers',
        ok: left.length === 0,
        warn: true,
        detail: `${left.length ? `${left.length} (${[...new Set(left.map((c) => c.runId))].slice(0, 3).join(', ')})` : 'none'}${live ? `; ${live} in use by running codearena processes` : ''}`,
        fix: 'codearena doctor --clean',
      });
    }
  }
  if (o.clean && !d.ok) {
    // Without a daemon the containers must wait, but the pipe directories can go now.
    add({
      name: 'leftover pipe directories',
      ok: true,
      detail: `removed ${removeLeftoverFifoDirs({ includeUnknown: true })}`,
    });
  } else if (!o.clean) {
    const dirs = listFifoDirs().filter((x) => x.owner !== 'alive');
    add({
      name: 'leftover pipe directories',
      ok: dirs.length === 0,
      warn: true,
      detail: dirs.length ? `${dirs.length} in ${tmpdir()}` : 'none',
      fix: 'codearena doctor --clean',
    });
  }
  const failed = checks.filter((c) => !c.ok && !c.warn).length;
  process.stdout.write(
    failed ? `\n${red(`${failed} problem(s)`)}; apply the fixes above.\n` : `\n${green('all good')}\n`,
  );
  process.exitCode = failed ? 1 : 0;
}
