// `codearena serve` over a runs folder, in a process of its own, as a user starts it: resolved
// once it prints the web view's address; stop() ends it with Ctrl-C and waits for it to exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../server/src/paths.ts';
import { type Browser, launchBrowser } from './browser.ts';

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

/** `codearena serve` over `runs` with a Chromium page to look at it, every wait as patient as
 *  `patientMs`. The caller closes the browser and stops the server. */
export async function servePage(
  runs: string,
  patientMs: number,
  viewport?: { width: number; height: number },
): Promise<{ server: ServeProcess; browser: Browser; page: Page }> {
  const server = await startServe(runs);
  const browser = await launchBrowser(viewport).catch(async (e: unknown) => {
    await server.stop();
    throw e;
  });
  browser.context.setDefaultTimeout(patientMs);
  return { server, browser, page: await browser.context.newPage() };
}
