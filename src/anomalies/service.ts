import { brandsAllowed, isAllowedOnAny, type Principal } from '../access/index.js';
import { authorize, eventContext, recordAlone, type ChainedAuditLog } from '../audit/index.js';
import type { Db } from '../db/types.js';
import { errorCodes } from '../errors.js';
import { findAlert, listAlerts, setAlertStatus, type AlertStatus, type StoredAlert } from './alerts-data.js';

export const alertErrors = errorCodes('alert', {
  not_found: ['not_found', 'Alert not found'],
  bad_cursor: ['invalid_input', 'The page cursor is not valid'],
  already_in_incident: ['conflict', 'The alert is already part of an incident'],
});

export interface AlertFilter {
  status?: AlertStatus;
  actorId?: string;
  limit?: number;
  before?: string;
}

export interface AlertService {
  /** Alerts of the brands the principal may read (alerts about no brand: installation-wide readers only). */
  list(principal: Principal, filter: AlertFilter): Promise<{ items: StoredAlert[]; nextBefore: string | null }>;
  get(principal: Principal, id: string): Promise<StoredAlert>;
  /** Acknowledge (being looked at) or dismiss (not a concern); reopen with 'new'. */
  setStatus(principal: Principal, id: string, status: 'new' | 'acknowledged' | 'dismissed'): Promise<StoredAlert>;
}

const cursorOf = (a: StoredAlert) => Buffer.from(`${a.raisedAt}|${a.id}`).toString('base64url');
function parseCursor(c: string): { raisedAt: string; id: string } {
  const [raisedAt, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!raisedAt || !id || Number.isNaN(Date.parse(raisedAt))) throw alertErrors.bad_cursor();
  return { raisedAt, id };
}

export function createAlertService(deps: { db: Db; audit: ChainedAuditLog; now?: () => Date }): AlertService {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(principal: Principal, id: string, action: 'alert.read' | 'alert.manage', verb: string): Promise<StoredAlert> {
    const alert = await findAlert(db, id);
    // Not found and not yours look the same: ids of other brands' alerts are not confirmed.
    if (!alert || !isAllowedOnAny(principal, action, alert.brandIds)) {
      if (alert) {
        await recordAlone({ db, audit }, { ...eventContext(principal), action: verb, brandId: alert.brandIds[0] ?? null, outcome: 'denied', target: { type: 'alert', id } });
      }
      throw alertErrors.not_found();
    }
    return alert;
  }

  return {
    async list(principal, filter) {
      const brands = brandsAllowed(principal, 'alert.read');
      if (brands !== null && brands.length === 0) await authorize({ db, audit }, principal, 'alert.read', null, { action: 'alert.list' });
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
      const items = await listAlerts(db, {
        brands,
        limit,
        ...(filter.status && { status: filter.status }),
        ...(filter.actorId && { actorId: filter.actorId }),
        ...(filter.before && { before: parseCursor(filter.before) }),
      });
      const last = items[items.length - 1];
      return { items, nextBefore: items.length === limit && last ? cursorOf(last) : null };
    },
    async get(principal, id) {
      const alert = await load(principal, id, 'alert.read', 'alert.read');
      await recordAlone({ db, audit }, { ...eventContext(principal), action: 'alert.read', brandId: alert.brandIds[0] ?? null, outcome: 'success', target: { type: 'alert', id } });
      return alert;
    },
    async setStatus(principal, id, status) {
      const alert = await load(principal, id, 'alert.manage', `alert.${status}`);
      if (alert.status === 'incident') throw alertErrors.already_in_incident();
      const actorRef = `${principal.actor.kind}:${principal.actor.id}`;
      await db.transaction(async (tx) => {
        await setAlertStatus(tx, id, status, actorRef, now());
        await audit.append(tx, { ...eventContext(principal), action: `alert.${status === 'new' ? 'reopen' : status === 'acknowledged' ? 'acknowledge' : 'dismiss'}`, brandId: alert.brandIds[0] ?? null, outcome: 'success', target: { type: 'alert', id } });
      });
      return { ...alert, status, statusBy: actorRef };
    },
  };
}
