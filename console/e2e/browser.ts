import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); CI installs it in .ci/run. */
export const CHROMIUM_PATH = process.env.CALLVAULT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether the browser suites run. Without Chromium they are skipped with a message, except in CI
 * (CI=true), where a missing browser must fail the run rather than pass it silently.
 */
export function browserTestsEnabled(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') return true; // launch will fail and say why
  console.warn(
    `\n[callvault tests] ${CHROMIUM_PATH} not found: the console browser tests are SKIPPED ` +
      '(install it with `apt-get install -y chromium`, or set CALLVAULT_CHROMIUM).\n',
  );
  return false;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for the console browser tests (CI=true) but ${CHROMIUM_PATH} does not exist`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
