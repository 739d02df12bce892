import { isAllowed, type Principal } from '../access/principal.js';
import type { Action } from '../access/permissions.js';
import type { Db } from '../db/types.js';
import { CallvaultError } from '../errors.js';
import type { AuditEventInput, AuditLog } from './types.js';

/** The request context of a principal, copied into every event it causes. */
export function eventContext(principal: Principal): Pick<AuditEventInput, 'actor' | 'ip' | 'userAgent' | 'requestId'> {
  return {
    actor: principal.actor,
    ...(principal.ip !== undefined && { ip: principal.ip }),
    ...(principal.userAgent !== undefined && { userAgent: principal.userAgent }),
    ...(principal.requestId !== undefined && { requestId: principal.requestId }),
  };
}

/** Appends one event in a transaction of its own (reads, denials, failures that roll back the action). */
export async function recordAlone(deps: { db: Db; audit: AuditLog }, event: AuditEventInput): Promise<void> {
  await deps.db.transaction((tx) => deps.audit.append(tx, event));
}

/**
 * A service's first line: checks `action` on `brandId` and, when denied, records the denial
 * (PCI DSS 10.2.1.4-style invalid access attempt) in a transaction of its own — it must persist
 * although the action fails — then throws `forbidden`.
 *
 *   await authorize({ db, audit }, principal, 'key.rotate', brandId, { action: 'key.rotate' })
 */
export async function authorize(
  deps: { db: Db; audit: AuditLog },
  principal: Principal,
  permission: Action,
  brandId: string | null,
  event: { action: string; target?: { type: string; id: string } },
): Promise<void> {
  if (isAllowed(principal, permission, brandId)) return;
  await recordAlone(deps, {
    ...eventContext(principal),
    action: event.action,
    brandId,
    ...(event.target && { target: event.target }),
    outcome: 'denied',
    details: { permission },
  });
  throw new CallvaultError('forbidden', 'access.forbidden', 'not allowed');
}
