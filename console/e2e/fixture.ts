import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { buildConsole, SHARED_CONSOLE_ENV } from './build-console.js';
import { startTestServer, type TestServer } from './server.js';

export interface SentRequest {
  method: string;
  url: string;
  csrf: string | undefined;
}

/** One browser page on one fresh server, shared by the tests of a file (they build on each other). */
export interface ConsoleFixture {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: TestServer;
  /** Every API request the page made, to check properties that must hold for all of them. */
  readonly sent: SentRequest[];
  /** Screenshot for people reviewing the UI, saved only when CALLVAULT_E2E_SCREENSHOTS names a folder. */
  shot(name: string): Promise<void>;
}

/**
 * Registers the hooks of a browser test file: Chromium first (in CI a missing browser fails fast,
 * with its reason), a console built from the current sources, a real server on PGlite.
 */
/** `demoCalls`: the server starts with `npm start`'s dozen demo calls ingested and redacted. */
export function useConsoleFixture(opts: { demoCalls?: boolean } = {}): ConsoleFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let server: TestServer | undefined;
  let consoleDir: string | undefined;
  const sent: SentRequest[] = [];
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready (beforeAll failed?)`);
    return v;
  };

  const fixture: ConsoleFixture = {
    get page() {
      return need(page, 'page');
    },
    get context() {
      return need(context, 'browser context');
    },
    get server() {
      return need(server, 'server');
    },
    sent,
    async shot(name) {
      const dir = process.env.CALLVAULT_E2E_SCREENSHOTS;
      if (dir && page) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    },
  };

  beforeAll(async () => {
    browser = await launchChromium();
    // The run's shared build when there is one (global setup), else a build of this file's own.
    const shared = process.env[SHARED_CONSOLE_ENV];
    if (!shared) consoleDir = await buildConsole();
    server = await startTestServer(shared ?? consoleDir!, opts);
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) sent.push({ method: r.method(), url: r.url(), csrf: r.headers()['x-callvault-csrf'] });
    });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await fixture.shot(`FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (consoleDir) await rm(consoleDir, { recursive: true, force: true });
  });

  return fixture;
}
