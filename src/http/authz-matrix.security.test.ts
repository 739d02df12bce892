import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../access/index.js';
import { upsertAlerts } from '../anomalies/index.js';
import { forEachDatabase } from '../testing/databases.js';
import { matrixCall } from '../calls/calls.test-helpers.js';
import { CSRF, operator, signInFirstTime, startTestServer, type TestServer } from './http.test-helpers.js';

/**
 * Authorization matrix: every /api route × every kind of caller × own and foreign brand.
 * Routes come from the app's route table; a route missing from POLICY below fails the test, so a
 * new route cannot escape the matrix. Expectations: allowed → 2xx; not allowed → 401 (no
 * credentials) or 403/404; and whatever the status, no answer to a caller outside brand B ever
 * contains brand B's data (0 leaks).
 */
type Caller = Role | 'api_key' | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'api_key', 'agent', 'qa_reviewer', 'supervisor', 'auditor', 'security_admin'];

interface Target {
  brandId: string;
  victimUserId: string;
  victimKeyIds: string[];
  /** A redacted call of the brand, with a recording. */
  callId: string;
  /** An alert about the brand, and an incident of it. */
  alertId: string;
  incidentId: string;
  /** A payment session an agent of the brand took (ended, so its stream closes). */
  paymentId: string;
  /** A closed data-subject request of the brand (it matched no call). */
  subjectRequestId: string;
  /** A closed recertification campaign of the brand ('keep': nobody lost access) and one of its items. */
  recertCampaignId: string;
  recertItemId: string;
  /** A vendor touching the brand (overdue for review), one of its certifications and an evidence file. */
  vendorId: string;
  vendorCertificationId: string;
  vendorEvidenceId: string;
}
interface Req {
  url: string;
  body?: object;
}
interface Case {
  /** brand: acts on a brand's data (own vs foreign); self: the caller's own session or a list. */
  scope: 'brand' | 'self';
  /** Callers who get a 2xx on their own brand (self: at all). Omitted on self routes whose status varies by sign-in stage. */
  allow?: Caller[];
  req: (t: Target, n: number) => Req;
  /** Ends the caller's session: runs after every other route, in this order. */
  last?: 1 | 2;
}

