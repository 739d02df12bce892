import { closeUserSessions, type Principal } from '../access/index.js';
import { eventContext } from '../audit/index.js';
import { actorRef, type VendorContext } from './context.js';
import { vendorErrors } from './errors.js';
import { linkedKeys, linkedUsers } from './links-data.js';
import { findVendor, markRevoked } from './vendors-data.js';
import type { RevokeResult } from './types.js';

/**
 * Revokes a vendor in ONE transaction: every linked API key revoked (it stops authenticating on its
 * next request: keys are checked against the database each time), every linked user suspended with
 * their sessions ended, the vendor marked revoked. One audit event per key and per user, as the
 * access module writes them, plus vendor.revoke; all commit or none do. Revoking again changes
 * nothing and reports zero.
 */
export function createVendorRevoker(ctx: VendorContext): (p: Principal, vendorId: string) => Promise<RevokeResult> {
  const { db, audit, now } = ctx;
  return async (p, vendorId) => {
    await ctx.load(p, vendorId, 'manage', 'vendor.revoke');
    return db.transaction(async (tx) => {
      const v = (await findVendor(tx, vendorId, true))!;
      const t = now();
      const users = await linkedUsers(tx, vendorId);
      if (p.actor.kind === 'user' && users.some((u) => u.id === p.actor.id)) throw vendorErrors.self_link();
      let apiKeysRevoked = 0;
      for (const key of await linkedKeys(tx, vendorId)) {
        const { rows } = await tx.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [key.id, t]);
        if (rows.length === 0) continue;
        apiKeysRevoked++;
        await audit.append(tx, { ...eventContext(p), action: 'apikey.revoke', brandId: key.brandId, outcome: 'success', target: { type: 'api_key', id: key.id }, details: { vendorId } });
      }
      let usersSuspended = 0;
      let sessionsEnded = 0;
      for (const user of users) {
        const { rows } = await tx.query('UPDATE users SET suspended_at = $2 WHERE id = $1 AND suspended_at IS NULL RETURNING id', [user.id, t]);
        // Sessions end even for an already suspended user: none may outlive the vendor's revocation.
        const ended = await closeUserSessions(tx, user.id);
        sessionsEnded += ended;
        if (rows.length === 0 && ended === 0) continue;
        if (rows.length > 0) usersSuspended++;
        await audit.append(tx, { ...eventContext(p), action: 'user.suspend', brandId: null, outcome: 'success', target: { type: 'user', id: user.id }, details: { sessionsEnded: ended, vendorId } });
      }
      if (v.status !== 'revoked') await markRevoked(tx, vendorId, actorRef(p), t);
      await ctx.record(tx, p, v, 'vendor.revoke', { apiKeysRevoked, usersSuspended, sessionsEnded, alreadyRevoked: v.status === 'revoked' });
      return { vendorId, apiKeysRevoked, usersSuspended, sessionsEnded };
    });
  };
}
