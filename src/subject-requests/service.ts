import { randomUUID } from 'node:crypto';
import { brandsAllowed, isAllowed, isUuid, type Principal } from '../access/index.js';
import type { Action } from '../access/permissions.js';
import { authorize, eventContext, recordAlone, type AuditLog } from '../audit/index.js';
import { callHoldings, callsMatching, callSummaries, eraseCall, subjectValueHashes } from '../calls/index.js';
import type { Db, Queryable } from '../db/types.js';
import { CallvaultError } from '../errors.js';
import { destroyTokensOfCall, tokensOfCall } from '../payments/index.js';
import { activeHold } from '../retention/holds.js';
import type { ObjectStore } from '../storage/index.js';
import { brandScope, type Vault } from '../vault/index.js';
import { buildCertificate, type Certificate } from './certificate.js';
import * as data from './data.js';
import { deadlineClock, extendedDeadline, firstDeadline } from './deadlines.js';
import { subjectRequestErrors as errors } from './errors.js';
import type { EraseResult, FoundCall, NewSubjectRequest, SubjectExport, SubjectIdentifiers, SubjectRequestView } from './types.js';

export interface SubjectRequestDeps {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  store: ObjectStore;
  now?: () => Date;
}

export interface SubjectRequestService {
  create(p: Principal, input: NewSubjectRequest): Promise<SubjectRequestView>;
  list(p: Principal, filter: { brandId?: string; status?: data.RequestStatus; limit?: number }): Promise<SubjectRequestView[]>;
  get(p: Principal, id: string): Promise<SubjectRequestView>;
  /** Every call of the brand whose blind index holds one of the subject's identifiers. */
  find(p: Principal, id: string): Promise<SubjectRequestView>;
  /** The package for an access / know request: redacted content of the calls found, never the original. */
  exportPackage(p: Principal, id: string): Promise<SubjectExport>;
  /** Erases the calls found (keys destroyed, objects deleted); held calls are kept and listed. */
  erase(p: Principal, id: string): Promise<EraseResult>;
  extend(p: Principal, id: string, reason: string): Promise<SubjectRequestView>;
  reject(p: Principal, id: string, reason: string): Promise<SubjectRequestView>;
  close(p: Principal, id: string): Promise<SubjectRequestView>;
  certificate(p: Principal, id: string): Promise<Certificate>;
}

const IDENTIFIER_FIELDS: [keyof SubjectIdentifiers, data.IdentifierType][] = [
  ['phones', 'PHONE'],
  ['emails', 'EMAIL'],
  ['names', 'PERSON'],
  ['accountNumbers', 'BANK_ACCOUNT'],
];
const actorRef = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;
const KIND_OF_REGIME = { gdpr: ['access', 'erasure'], ccpa: ['know', 'delete'] } as const;
const isErasure = (k: data.RequestKind) => k === 'erasure' || k === 'delete';

