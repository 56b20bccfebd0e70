// `codearena serve` over a runs folder, in a process of its own, as a user starts it: resolved
// once it prints the web view's address; stop() ends it with Ctrl-C and waits for it to exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../server/src/paths.ts';

export interface ServeProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
}

export async function startServe(runs: string): Promise<ServeProcess> {
  const server = spawn(
    process.execPath,
    [join(ROOT, 'server', 'bin', 'codearena.js'), 'serve', '--port', '0', '--runs', runs],
    { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((ok) => server.once('exit', ok));
    server.kill('SIGINT');
    await exited;
  };
  try {
    const base = await new Promise<string>((ok, fail) => {
      server.stdout.on('data', () => {
        const m = /web view: (http:\/\/\S+)/.exec(output);
        if (m) ok(new URL(m[1]!).origin);
      });
      server.once('exit', (code) => fail(new Error(`codearena serve exited with ${code}:\n${output}`)));
    });
    return { base, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
