import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { createAuditLog } from '../audit/log.js';
import type { Db } from '../db/types.js';
import { openLocalKms } from '../vault/local-kms.js';
import { createVault, type VaultService } from '../vault/vault.js';
import { createAccessServices, type AccessServices } from './index.js';
import type { Role } from './permissions.js';
import type { Principal } from './principal.js';
import type { AccessLimits, AuthStep } from './types.js';

export const PUBLIC_URL = 'https://callvault.test:8443';
const PASSWORD = 'correct horse battery 42';

/**
 * Real collaborators for access tests: the vault with a throw-away KEK, the hash-chained audit
 * log, and a clock the test moves forward. One per test file (the database is shared by its tests).
 */
export async function accessFixture(db: Db, limits: Partial<AccessLimits> = {}, sameInstallationAs?: { vault: VaultService; now(): Date }) {
  let t = sameInstallationAs?.now().getTime() ?? Date.UTC(2026, 0, 5, 9, 0, 0);
  const now = () => new Date(t);
  // Another "server" of the same installation shares the key-encryption key, as real ones do.
  const vault =
    sameInstallationAs?.vault ??
    createVault({ kms: await openLocalKms({ keysDir: await mkdtemp(join(tmpdir(), 'cv-access-')), kekBase64: randomBytes(32).toString('base64') }) });
  const audit = createAuditLog({ vault, checkpointEvery: 1000, now });
  const access: AccessServices = createAccessServices({ db, vault, audit, config: { publicUrl: PUBLIC_URL }, clock: now, limits });
  const system: Principal = { actor: { kind: 'system', id: 'test' }, isSecurityAdmin: false, roles: new Map() };
  let n = 0;
  const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++n}`;

  const f = {
    db,
    vault,
    access,
    system,
    now,
    /** Moves the clock forward. */
    advance(seconds: number) {
      t += seconds * 1000;
    },
    unique,
    password: PASSWORD,
    async brand(agentMfaRequired = false) {
      return access.brands.create(system, { name: unique('brand'), agentMfaRequired });
    },
    /** A user as an admin creates one: one-time password, must change it. */
    async newUser(role: Role, brandId: string | null) {
      const admin = role === 'security_admin';
      const { user, oneTimePassword } = await access.users.create(system, {
        email: `${unique(role)}@example.test`,
        displayName: 'Test User',
        isSecurityAdmin: admin,
        assignments: admin || !brandId ? [] : [{ brandId, role }],
      });
      return { user, oneTimePassword };
    },
    /** Current TOTP code for `secret` at the fixture clock, optionally `stepOffset` steps away. */
    totp(secret: string, stepOffset = 0) {
      return generate({ secret, epoch: Math.floor(t / 1000) + stepOffset * 30 });
    },
    /**
     * A user carried through first sign-in: one-time password, password change, TOTP enrollment
     * when the role requires it. Returns a full session and the TOTP secret.
     */
    async signedIn(role: Role, brandId: string | null) {
      const { user, oneTimePassword } = await f.newUser(role, brandId);
      const first = await access.auth.login({ email: user.email, password: oneTimePassword }, {});
      let step: AuthStep = await access.auth.changePassword(first.sessionId, { currentPassword: oneTimePassword, newPassword: PASSWORD }, {});
      let totpSecret: string | null = null;
      let recoveryCodes: string[] = [];
      if (step.status === 'mfa_enrollment_required') {
        const { otpauthUrl } = await access.mfa.enrollTotp(step.sessionId, {});
        totpSecret = new URL(otpauthUrl).searchParams.get('secret');
        const confirmed = await access.mfa.confirmTotp(step.sessionId, await f.totp(totpSecret as string), {});
        step = confirmed.step;
        recoveryCodes = confirmed.recoveryCodes;
        f.advance(30); // the confirming code's step is used up
      }
      if (step.status !== 'ok') throw new Error(`unexpected sign-in status ${step.status}`);
      const principal = await access.auth.resolveSession(step.sessionId);
      return { user, sessionId: step.sessionId, principal, totpSecret, recoveryCodes, email: user.email };
    },
    /** Audit events (action, outcome) recorded for an actor, oldest first. */
    async events(actorId: string) {
      const { rows } = await db.query<{ action: string; outcome: string; brand_id: string | null; details: Record<string, unknown> }>(
        'SELECT action, outcome, brand_id, details FROM audit_events WHERE actor_id = $1 ORDER BY at, seq',
        [actorId],
      );
      return rows;
    },
  };
  return f;
}

export type AccessFixture = Awaited<ReturnType<typeof accessFixture>>;