export function createSubjectRequestService(deps: SubjectRequestDeps): SubjectRequestService {
  const { db, vault, audit, store } = deps;
  const now = deps.now ?? (() => new Date());

  /** The request, if the principal may `action` on its brand; another brand's request looks not found. */
  async function load(p: Principal, id: string, action: Action, verb: string): Promise<data.RequestRow> {
    const r = isUuid(id) ? await data.findRequest(db, id) : undefined;
    if (!r) throw errors.not_found();
    if (isAllowed(p, action, r.brand_id)) return r;
    await recordAlone({ db, audit }, { ...eventContext(p), action: verb, brandId: r.brand_id, target: { type: 'subject_request', id }, outcome: 'denied', details: { permission: action } });
    // Readers of the brand learn that acting needs more; others learn nothing about the request.
    if (isAllowed(p, 'dsar.read', r.brand_id)) throw new CallvaultError('forbidden', 'access.forbidden', 'not allowed');
    throw errors.not_found();
  }

  const record = (tx: Queryable, p: Principal, r: { id: string; brand_id: string }, action: string, details: Record<string, string | number | boolean | null> = {}) =>
    audit.append(tx, { ...eventContext(p), action, brandId: r.brand_id, target: { type: 'subject_request', id: r.id }, outcome: 'success', details });

  function requireStatus(r: data.RequestRow, allowed: readonly data.RequestStatus[]): void {
    if (!allowed.includes(r.status)) throw errors.bad_status(`The request is ${r.status}; this needs it ${allowed.join(' or ')}`);
  }

  async function view(q: Queryable, r: data.RequestRow, withCalls: boolean): Promise<SubjectRequestView> {
    const hashes = await data.identifierHashes(q, r.id);
    const identifierTypes: SubjectRequestView['identifierTypes'] = {};
    for (const h of hashes) identifierTypes[h.type] = (identifierTypes[h.type] ?? 0) + 1;
    const extensions = [];
    for (const e of await data.extensionsOf(q, r.id)) {
      extensions.push({ position: e.position, reason: (await data.openText(vault, q, r.brand_id, e.id, e.reason_sealed)) ?? '', previousDueAt: new Date(e.previous_due_at), newDueAt: new Date(e.new_due_at), extendedBy: e.extended_by, extendedAt: new Date(e.extended_at) });
    }
    const dueAt = new Date(r.due_at);
    const finished = r.status === 'closed' || r.status === 'rejected' ? new Date(r.closed_at ?? r.due_at) : null;
    const out: SubjectRequestView = {
      id: r.id,
      number: Number(r.number),
      brandId: r.brand_id,
      regime: r.regime,
      kind: r.kind,
      status: r.status,
      receivedAt: new Date(r.received_at),
      baseDueAt: new Date(r.base_due_at),
      dueAt,
      clock: deadlineClock(dueAt, finished, now()),
      identifierTypes,
      extensions,
      rejectionReason: await data.openText(vault, q, r.brand_id, r.id, r.rejection_sealed),
      foundCount: r.found_count,
      foundAt: r.found_at && new Date(r.found_at),
      exportedAt: r.exported_at && new Date(r.exported_at),
      erasedAt: r.erased_at && new Date(r.erased_at),
      closedAt: r.closed_at && new Date(r.closed_at),
      closedBy: r.closed_by,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
    };
    if (withCalls) out.calls = await foundCalls(q, r);
    return out;
  }

  async function foundCalls(q: Queryable, r: data.RequestRow): Promise<FoundCall[]> {
    const rows = await data.callsOf(q, r.id);
    const meta = new Map((await callSummaries(q, r.brand_id, rows.map((c) => c.call_id))).map((c) => [c.id, c]));
    return rows.map((c) => {
      const m = meta.get(c.call_id);
      return {
        callId: c.call_id,
        outcome: c.outcome,
        holdId: c.hold_id,
        foundAt: new Date(c.found_at),
        actedAt: c.acted_at && new Date(c.acted_at),
        call: m ? { externalId: m.externalId, agentRef: m.agentRef, startedAt: m.startedAt, status: m.status, durationSeconds: m.durationSeconds, redactionCount: m.redactionCount, hasRecording: m.hasRecording, createdAt: m.createdAt } : null,
      };
    });
  }

  const reload = async (q: Queryable, id: string) => (await data.findRequest(q, id, true))!;

  return {
    async create(p, input) {
      await authorize({ db, audit }, p, 'dsar.manage', input.brandId, { action: 'subject_request.create' });
      if (!(KIND_OF_REGIME[input.regime] as readonly string[]).includes(input.kind)) throw new CallvaultError('invalid_input', 'subject_request.bad_kind', `kind: ${input.regime} requests are ${KIND_OF_REGIME[input.regime].join(' or ')}`);
      const t = now();
      const receivedAt = input.receivedAt ?? t;
      if (receivedAt.getTime() > t.getTime() + 60_000) throw errors.received_in_future();
      if ((await db.query('SELECT 1 FROM brands WHERE id = $1', [input.brandId])).rows.length === 0) throw errors.brand_not_found();
      const values = IDENTIFIER_FIELDS.flatMap(([field, type]) => (input.identifiers[field] ?? []).map((value) => ({ type, value })));
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const hashes = await subjectValueHashes(tx, vault, input.brandId, values, t);
        if (hashes.length === 0) throw errors.no_identifier();
        await data.insertRequest(tx, { id, brandId: input.brandId, regime: input.regime, kind: input.kind, receivedAt, dueAt: firstDeadline(input.regime, receivedAt), createdBy: actorRef(p), now: t }, hashes);
        await record(tx, p, { id, brand_id: input.brandId }, 'subject_request.create', { regime: input.regime, kind: input.kind, identifiers: hashes.length });
      });
      return view(db, (await data.findRequest(db, id))!, true);
    },

    async list(p, f) {
      const allowed = brandsAllowed(p, 'dsar.read');
      if (allowed !== null && allowed.length === 0) throw new CallvaultError('forbidden', 'access.forbidden', 'not allowed');
      const brands = f.brandId ? (allowed === null || allowed.includes(f.brandId) ? [f.brandId] : []) : allowed;
      if (brands !== null && brands.length === 0) return [];
      const rows = await data.listRequests(db, brands, { ...(f.status && { status: f.status }), limit: Math.min(Math.max(f.limit ?? 100, 1), 500) });
      return Promise.all(rows.map((r) => view(db, r, false)));
    },

    async get(p, id) {
      const r = await load(p, id, 'dsar.read', 'subject_request.read');
      // Which calls concern a person is itself personal data: the read is audited.
      await db.transaction((tx) => record(tx, p, r, 'subject_request.read', { calls: r.found_count ?? 0 }));
      return view(db, r, true);
    },

    async find(p, id) {
      await load(p, id, 'dsar.manage', 'subject_request.find');
      return db.transaction(async (tx) => {
        const r = await reload(tx, id);
        requireStatus(r, ['open', 'found', 'exported', 'erased']);
        const callIds = await callsMatching(tx, r.brand_id, (await data.identifierHashes(tx, id)).map((h) => h.hash));
        const t = now();
        await data.setFound(tx, id, callIds, t);
        await data.updateRequest(tx, id, t, { ...(r.status === 'open' && { status: 'found' as const }), found_count: callIds.length, found_at: t });
        await record(tx, p, r, 'subject_request.find', { calls: callIds.length });
        return view(tx, await reload(tx, id), true);
      });
    },

    async exportPackage(p, id) {
      const first = await load(p, id, 'dsar.manage', 'subject_request.export');
      if (isErasure(first.kind)) throw errors.wrong_kind();
      return db.transaction(async (tx) => {
        const r = await reload(tx, id);
        requireStatus(r, ['found', 'exported']);
        const t = now();
        const out: SubjectExport = {
          format: 'callvault.subject-export', version: 1, requestId: r.id, requestNumber: Number(r.number), regime: r.regime, kind: r.kind, brandId: r.brand_id, generatedAt: t.toISOString(), calls: [],
          notIncluded: ['original transcripts and recordings (never exported; only the redacted versions are)', 'payment card numbers (tokens are listed by existence only)', 'QA scorecard notes (listed by existence only)'],
        };
        for (const c of await data.callsOf(tx, id)) {
          const h = await callHoldings(tx, vault, r.brand_id, c.call_id);
          if (!h) continue; // erased meanwhile
          const tokens = await tokensOfCall(tx, r.brand_id, h.call.externalId);
          out.calls.push({
            callId: c.call_id,
            metadata: { ...h.call, startedAt: h.call.startedAt?.toISOString() ?? null, endedAt: h.call.endedAt?.toISOString() ?? null, createdAt: h.call.createdAt.toISOString(), originalKeptUntil: h.call.originalKeptUntil?.toISOString() ?? null, originalKept: h.originalKept },
            redactedTranscript: h.redactedTranscript,
            hasRedactedRecording: h.hasRedactedRecording,
            scorecards: h.scorecards,
            breakGlassGrants: h.breakGlassGrants,
            paymentTokens: { count: tokens.length, createdAt: tokens.map((k) => k.createdAt) },
          });
          if (c.outcome === 'found') await data.setCallOutcome(tx, id, c.call_id, 'exported', t);
          // A read of the subject's data, one event per call, in the same transaction as the export.
          await audit.append(tx, { ...eventContext(p), action: 'call.export', brandId: r.brand_id, target: { type: 'call', id: c.call_id }, outcome: 'success', details: { subjectRequest: id, tokens: tokens.length } });
        }
        await data.updateRequest(tx, id, t, { status: 'exported', exported_at: t });
        await record(tx, p, r, 'subject_request.export', { calls: out.calls.length });
        return out;
      });
    },

    async erase(p, id) {
      const first = await load(p, id, 'dsar.manage', 'subject_request.erase');
      if (!isErasure(first.kind)) throw errors.wrong_kind();
      requireStatus(first, ['found', 'erased']);
      const erased: EraseResult['erased'] = [];
      const held: EraseResult['held'] = [];
      const pending = (await data.callsOf(db, id)).filter((c) => c.outcome === 'found' || c.outcome === 'held');
      for (const c of pending) {
        // One transaction per call: a failure leaves the calls already erased erased, and each
        // erasure's audit event commits with it. Objects are deleted once the keys are gone.
        const objectKeys = await db.transaction(async (tx) => {
          const t = now();
          const hold = await activeHold(tx, first.brand_id, c.call_id);
          if (hold) {
            await data.setCallOutcome(tx, id, c.call_id, 'held', t, { holdId: hold.id });
            await record(tx, p, first, 'subject_request.erase.held', { callId: c.call_id, holdId: hold.id });
            held.push({ callId: c.call_id, holdId: hold.id });
            return [];
          }
          const gone = await eraseCall(tx, audit, first.brand_id, c.call_id, eventContext(p), { subjectRequest: id });
          const tokens = gone ? await destroyTokensOfCall(tx, first.brand_id, gone.externalId) : [];
          if (tokens.length > 0) await audit.append(tx, { ...eventContext(p), action: 'payment.token.destroy', brandId: first.brand_id, target: { type: 'call', id: c.call_id }, outcome: 'success', details: { subjectRequest: id, tokens: tokens.length } });
          await data.setCallOutcome(tx, id, c.call_id, 'erased', t, { keys: gone?.keysDestroyed ?? 0, tokens: tokens.length });
          erased.push({ callId: c.call_id, keysDestroyed: gone?.keysDestroyed ?? 0, tokensDestroyed: tokens.length });
          return gone?.objectKeys ?? [];
        });
        // The key is already destroyed, so a leftover object is unreadable; deleting it is tidiness.
        for (const key of objectKeys) await store.delete(key).catch(() => undefined);
      }
      const result = await db.transaction(async (tx) => {
        const t = now();
        const r = await reload(tx, id);
        if (erased.length > 0 || pending.length === 0) await data.updateRequest(tx, id, t, { status: 'erased', erased_at: t });
        await record(tx, p, r, 'subject_request.erase', { erased: erased.length, held: held.length });
        return view(tx, await reload(tx, id), true);
      });
      if (erased.length === 0 && held.length > 0) throw errors.held();
      return { request: result, erased, held };
    },

    async extend(p, id, reason) {
      await load(p, id, 'dsar.manage', 'subject_request.extend');
      return db.transaction(async (tx) => {
        const r = await reload(tx, id);
        requireStatus(r, ['open', 'found', 'exported', 'erased']);
        const count = (await data.extensionsOf(tx, id)).length;
        const next = extendedDeadline(r.regime, new Date(r.due_at), count);
        if (!next) throw errors.no_more_extensions();
        const t = now();
        await data.insertExtension(vault, tx, { requestId: id, brandId: r.brand_id, position: count + 1, reason, previousDueAt: new Date(r.due_at), newDueAt: next, by: actorRef(p), now: t });
        await data.updateRequest(tx, id, t, { due_at: next });
        await record(tx, p, r, 'subject_request.extend', { position: count + 1, dueAt: next.toISOString() });
        return view(tx, await reload(tx, id), true);
      });
    },

    async reject(p, id, reason) {
      await load(p, id, 'dsar.manage', 'subject_request.reject');
      return db.transaction(async (tx) => {
        const r = await reload(tx, id);
        requireStatus(r, ['open', 'found']);
        const t = now();
        await data.updateRequest(tx, id, t, { status: 'rejected', rejection_sealed: await vault.encrypt(tx, brandScope(r.brand_id), id, Buffer.from(reason, 'utf8')), closed_at: t, closed_by: actorRef(p) });
        await record(tx, p, r, 'subject_request.reject');
        return view(tx, await reload(tx, id), true);
      });
    },

    async close(p, id) {
      await load(p, id, 'dsar.manage', 'subject_request.close');
      return db.transaction(async (tx) => {
        const r = await reload(tx, id);
        requireStatus(r, ['found', 'exported', 'erased']);
        const t = now();
        await data.updateRequest(tx, id, t, { status: 'closed', closed_at: t, closed_by: actorRef(p) });
        await record(tx, p, r, 'subject_request.close', { onTime: t <= new Date(r.due_at) });
        return view(tx, await reload(tx, id), true);
      });
    },

    async certificate(p, id) {
      const r = await load(p, id, 'dsar.read', 'subject_request.certificate');
      if (r.status !== 'closed' && r.status !== 'rejected') throw errors.not_finished();
      const v = await view(db, r, true);
      return buildCertificate(v, await data.auditTrailOf(db, r.brand_id, id), await data.callsOf(db, id), now());
    },
  };
}
