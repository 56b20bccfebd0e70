// Runs a CLI harness inside the player's workspace container (Debian's node; no dependencies).
// Mounted read-only at /codearena/runner/; the host runs `node harness-runner.mjs <spec.json>`.
//
// It prepares the harness's writable home in /tmp, optionally opens a loopback TCP port that
// forwards to the model gateway's unix socket (for harnesses that only take an http:// URL;
// the container has no network, only its own loopback), starts the harness with exactly the
// spec's environment and the task on stdin, and when the harness ends prints ONE JSON line:
// {"code", "signal", "stdout", "stderr"} with the tails of its output. The host reads that
// line, never the harness's files.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const TAIL_BYTES = 64 * 1024;
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));

for (const dir of spec.mkdirs ?? []) mkdirSync(dir, { recursive: true, mode: 0o700 });
for (const [from, to] of spec.copies ?? []) copyFileSync(from, to);

/** Keeps the last TAIL_BYTES of a stream. */
function tail(stream) {
  let chunks = [];
  let size = 0;
  stream.on('data', (b) => {
    chunks.push(b);
    size += b.length;
    while (size - chunks[0].length >= TAIL_BYTES) size -= chunks.shift().length;
  });
  return () => {
    const all = Buffer.concat(chunks);
    chunks = [];
    return all.subarray(Math.max(0, all.length - TAIL_BYTES)).toString('utf8');
  };
}

function forward(port, socketPath) {
  return new Promise((resolve, reject) => {
    const server = createServer((client) => {
      const upstream = connect(socketPath);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
      client.pipe(upstream).pipe(client);
    });
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const server = spec.forward ? await forward(spec.forward.port, spec.forward.socket) : null;
  const child = spawn(spec.argv[0], spec.argv.slice(1), {
    cwd: spec.cwd,
    env: spec.env,
    stdio: [openSync(spec.stdin, 'r'), 'pipe', 'pipe'],
  });
  const out = tail(child.stdout);
  const err = tail(child.stderr);
  const done = (code, signal, why) => {
    server?.close();
    process.stdout.write(
      `${JSON.stringify({ code, signal, stdout: out(), stderr: why ? `${err()}\n${why}` : err() })}\n`,
      () => process.exit(0),
    );
  };
  child.on('error', (e) => done(127, null, `could not start ${spec.argv[0]}: ${e.message}`));
  child.on('close', (code, signal) => done(code, signal, ''));
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ code: 127, signal: null, stdout: '', stderr: String(e?.stack ?? e) })}\n`);
  process.exit(0);
});
