import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  output: () => string;
  errors: () => string;
  waitFor: (text: string, ms: number) => Promise<void>;
  exit: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

/** `callvault serve` as a real process (TypeScript through tsx, so no build is needed). */
function serve(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CALLVAULT_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => out,
    errors: () => err,
    exit,
    kill: (signal) => child.kill(signal),
    async waitFor(text, ms) {
      const until = Date.now() + ms;
      while (!out.includes(text)) {
        if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; stdout: ${out.slice(-500)} stderr: ${err.slice(-500)}`);
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before "${text}": ${err.slice(-500)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/**
 * The newcomer's path, end to end: a bad setting stops start-up naming it; the first start on an
 * empty data folder creates the key file, seeds the demo users and prints their one-time passwords
 * once; a second start prints none; SIGTERM shuts down cleanly.
 */
describe('callvault serve', () => {
  let dataDir: string;
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'callvault-serve-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('refuses a bad setting with a message naming it, and exit code 1', async () => {
    const run = serve({ CALLVAULT_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await run.exit).toBe(1);
    expect(run.errors()).toContain('PORT');
    expect(run.errors()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);

  it('first start: key file, demo users with one-time passwords printed once, console URL, clean SIGTERM', async () => {
    const run = serve({ CALLVAULT_DATA_DIR: dataDir, PORT: port });
    await run.waitFor('callvault ready', 110_000);
    const out = run.output();
    for (const role of ['security_admin', 'supervisor', 'agent', 'qa_reviewer', 'auditor']) expect(out).toMatch(new RegExp(`${role}\\s+\\S+@\\S+\\s+\\S{8,}`));
    expect(out).toContain(`Sign in at http://localhost:${port}`);
    expect((await stat(join(dataDir, 'keys', 'kek.key'))).mode & 0o777).toBe(0o600);
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(health.status).toBe(200);
    run.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('SIGTERM: shutting down');
  }, 120_000);

  it('second start on the same folder prints no passwords', async () => {
    const run = serve({ CALLVAULT_DATA_DIR: dataDir, PORT: port });
    await run.waitFor('callvault ready', 110_000);
    expect(run.output()).not.toContain('One-time passwords');
    run.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 120_000);
});
