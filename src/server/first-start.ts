import type { AccessServices, DemoAccount } from '../access/index.js';

export interface FirstStartResult {
  brandId: string;
  accounts: DemoAccount[];
}

/**
 * First start on an empty database: a demo brand with one user per role, each with a one-time
 * password that must be changed at first sign-in. seedDemo answers null once the installation has
 * been seeded (a marker row in the database), so the passwords are printed once, ever, even with
 * several servers starting together.
 */
export async function firstStart(access: AccessServices): Promise<FirstStartResult | null> {
  return access.seedDemo();
}

/** The lines printed once: who can sign in, with which one-time password, and where. */
export function firstStartBanner(seeded: FirstStartResult, consoleUrl: string): string {
  const width = Math.max(...seeded.accounts.map((a) => a.email.length));
  const rows = seeded.accounts.map((a) => `  ${a.role.padEnd(15)} ${a.email.padEnd(width)}  ${a.oneTimePassword}`);
  return [
    '',
    'callvault first start: demo brand and users created. One-time passwords (shown ONCE, change at first sign-in):',
    ...rows,
    `Sign in at ${consoleUrl}`,
    '',
  ].join('\n');
}
