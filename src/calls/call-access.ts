import { isAllowed, type Principal } from '../access/principal.js';
import type { Action } from '../access/permissions.js';
import { eventContext, recordAlone } from '../audit/authorize.js';
import { isUuid } from '../access/validate.js';
import { findCall, type CallRow } from './calls-data.js';
import type { CallsContext } from './context.js';
import { callErrors } from './errors.js';

/**
 * The first line of every per-call service method: the call, if the principal may `permission` on
 * its brand. Otherwise 404 — a reviewer of brand A learns nothing about brand B's calls, not even
 * that one exists — and the attempt is in brand B's audit trail (PCI DSS 10.2.1.4).
 */
export async function callFor(ctx: CallsContext, principal: Principal, callId: string, permission: Action, action: string): Promise<CallRow> {
  const call = isUuid(callId) ? await findCall(ctx.db, callId) : undefined;
  if (call && isAllowed(principal, permission, call.brand_id)) return call;
  await recordAlone(ctx, {
    ...eventContext(principal),
    action,
    brandId: call?.brand_id ?? null,
    target: { type: 'call', id: isUuid(callId) ? callId : 'invalid' },
    outcome: call ? 'denied' : 'failure',
    details: call ? { permission } : { reason: 'not_found' },
  });
  throw callErrors.not_found();
}
