import { rm } from 'node:fs/promises';
import { buildConsole, SHARED_CONSOLE_ENV } from './build-console.js';

/**
 * Builds the console once for the whole run: every browser test file serves the same fresh build
 * (from the current sources) instead of building its own, which cost each file several seconds.
 * Only the file filter of a run that picks no browser test makes this build unnecessary; it is
 * cheap enough to do anyway.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await buildConsole();
  process.env[SHARED_CONSOLE_ENV] = dir;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