const ADMIN_ONLY: Caller[] = ['security_admin'];
const WATCHERS: Caller[] = ['auditor', 'security_admin'];
const CALL_READERS: Caller[] = ['qa_reviewer', 'supervisor', 'security_admin', 'api_key'];
const SIGNED_IN: Caller[] = ['agent', 'qa_reviewer', 'supervisor', 'auditor', 'security_admin'];
const PAYMENT_READERS: Caller[] = ['supervisor', 'auditor', 'security_admin'];
/** Recertification and training: supervisors answer and read, auditors watch, admins manage. */
const GOVERNANCE_READERS: Caller[] = ['supervisor', 'auditor', 'security_admin'];
const POLICY: Record<string, Case> = {
  'POST /api/v1/auth/login': { scope: 'self', req: () => ({ url: '/api/v1/auth/login', body: { email: 'nobody@example.test', password: 'wrong password' } }) },
  'POST /api/v1/auth/password': { scope: 'self', req: () => ({ url: '/api/v1/auth/password', body: { currentPassword: 'not it', newPassword: 'short' } }) },
  'GET /api/v1/auth/status': { scope: 'self', allow: SIGNED_IN, req: () => ({ url: '/api/v1/auth/status' }) },
  'POST /api/v1/auth/mfa/totp': { scope: 'self', req: () => ({ url: '/api/v1/auth/mfa/totp', body: { code: '000000' } }) },
  'POST /api/v1/auth/mfa/recovery': { scope: 'self', req: () => ({ url: '/api/v1/auth/mfa/recovery', body: { code: 'aaaa-bbbb' } }) },
  'POST /api/v1/auth/mfa/webauthn/options': { scope: 'self', req: () => ({ url: '/api/v1/auth/mfa/webauthn/options' }) },
  'POST /api/v1/auth/mfa/webauthn/verify': { scope: 'self', req: () => ({ url: '/api/v1/auth/mfa/webauthn/verify', body: { response: { id: 'x' } } }) },
  'POST /api/v1/auth/logout': { scope: 'self', last: 2, req: () => ({ url: '/api/v1/auth/logout' }) },
  'POST /api/v1/auth/logout-all': { scope: 'self', last: 1, allow: SIGNED_IN, req: () => ({ url: '/api/v1/auth/logout-all' }) },
  'GET /api/v1/auth/me': { scope: 'self', allow: SIGNED_IN, req: () => ({ url: '/api/v1/auth/me' }) },
  'POST /api/v1/mfa/totp/enroll': { scope: 'self', req: () => ({ url: '/api/v1/mfa/totp/enroll' }) },
  'POST /api/v1/mfa/totp/confirm': { scope: 'self', req: () => ({ url: '/api/v1/mfa/totp/confirm', body: { code: '000000' } }) },
  'POST /api/v1/mfa/webauthn/register/options': { scope: 'self', req: () => ({ url: '/api/v1/mfa/webauthn/register/options' }) },
  'POST /api/v1/mfa/webauthn/register/verify': { scope: 'self', req: () => ({ url: '/api/v1/mfa/webauthn/register/verify', body: { response: { id: 'x' } } }) },
  'GET /api/v1/brands': { scope: 'self', allow: [...SIGNED_IN, 'api_key'], req: () => ({ url: '/api/v1/brands' }) },
  'POST /api/v1/brands': { scope: 'self', allow: ADMIN_ONLY, req: (_t, n) => ({ url: '/api/v1/brands', body: { name: `Matrix brand ${n}` } }) },
  'PATCH /api/v1/brands/:brandId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}`, body: { agentMfaRequired: false } }) },
  'GET /api/v1/users': { scope: 'brand', allow: ['security_admin', 'supervisor'], req: (t) => ({ url: `/api/v1/users?brandId=${t.brandId}` }) },
  'POST /api/v1/users': {
    scope: 'brand',
    allow: ADMIN_ONLY,
    req: (t, n) => ({ url: '/api/v1/users', body: { email: `matrix-new-${n}@example.test`, displayName: 'New', assignments: [{ brandId: t.brandId, role: 'agent' }] } }),
  },
  'PUT /api/v1/users/:userId/assignments': {
    scope: 'brand',
    allow: ADMIN_ONLY,
    req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/assignments`, body: { assignments: [{ brandId: t.brandId, role: 'agent' }] } }),
  },
  'POST /api/v1/users/:userId/mfa/reset': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/mfa/reset` }) },
  'POST /api/v1/users/:userId/unlock': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/unlock` }) },
  'POST /api/v1/users/:userId/suspend': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/suspend` }) },
  'POST /api/v1/users/:userId/reinstate': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/reinstate` }) },
  'POST /api/v1/users/:userId/sessions/end': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/users/${t.victimUserId}/sessions/end` }) },
  'GET /api/v1/brands/:brandId/api-keys': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/api-keys` }) },
  'POST /api/v1/brands/:brandId/api-keys': {
    scope: 'brand',
    allow: ADMIN_ONLY,
    req: (t) => ({ url: `/api/v1/brands/${t.brandId}/api-keys`, body: { name: 'matrix', scopes: ['audit.read'], expiresInDays: 30 } }),
  },
  'DELETE /api/v1/api-keys/:keyId': { scope: 'brand', allow: ADMIN_ONLY, req: (t, n) => ({ url: `/api/v1/api-keys/${t.victimKeyIds[n % t.victimKeyIds.length]}` }) },
  'POST /api/v1/brands/:brandId/keys/rotate': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/keys/rotate` }) },
  'GET /api/v1/audit/events': { scope: 'brand', allow: ['security_admin', 'auditor', 'api_key'], req: (t) => ({ url: `/api/v1/audit/events?brandId=${t.brandId}` }) },
  'POST /api/v1/brands/:brandId/calls': {
    scope: 'brand',
    allow: ['api_key', 'security_admin'],
    req: (t, n) => ({ url: `/api/v1/brands/${t.brandId}/calls`, body: { metadata: { externalId: `matrix-${n}` }, transcript: 'agent: hello, how can I help?' } }),
  },
  'GET /api/v1/calls': { scope: 'self', allow: [...SIGNED_IN, 'api_key'], req: () => ({ url: '/api/v1/calls' }) },
  'GET /api/v1/calls/:callId': { scope: 'brand', allow: CALL_READERS, req: (t) => ({ url: `/api/v1/calls/${t.callId}` }) },
  'GET /api/v1/calls/:callId/transcript': { scope: 'brand', allow: CALL_READERS, req: (t) => ({ url: `/api/v1/calls/${t.callId}/transcript` }) },
  'GET /api/v1/calls/:callId/audio': { scope: 'brand', allow: CALL_READERS, req: (t) => ({ url: `/api/v1/calls/${t.callId}/audio` }) },
  'POST /api/v1/calls/:callId/scorecards': { scope: 'brand', allow: ['qa_reviewer', 'supervisor', 'security_admin'], req: (t) => ({ url: `/api/v1/calls/${t.callId}/scorecards`, body: { score: 80, notes: 'matrix' } }) },
  'POST /api/v1/calls/:callId/break-glass': {
    scope: 'brand',
    allow: ['supervisor', 'security_admin'],
    req: (t) => ({ url: `/api/v1/calls/${t.callId}/break-glass`, body: { reason: 'authorization matrix check' } }),
  },
  // Readable only under a live grant of the caller: the status depends on the grants made above.
  'GET /api/v1/calls/:callId/original': { scope: 'brand', req: (t) => ({ url: `/api/v1/calls/${t.callId}/original` }) },
  'GET /api/v1/calls/:callId/original/audio': { scope: 'brand', req: (t) => ({ url: `/api/v1/calls/${t.callId}/original/audio` }) },
  'GET /api/v1/brands/:brandId/redaction-policy': { scope: 'brand', allow: ['qa_reviewer', 'supervisor', 'security_admin'], req: (t) => ({ url: `/api/v1/brands/${t.brandId}/redaction-policy` }) },
  'PUT /api/v1/brands/:brandId/redaction-policy': {
    scope: 'brand',
    allow: ADMIN_ONLY,
    req: (t) => ({ url: `/api/v1/brands/${t.brandId}/redaction-policy`, body: { policy: { version: 1 }, keepOriginalDays: 30, audioMode: 'silence', maskDtmf: true } }),
  },
  'POST /api/v1/brands/:brandId/redaction-policy/preview': {
    scope: 'brand',
    allow: ['qa_reviewer', 'supervisor', 'security_admin'],
    req: (t) => ({ url: `/api/v1/brands/${t.brandId}/redaction-policy/preview`, body: { text: 'my card is 4111 1111 1111 1111' } }),
  },
  'GET /api/v1/audit/verify': { scope: 'brand', allow: ['security_admin', 'auditor', 'api_key'], req: (t) => ({ url: `/api/v1/audit/verify?brandId=${t.brandId}` }) },
  'GET /api/v1/alerts': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/alerts' }) },
  'GET /api/v1/alerts/:alertId': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/alerts/${t.alertId}` }) },
  'POST /api/v1/alerts/:alertId/status': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/alerts/${t.alertId}/status`, body: { status: 'acknowledged' } }) },
  'POST /api/v1/alerts/:alertId/incident': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/alerts/${t.alertId}/incident`, body: {} }) },
  // Recertification: admins open and close campaigns; supervisors answer (recert.respond) and, with auditors, watch.
  'POST /api/v1/recertification/campaigns': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: '/api/v1/recertification/campaigns', body: { brandIds: [t.brandId] } }) },
  'GET /api/v1/recertification/campaigns': { scope: 'self', allow: GOVERNANCE_READERS, req: () => ({ url: '/api/v1/recertification/campaigns' }) },
  'GET /api/v1/recertification/status': { scope: 'self', allow: GOVERNANCE_READERS, req: () => ({ url: '/api/v1/recertification/status' }) },
  'GET /api/v1/recertification/campaigns/:campaignId': { scope: 'brand', allow: GOVERNANCE_READERS, req: (t) => ({ url: `/api/v1/recertification/campaigns/${t.recertCampaignId}` }) },
  'GET /api/v1/recertification/campaigns/:campaignId/items': { scope: 'brand', allow: GOVERNANCE_READERS, req: (t) => ({ url: `/api/v1/recertification/campaigns/${t.recertCampaignId}/items` }) },
  'GET /api/v1/recertification/campaigns/:campaignId/evidence': { scope: 'brand', allow: GOVERNANCE_READERS, req: (t) => ({ url: `/api/v1/recertification/campaigns/${t.recertCampaignId}/evidence` }) },
  'POST /api/v1/recertification/campaigns/:campaignId/close': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/recertification/campaigns/${t.recertCampaignId}/close` }) },
  // The matrix's campaign is closed: responders get 409, others 403 (recertification.test.ts answers open items).
  'POST /api/v1/recertification/items/:itemId/decision': { scope: 'brand', req: (t) => ({ url: `/api/v1/recertification/items/${t.recertItemId}/decision`, body: { decision: 'confirm' } }) },
  // Training: admins manage modules, completions and requirements; supervisors and auditors read.
  'GET /api/v1/training/modules': { scope: 'self', allow: GOVERNANCE_READERS, req: () => ({ url: '/api/v1/training/modules' }) },
  'POST /api/v1/training/modules': { scope: 'self', allow: ADMIN_ONLY, req: (_t, n) => ({ url: '/api/v1/training/modules', body: { id: `matrix_${n}`, title: 'Matrix module' } }) },
  'POST /api/v1/training/completions': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: '/api/v1/training/completions', body: { userId: t.victimUserId, moduleId: 'phishing' } }) },
  'GET /api/v1/training/users/:userId': { scope: 'brand', allow: GOVERNANCE_READERS, req: (t) => ({ url: `/api/v1/training/users/${t.victimUserId}` }) },
  'GET /api/v1/brands/:brandId/training': { scope: 'brand', allow: GOVERNANCE_READERS, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/training` }) },
  // Empty: a requirement would refuse the matrix's own assignment changes.
  'PUT /api/v1/brands/:brandId/training/requirements': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/training/requirements`, body: { moduleIds: [] } }) },
  'GET /api/v1/incidents': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/incidents' }) },
  'POST /api/v1/incidents': {
    scope: 'brand',
    allow: ADMIN_ONLY,
    req: (t, n) => ({ url: '/api/v1/incidents', body: { title: `Matrix incident ${n}`, playbook: 'lost_device', severity: 'low', brandIds: [t.brandId] } }),
  },
  'GET /api/v1/incidents/:incidentId': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}` }) },
  'PATCH /api/v1/incidents/:incidentId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}`, body: { severity: 'high' } }) },
  'GET /api/v1/incidents/:incidentId/timeline': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/timeline` }) },
  'POST /api/v1/incidents/:incidentId/notes': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/notes`, body: { text: 'matrix note' } }) },
  'PUT /api/v1/incidents/:incidentId/tasks/:position': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/tasks/1`, body: { done: true } }) },
  'POST /api/v1/incidents/:incidentId/clocks/:kind/met': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/clocks/gdpr_authority/met` }) },
  'POST /api/v1/incidents/:incidentId/containment': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/containment`, body: { action: 'end_sessions' } }) },
  'GET /api/v1/incidents/:incidentId/blast-radius': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/blast-radius` }) },
  'GET /api/v1/incidents/:incidentId/report': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/incidents/${t.incidentId}/report` }) },
  'POST /api/v1/payments': {
    scope: 'brand',
    allow: ['agent', 'supervisor', 'security_admin'],
    req: (t, n) => ({ url: '/api/v1/payments', body: { brandId: t.brandId, callRef: `matrix-call-${n}`, amountMinor: 100, currency: 'USD', description: 'matrix' } }),
  },
  'GET /api/v1/payments': { scope: 'self', allow: [...SIGNED_IN, 'api_key'], req: () => ({ url: '/api/v1/payments' }) },
  'GET /api/v1/payments/:paymentId': { scope: 'brand', allow: PAYMENT_READERS, req: (t) => ({ url: `/api/v1/payments/${t.paymentId}` }) },
  'GET /api/v1/payments/:paymentId/stream': { scope: 'brand', allow: PAYMENT_READERS, req: (t) => ({ url: `/api/v1/payments/${t.paymentId}/stream` }) },
  // Only the session's own agent (or an admin) drives it, and the target has ended: 404 for all
  // but admins, who get 409 (payments.routes.test.ts drives live sessions).
  'POST /api/v1/payments/:paymentId/cancel': { scope: 'brand', req: (t) => ({ url: `/api/v1/payments/${t.paymentId}/cancel` }) },
  'POST /api/v1/payments/:paymentId/charge': { scope: 'brand', req: (t) => ({ url: `/api/v1/payments/${t.paymentId}/charge` }) },
  'POST /api/v1/payments/:paymentId/reenter': { scope: 'brand', req: (t) => ({ url: `/api/v1/payments/${t.paymentId}/reenter`, body: { field: 'card_number' } }) },
  // Only an API key scoped payment.capture, with a signature (the matrix key has neither).
  'POST /api/v1/payments/keypresses': { scope: 'self', allow: [], req: (_t, n) => ({ url: '/api/v1/payments/keypresses', body: { callRef: 'matrix', eventId: `ev-${n}`, key: '4' } }) },
  'GET /api/v1/payments/audio-streams': { scope: 'self', allow: [], req: () => ({ url: '/api/v1/payments/audio-streams?callRef=matrix' }) },
  'POST /api/v1/payments/rtp-streams': { scope: 'self', allow: [], req: (_t, n) => ({ url: '/api/v1/payments/rtp-streams', body: { callRef: 'matrix', ssrc: 1000 + n } }) },
  'GET /api/v1/brands/:brandId/payment-settings': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/payment-settings` }) },
  'PUT /api/v1/brands/:brandId/payment-settings': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/payment-settings`, body: { collectPostal: false } }) },
  'POST /api/v1/brands/:brandId/payment-settings/signing-secret': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/payment-settings/signing-secret` }) },
  // Data-subject requests: admins open and act (dsar.manage), auditors read (dsar.read).
  'GET /api/v1/subject-requests': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/subject-requests' }) },
  'POST /api/v1/subject-requests': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: '/api/v1/subject-requests', body: { brandId: t.brandId, regime: 'gdpr', kind: 'access', identifiers: { emails: ['nobody-matrix@example.test'] } } }) },
  'GET /api/v1/subject-requests/:requestId': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}` }) },
  'GET /api/v1/subject-requests/:requestId/certificate': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/certificate` }) },
  // The matrix's request is closed: admins get 409, others 403/404 (subject-requests.test.ts drives open ones).
  'POST /api/v1/subject-requests/:requestId/find': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/find` }) },
  'POST /api/v1/subject-requests/:requestId/export': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/export` }) },
  'POST /api/v1/subject-requests/:requestId/erase': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/erase` }) },
  'POST /api/v1/subject-requests/:requestId/extend': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/extend`, body: { reason: 'matrix' } }) },
  'POST /api/v1/subject-requests/:requestId/reject': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/reject`, body: { reason: 'matrix' } }) },
  'POST /api/v1/subject-requests/:requestId/close': { scope: 'brand', req: (t) => ({ url: `/api/v1/subject-requests/${t.subjectRequestId}/close` }) },
  // Retention: admins set days, place and release holds, run purges; auditors (and admins) read.
  'GET /api/v1/brands/:brandId/compliance-report': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/compliance-report` }) },
  'GET /api/v1/brands/:brandId/retention': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/retention` }) },
  'PUT /api/v1/brands/:brandId/retention': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/retention`, body: { qaNotes: 3650 } }) },
  'GET /api/v1/brands/:brandId/legal-holds': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/brands/${t.brandId}/legal-holds` }) },
  // A hold on the matrix call (one case per request): it only suspends purges of that call.
  'POST /api/v1/brands/:brandId/legal-holds': { scope: 'brand', allow: ADMIN_ONLY, req: (t, n) => ({ url: `/api/v1/brands/${t.brandId}/legal-holds`, body: { caseRef: `MATRIX-${n}`, callId: t.callId } }) },
  // An unknown hold: 404 for admins too (retention.test.ts releases real ones).
  'POST /api/v1/brands/:brandId/legal-holds/:holdId/release': { scope: 'brand', allow: [], req: (t) => ({ url: `/api/v1/brands/${t.brandId}/legal-holds/00000000-0000-4000-8000-000000000000/release` }) },
  'GET /api/v1/retention/runs': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/retention/runs' }) },
  'POST /api/v1/retention/runs': { scope: 'self', allow: ADMIN_ONLY, req: () => ({ url: '/api/v1/retention/runs' }) },
  // Vendors: admins manage (vendor.manage), auditors of a brand the vendor touches read. Links are made and
  // then undone in route order; the revocation comes last (vendors.test.ts revokes vendors with live links).
  'GET /api/v1/vendors': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/vendors' }) },
  'POST /api/v1/vendors': { scope: 'brand', allow: ADMIN_ONLY, req: (t, n) => ({ url: '/api/v1/vendors', body: { name: `Matrix vendor ${n}`, kind: 'other', brands: [{ brandId: t.brandId }] } }) },
  'GET /api/v1/vendors/dashboard': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/vendors/dashboard' }) },
  'GET /api/v1/vendors/:vendorId': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}` }) },
  'PATCH /api/v1/vendors/:vendorId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}`, body: { services: 'matrix services' } }) },
  'PUT /api/v1/vendors/:vendorId/brands': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/brands`, body: { brands: [{ brandId: t.brandId, dataAccess: 'matrix' }] } }) },
  'PUT /api/v1/vendors/:vendorId/contacts': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/contacts`, body: { contacts: [{ name: 'Matrix Contact', email: 'matrix@vendor.example' }] } }) },
  'POST /api/v1/vendors/:vendorId/api-keys': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/api-keys`, body: { apiKeyId: t.victimKeyIds[0] } }) },
  'DELETE /api/v1/vendors/:vendorId/api-keys/:apiKeyId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/api-keys/${t.victimKeyIds[0]}` }) },
  'POST /api/v1/vendors/:vendorId/users': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/users`, body: { userId: t.victimUserId } }) },
  'DELETE /api/v1/vendors/:vendorId/users/:userId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/users/${t.victimUserId}` }) },
  'POST /api/v1/vendors/:vendorId/certifications': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/certifications`, body: { kind: 'iso_27001', issuedOn: '2026-01-01', expiresOn: '2029-01-01' } }) },
  'DELETE /api/v1/vendors/:vendorId/certifications/:certificationId': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/certifications/${t.vendorCertificationId}` }) },
  'POST /api/v1/vendors/:vendorId/reviews': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/reviews`, body: { riskScore: 20 } }) },
  // multipart/form-data only: the JSON the matrix sends is refused (400) even for admins (vendors.test.ts uploads).
  'POST /api/v1/vendors/:vendorId/evidence': { scope: 'brand', req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/evidence`, body: {} }) },
  'GET /api/v1/vendors/:vendorId/evidence/:evidenceId': { scope: 'brand', allow: WATCHERS, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/evidence/${t.vendorEvidenceId}` }) },
  'POST /api/v1/vendors/:vendorId/revoke': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: `/api/v1/vendors/${t.vendorId}/revoke`, body: { confirm: true } }) },
  // Questionnaires: admins send (once per vendor while open) and review, auditors read. Review routes act on an
  // unknown id here (404 for admins, 403 for others; questionnaires.test.ts drives real ones).
  'GET /api/v1/questionnaires': { scope: 'self', allow: WATCHERS, req: () => ({ url: '/api/v1/questionnaires' }) },
  'POST /api/v1/questionnaires': { scope: 'brand', allow: ADMIN_ONLY, req: (t) => ({ url: '/api/v1/questionnaires', body: { vendorId: t.vendorId } }) },
  'GET /api/v1/questionnaires/:questionnaireId': { scope: 'brand', allow: [], req: () => ({ url: `/api/v1/questionnaires/${randomUUID()}` }) },
  'POST /api/v1/questionnaires/:questionnaireId/link': { scope: 'brand', allow: [], req: () => ({ url: `/api/v1/questionnaires/${randomUUID()}/link`, body: {} }) },
  'POST /api/v1/questionnaires/:questionnaireId/accept': { scope: 'brand', allow: [], req: () => ({ url: `/api/v1/questionnaires/${randomUUID()}/accept`, body: {} }) },
  'POST /api/v1/questionnaires/:questionnaireId/ask-again': { scope: 'brand', allow: [], req: () => ({ url: `/api/v1/questionnaires/${randomUUID()}/ask-again`, body: { comment: 'matrix' } }) },
  'POST /api/v1/questionnaires/:questionnaireId/reject': { scope: 'brand', allow: [], req: () => ({ url: `/api/v1/questionnaires/${randomUUID()}/reject`, body: {} }) },
  // Public (the link's token is the credential): an unknown token is a 404 for every caller.
  'GET /api/v1/questionnaire-link': { scope: 'self', allow: [], req: () => ({ url: '/api/v1/questionnaire-link' }) },
  'PUT /api/v1/questionnaire-link/answers': { scope: 'self', allow: [], req: () => ({ url: '/api/v1/questionnaire-link/answers', body: { answers: {} } }) },
  'POST /api/v1/questionnaire-link/submit': { scope: 'self', allow: [], req: () => ({ url: '/api/v1/questionnaire-link/submit', body: { answers: {} } }) },
};

forEachDatabase('authorization matrix', (getDb) => {
  let t: TestServer;
  const own: Partial<Target> = {};
  const foreign: Partial<Target> = {};
  /** Things only brand B's people could know: its name, its users' emails and names, its keys' prefixes and ids. */
  const foreignMarkers: string[] = [];
  const credentials = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const { access } = t.services;
    const suffix = randomUUID().slice(0, 8);
    const brandA = await access.brands.create(operator, { name: `Own Brand ${suffix}` });
    const brandB = await access.brands.create(operator, { name: `Foreign Brand ${suffix}` });
    foreignMarkers.push(brandB.name, brandB.id);

    const victim = async (brandId: string, tag: string) => {
      const { user } = await access.users.create(operator, { email: `victim-${tag}-${suffix}@example.test`, displayName: `Victim ${tag} ${suffix}`, assignments: [{ brandId, role: 'qa_reviewer' }] });
      const keyIds: string[] = [];
      for (let i = 0; i < 3; i++) keyIds.push((await access.apiKeys.create(operator, brandId, { name: `victim ${tag} ${i}`, scopes: ['audit.read'], expiresInDays: 30 })).apiKey.id);
      return { user, keyIds };
    };
    const va = await victim(brandA.id, 'a');
    const vb = await victim(brandB.id, 'b');
    // A redacted call with a recording in each brand; B's carries a marker that must never reach A's people.
    const callA = await matrixCall(t, brandA.id, 'Own caller');
    const callB = await matrixCall(t, brandB.id, `Foreign${suffix}`);
    // An alert and an incident about each brand's victim; B's incident title is B's to know.
    const alertAndIncident = async (brandId: string, userId: string, title: string) => {
      const alertId = `al_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      const at = new Date().toISOString();
      await upsertAlerts(t.services.db, [
        { id: alertId, raisedAt: at, actor: { kind: 'user', id: userId }, role: 'qa_reviewer', brandIds: [brandId], severity: 'medium', score: 80, rules: ['record_volume'], reasons: ['40 records in an hour'], evidence: [`${brandId}:1`], firstEventAt: at, lastEventAt: at },
      ], new Date());
      const incident = await t.services.incidents.open(operator, { title, playbook: 'account_compromise', severity: 'medium', brandIds: [brandId], suspect: { kind: 'user', id: userId } });
      return { alertId, incidentId: incident.id };
    };
    const ia = await alertAndIncident(brandA.id, va.user.id, 'Own incident');
    const ib = await alertAndIncident(brandB.id, vb.user.id, `Foreign incident ${suffix}`);
    foreignMarkers.push(`Foreign incident ${suffix}`, ib.incidentId, ib.alertId);
    // A payment an agent of each brand took and cancelled; B's description is B's to know.
    const payment = async (brandId: string, tag: string, description: string) => {
      const { user } = await access.users.create(operator, { email: `payer-${tag}-${suffix}@example.test`, displayName: `Payer ${tag}`, assignments: [{ brandId, role: 'agent' }] });
      const agent = { actor: { kind: 'user' as const, id: user.id }, isSecurityAdmin: false, roles: new Map([[brandId, 'agent' as const]]) };
      const p = await t.services.payments.create(agent, { brandId, callRef: `matrix-${tag}`, amountMinor: 500, currency: 'USD', description });
      await t.services.payments.cancel(agent, p.id);
      return p.id;
    };
    const paymentA = await payment(brandA.id, 'a', 'Own payment');
    const paymentB = await payment(brandB.id, 'b', `Foreign payment ${suffix}`);
    foreignMarkers.push(paymentB, `Foreign payment ${suffix}`);
    Object.assign(own, { brandId: brandA.id, victimUserId: va.user.id, victimKeyIds: va.keyIds, callId: callA, paymentId: paymentA, ...ia });
    Object.assign(foreign, { brandId: brandB.id, victimUserId: vb.user.id, victimKeyIds: vb.keyIds, callId: callB, paymentId: paymentB, ...ib });
    foreignMarkers.push(callB, `ext-Foreign${suffix}`);
    // A closed data-subject request in each brand (its identifier matches no call).
    for (const target of [own, foreign]) {
      const r = await t.services.subjectRequests.create(operator, { brandId: target.brandId!, regime: 'gdpr', kind: 'access', identifiers: { emails: [`matrix-subject-${suffix}@example.test`] } });
      await t.services.subjectRequests.find(operator, r.id);
      await t.services.subjectRequests.close(operator, r.id);
      target.subjectRequestId = r.id;
    }
    foreignMarkers.push(foreign.subjectRequestId!);
    for (const target of [own, foreign]) {
      const c = await t.services.recertification.open(operator, { brandIds: [target.brandId!], atDeadline: 'keep' });
      const [item] = await t.services.recertification.items(operator, c.id);
      await t.services.recertification.close(operator, c.id);
      Object.assign(target, { recertCampaignId: c.id, recertItemId: item!.id });
    }
    foreignMarkers.push(foreign.recertCampaignId!);
    // A vendor per brand, reviewed two years ago (so it is on the dashboard), with a certification and an evidence file.
    for (const [target, tag] of [[own, 'Own'], [foreign, `Foreign${suffix}`]] as const) {
      const lastReviewedAt = new Date(Date.now() - 730 * 86_400_000);
      const contacts = [{ name: `${tag} Contact`, email: `contact-${tag.toLowerCase()}@vendor.example`, phone: '', role: '' }];
      const v = await t.services.vendors.create(operator, { name: `${tag} vendor`, kind: 'qa_outsourcer', brands: [{ brandId: target.brandId!, dataAccess: 'recordings' }], lastReviewedAt, contacts });
      const withCert = await t.services.vendors.addCertification(operator, v.id, { kind: 'pci_dss_aoc', issuedOn: '2026-01-01', expiresOn: '2027-01-01' });
      const content = (async function* () {
        yield Buffer.from(`${tag} attestation of compliance`);
      })();
      const ev = await t.services.vendors.upload(operator, v.id, { fileName: 'aoc.txt', contentType: 'text/plain', content });
      Object.assign(target, { vendorId: v.id, vendorCertificationId: withCert.certifications[0]!.id, vendorEvidenceId: ev.id });
    }
    foreignMarkers.push(`Foreign${suffix} vendor`, `contact-foreign${suffix.toLowerCase()}@vendor.example`, `Foreign${suffix} attestation`);
    foreignMarkers.push(vb.user.email, vb.user.displayName);
    const foreignKeys = await access.apiKeys.list(operator, brandB.id);
    for (const k of foreignKeys) foreignMarkers.push(k.prefix);
    // A person in brand B of every role, so B has data in every table the routes read.
    for (const role of ['supervisor', 'agent', 'auditor'] as const) {
      const { user } = await access.users.create(operator, { email: `b-${role}-${suffix}@example.test`, displayName: `B ${role} ${suffix}`, assignments: [{ brandId: brandB.id, role }] });
      foreignMarkers.push(user.email, user.id);
    }

    credentials.set('anonymous', {});
    const key = await access.apiKeys.create(operator, brandA.id, { name: 'matrix caller', scopes: ['brand.read', 'audit.read', 'audit.verify', 'audit.export', 'call.ingest', 'call.read'], expiresInDays: 30 });
    credentials.set('api_key', { authorization: `Bearer ${key.secret}` });
    for (const role of ['security_admin', 'supervisor', 'agent', 'qa_reviewer', 'auditor'] as const) {
      const email = `caller-${role}-${suffix}@example.test`;
      const created = await access.users.create(operator, {
        email,
        displayName: `Caller ${role}`,
        isSecurityAdmin: role === 'security_admin',
        assignments: role === 'security_admin' ? [] : [{ brandId: brandA.id, role }],
      });
      const { cookie } = await signInFirstTime(t, email, created.oneTimePassword, `matrix passphrase ${role} ${suffix}`);
      credentials.set(role, { cookie: `cv_session=${cookie}` });
    }
  });
  afterAll(async () => t?.close());

  it('has a policy for every /api route in the route table (and no stale ones)', () => {
    const table = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const missing = table.filter((k) => !POLICY[k]);
    expect(missing, 'routes missing from the authorization matrix').toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !table.includes(k)), 'policy entries for routes that do not exist').toEqual([]);
  });

  it('every route × every caller × own and foreign brand: allowed → 2xx, else 401/403/404, never a leak', async () => {
    const table = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    const rank = (r: { method: string; url: string }) => POLICY[`${r.method} ${r.url}`]?.last ?? 0;
    const ordered = [...table].sort((a, b) => rank(a) - rank(b));
    const failures: string[] = [];
    let n = 0;
    for (const route of ordered) {
      const key = `${route.method} ${route.url}`;
      const policy = POLICY[key];
      if (!policy) continue;
      for (const caller of CALLERS) {
        const brands: ['own' | 'foreign', Partial<Target>][] = policy.scope === 'brand' ? [['own', own], ['foreign', foreign]] : [['own', own]];
        for (const [side, target] of brands) {
          const r = policy.req(target as Target, n++);
          const headers = { ...CSRF, ...credentials.get(caller) };
          const res = await t.app.inject({ method: route.method as 'GET', url: r.url, headers, ...(r.body && { payload: r.body }) });
          const where = `${key} as ${caller} on ${side} brand → ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(`${where} (server error)`);
          if (caller !== 'security_admin') {
            for (const marker of foreignMarkers) if (!r.url.includes(marker) && res.body.includes(marker)) failures.push(`${where} LEAKS foreign data`);
          }
          const allowed = policy.allow?.includes(caller) && (side === 'own' || caller === 'security_admin');
          if (caller === 'anonymous' && route.auth !== 'public' && res.statusCode !== 401) failures.push(`${where} (expected 401)`);
          if (policy.allow === undefined) continue; // self route whose answer depends on the sign-in stage: status < 500 and no leak
          if (allowed && (res.statusCode < 200 || res.statusCode > 299)) failures.push(`${where} (expected 2xx: ${res.body.slice(0, 200)})`);
          if (!allowed && ![401, 403, 404].includes(res.statusCode)) failures.push(`${where} (expected 401/403/404)`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(n).toBeGreaterThan(150);

    // Every refused attempt on brand B is in B's audit trail (PCI DSS 10.2.1.4), and the trail still verifies.
    const { items } = await t.services.auditService.listEvents(operator, { brandId: foreign.brandId!, limit: 500 });
    const deniedActors = new Set(items.filter((e) => e.outcome === 'denied').map((e) => e.actor.kind));
    expect(deniedActors).toEqual(new Set(['user', 'api_key']));
    const report = await t.services.auditService.verify(operator, null);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
