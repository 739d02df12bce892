import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** Where the run's shared build is (set by console/e2e/global-setup.ts). */
export const SHARED_CONSOLE_ENV = 'CALLVAULT_E2E_CONSOLE_DIR';

/**
 * Builds the console from its current sources into a fresh folder, so the browser tests never
 * run against a stale console/dist.
 */
export async function buildConsole(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'callvault-console-'));
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}
