import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../access/principal.js';
import { createAuditLog, createAuditService, type AuditService, type ChainedAuditLog } from '../audit/index.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Db } from '../db/index.js';
import { CallvaultError } from '../errors.js';
import { createKeyService, createVault, openLocalKms, type KeyService, type LocalKms, type VaultService } from '../vault/index.js';

/** What the operations commands (keys, audit, jobs) work with: the server's database and keys. */
export interface OperationsContext {
  config: Config;
  db: Db;
  kms: LocalKms;
  vault: VaultService;
  audit: ChainedAuditLog;
  auditService: AuditService;
  keys: KeyService;
  /** The operator on this host, audited as a system actor (`cli:<os user>`). */
  principal: Principal;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

// `callvault audit export | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Opens the same configuration, database and key folder the server uses, runs `fn`, closes
 * everything. Errors are printed as `callvault: <code>: <message>` (ids only) with exit code 2;
 * `fn` returns the exit code for its own outcome (e.g. 1 when verification found problems).
 */
export async function withOperations(io: Io, fn: (ctx: OperationsContext) => Promise<number>): Promise<void> {
  let db: Db | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const kms = await openLocalKms({ keysDir: join(config.dataDir, 'keys'), kekBase64: config.kekBase64 });
    const vault = createVault({ kms });
    const audit = createAuditLog({ vault, checkpointEvery: config.auditCheckpointEvery });
    const principal: Principal = { actor: { kind: 'system', id: `cli:${operatorName()}` }, isSecurityAdmin: false, roles: new Map() };
    const ctx = { config, db, kms, vault, audit, auditService: createAuditService({ db, audit }), keys: createKeyService({ db, vault, audit }), principal };
    process.exitCode = await fn(ctx);
  } catch (err) {
    io.err(`callvault: ${describe(err)}\n`);
    process.exitCode = 2;
  } finally {
    await db?.close().catch(() => undefined);
  }
}

/** Our errors carry safe messages; anything else is reported by class only (no data, no SQL). */
function describe(err: unknown): string {
  if (err instanceof CallvaultError) return `${err.code}: ${err.message}`;
  if (err instanceof Error && err.name === 'ConfigError') return err.message;
  if (err instanceof UsageError) return err.message;
  return `unexpected ${(err as Error)?.name ?? 'error'}`;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
