// `node --import tsx agents/cli/src/install/setup-harnesses.ts <harness>...`: what
// docker/setup.sh runs to install harnesses, so there is one installer. Quiet when all are present.
import { PRESET_HARNESSES, ensureHarness, installedHarness, type PresetHarness } from './harness-cache.ts';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((h) => !(PRESET_HARNESSES as readonly string[]).includes(h));
if (unknown.length) {
  process.stderr.write(
    `[setup] unknown harness ${unknown.join(', ')}; the presets are ${PRESET_HARNESSES.join(', ')}\n`,
  );
  process.exit(2);
}
for (const h of wanted as PresetHarness[]) {
  if (installedHarness(h)) continue;
  try {
    await ensureHarness(h, { log: (line) => process.stderr.write(`[setup] ${line}\n`) });
  } catch (e) {
    process.stderr.write(`[setup] ${(e as Error).message}\n`);
    process.exit(1);
  }
}
