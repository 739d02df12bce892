import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../access/principal.js';
import type { Role } from '../access/permissions.js';
import { openLocalKms, type LocalKms } from '../vault/local-kms.js';
import { createVault, type VaultService } from '../vault/vault.js';
import { createAuditLog, type ChainedAuditLog } from './log.js';
import type { AuditEventInput } from './types.js';

/** Real collaborators for a test: a key folder of its own, a vault and an audit log on top. */
export async function makeStack(checkpointEvery = 1000): Promise<{ keysDir: string; kms: LocalKms; vault: VaultService; audit: ChainedAuditLog }> {
  const keysDir = await mkdtemp(join(tmpdir(), 'callvault-keys-'));
  const kms = await openLocalKms({ keysDir });
  const vault = createVault({ kms });
  return { keysDir, kms, vault, audit: createAuditLog({ vault, checkpointEvery }) };
}

export const systemPrincipal: Principal = { actor: { kind: 'system', id: 'cli' }, isSecurityAdmin: false, roles: new Map() };

export function userPrincipal(roles: Record<string, Role>, isSecurityAdmin = false): Principal {
  return { actor: { kind: 'user', id: randomUUID() }, isSecurityAdmin, roles: new Map(Object.entries(roles)), ip: '192.0.2.10', userAgent: 'vitest' };
}

export function sampleEvent(brandId: string | null, i = 0): AuditEventInput {
  return {
    actor: { kind: 'user', id: `user-${i % 7}` },
    action: i % 3 === 0 ? 'call.read' : 'transcript.read',
    brandId,
    target: { type: 'call', id: `call-${i}` },
    outcome: i % 11 === 0 ? 'denied' : 'success',
    ip: '198.51.100.7',
    userAgent: 'agent-desktop/1.0',
    requestId: `req-${i}`,
    details: { n: i, flag: i % 2 === 0, note: null },
  };
}
