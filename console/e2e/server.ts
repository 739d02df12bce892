import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoAccount, Principal } from '../../src/access/index.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoCalls } from '../../src/server/demo-calls/index.js';
import { firstStart } from '../../src/server/first-start.js';
import { createServer, type CallvaultServer } from '../../src/server/start.js';

/** A real callvault (embedded PGlite in a temporary data folder) serving a freshly built console. */
export interface TestServer {
  url: string;
  server: CallvaultServer;
  /** The demo users and their one-time passwords, as the first start prints them. */
  accounts: DemoAccount[];
  demoBrandId: string;
  demoBrandName: string;
  /** Moves the server's clock forward (session expiry) without waiting. */
  advanceClock(seconds: number): void;
  close(): Promise<void>;
}

/** The operator at the console of the machine (like the CLI), to read fixtures through the services. */
const operator: Principal = { actor: { kind: 'system', id: 'e2e-operator' }, isSecurityAdmin: true, roles: new Map() };

/** A free TCP port, so the public URL (also the WebAuthn origin) is known before the server starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startTestServer(consoleDir: string, opts: { demoCalls?: boolean } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'callvault-e2e-'));
  const port = await freePort();
  // "localhost", not 127.0.0.1: WebAuthn relying-party ids must be domain names, and localhost is
  // a secure context over plain HTTP.
  const url = `http://localhost:${port}`;
  const config = loadConfig({
    CALLVAULT_DATA_DIR: dataDir,
    CALLVAULT_SECURE_COOKIES: 'false',
    CALLVAULT_PUBLIC_URL: url,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
  });
  let offsetMs = 0;
  const server = await createServer(config, { consoleDir, clock: () => new Date(Date.now() + offsetMs) });
  const seeded = await firstStart(server.services.access);
  if (!seeded) throw new Error('a fresh data folder was not seeded');
  // The demo calls, redacted before the first page loads (as `npm start`'s worker does within
  // seconds). Only the suites that review them ask: ingesting and redacting a dozen recorded calls
  // is most of a server's start.
  if (opts.demoCalls) {
    await seedDemoCalls(server.services.calls, seeded.brandId);
    await server.worker.runUntilIdle();
  }
  await server.app.listen({ port, host: config.host });
  const brands = await server.services.access.brands.list(operator);
  const demo = brands.find((b) => b.id === seeded.brandId);
  return {
    url,
    server,
    accounts: seeded.accounts,
    demoBrandId: seeded.brandId,
    demoBrandName: demo?.name ?? '',
    advanceClock(seconds) {
      offsetMs += seconds * 1000;
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
