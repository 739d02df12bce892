import type {
  Alert,
  AlertStatus,
  BlastRadius,
  Incident,
  IncidentSeverity,
  IncidentStatus,
  Playbook,
  TimelineEntry,
  ApiKey,
  Assignment,
  AuditPage,
  AuditQuery,
  AuthResult,
  Brand,
  CallQuery,
  CallSummary,
  CallView,
  RedactionSettings,
  ReviewPart,
  EnrollmentResult,
  ChainStatus,
  Me,
  Payment,
  PaymentField,
  User,
  RecertBrandStatus,
  RecertCampaign,
  RecertItem,
  BrandTraining,
  TrainingModule,
  TrainingModuleStatus,
} from './types.js';
import type { SubjectCertificate, SubjectEraseResult, SubjectIdentifiersInput, SubjectKind, SubjectRegime, SubjectRequest, SubjectStatus } from './subject-requests/types.js';
import type { BrandRetention, LegalHold, PurgeRun, RetentionUpdate } from './retention/types.js';
import type { ComplianceReport } from './compliance/types.js';
import type { NewVendorInput, RevokeResult, Vendor, VendorDashboard, VendorKind, VendorSummary } from './vendors/types.js';
import type { NewLink, QuestionnaireStatus, QuestionnaireView } from './questionnaires/adminTypes.js';

/**
 * The console's only way to the server: a tiny typed client over fetch for docs/api.md.
 * Cookies ride along (`credentials: 'same-origin'`); nothing is kept in localStorage.
 * Every state-changing request carries `x-callvault-csrf: 1`: with SameSite=Strict cookies, a
 * custom header is something a cross-site form cannot send (OWASP CSRF cheat sheet).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }
}

const BASE = '/api/v1';

let onSessionEnded: (() => void) | undefined;

/**
 * Called when a signed-in request is refused with 401: the session ended (15 minutes idle or
 * 12 hours in all, PCI DSS 8.2.8, or signed out elsewhere), so the console goes back to sign-in.
 */
export function whenSessionEnds(handler: (() => void) | undefined): void {
  onSessionEnded = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-callvault-csrf'] = '1';
  // No content-type without a body: Fastify refuses an empty JSON body.
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.', undefined);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.status === 401 && !path.startsWith('/auth/')) onSessionEnded?.();
  if (!res.ok) throw toApiError(res, data);
  return data as T;
}

function toApiError(res: Response, data: unknown): ApiError {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const requestId = typeof d.requestId === 'string' ? d.requestId : (res.headers.get('x-request-id') ?? undefined);
  return new ApiError(
    res.status,
    typeof d.error === 'string' ? d.error : `http.${res.status}`,
    typeof d.message === 'string' ? d.message : res.statusText || 'Request failed',
    requestId,
  );
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const api = {
  login: (email: string, password: string) => request<AuthResult>('POST', '/auth/login', { email, password }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<AuthResult>('POST', '/auth/password', { currentPassword, newPassword }),
  verifyTotp: (code: string) => request<AuthResult>('POST', '/auth/mfa/totp', { code }),
  verifyRecovery: (code: string) => request<AuthResult>('POST', '/auth/mfa/recovery', { code }),
  webauthnLoginOptions: () => request<unknown>('POST', '/auth/mfa/webauthn/options'),
  webauthnLoginVerify: (response: unknown) => request<AuthResult>('POST', '/auth/mfa/webauthn/verify', { response }),
  logout: () => request<void>('POST', '/auth/logout'),
  logoutAll: () => request<void>('POST', '/auth/logout-all'),
  me: () => request<Me>('GET', '/auth/me'),
  /** Where a sign-in in progress stands (any live session, pending or not). */
  status: () => request<AuthResult>('GET', '/auth/status'),

  enrollTotp: () => request<{ otpauthUrl: string; qrSvg: string }>('POST', '/mfa/totp/enroll'),
  confirmTotp: (code: string) => request<EnrollmentResult & { recoveryCodes: string[] }>('POST', '/mfa/totp/confirm', { code }),
  passkeyOptions: () => request<unknown>('POST', '/mfa/webauthn/register/options'),
  passkeyVerify: (response: unknown, label?: string) =>
    request<EnrollmentResult & { id: string }>('POST', '/mfa/webauthn/register/verify', label ? { response, label } : { response }),

  brands: () => request<{ items: Brand[] }>('GET', '/brands'),
  createBrand: (name: string, agentMfaRequired: boolean) =>
    request<Brand>('POST', '/brands', { name, agentMfaRequired }),
  updateBrand: (brandId: string, patch: { name?: string; agentMfaRequired?: boolean }) =>
    request<Brand>('PATCH', `/brands/${enc(brandId)}`, patch),
  rotateBrandKey: (brandId: string) => request<{ version: number }>('POST', `/brands/${enc(brandId)}/keys/rotate`),

  users: (brandId?: string) => request<{ items: User[] }>('GET', `/users${query({ brandId })}`),
  inviteUser: (input: { email: string; displayName: string; isSecurityAdmin: boolean; assignments: Assignment[] }) =>
    request<{ user: User; oneTimePassword: string }>('POST', '/users', input),
  setAssignments: (userId: string, assignments: Assignment[]) =>
    request<User>('PUT', `/users/${enc(userId)}/assignments`, { assignments }),
  resetMfa: (userId: string) => request<void>('POST', `/users/${enc(userId)}/mfa/reset`),
  unlock: (userId: string) => request<void>('POST', `/users/${enc(userId)}/unlock`),

  apiKeys: (brandId: string) => request<{ items: ApiKey[] }>('GET', `/brands/${enc(brandId)}/api-keys`),
  createApiKey: (brandId: string, input: { name: string; scopes: string[]; expiresInDays: number }) =>
    request<{ apiKey: ApiKey; secret: string }>('POST', `/brands/${enc(brandId)}/api-keys`, input),
  revokeApiKey: (keyId: string) => request<void>('DELETE', `/api-keys/${enc(keyId)}`),

  auditEvents: (q: AuditQuery) => request<AuditPage>('GET', `/audit/events${query({ ...q })}`),
  auditVerify: (brandId?: string) => request<ChainStatus>('GET', `/audit/verify${query({ brandId })}`),

  calls: (q: CallQuery) => request<{ items: CallSummary[]; nextBefore: string | null }>('GET', `/calls${query({ ...q })}`),
  call: (callId: string) => request<CallView>('GET', `/calls/${enc(callId)}`),
  /** Where the player streams the redacted recording from (the session cookie rides along). */
  callAudioUrl: (callId: string) => `${BASE}/calls/${enc(callId)}/audio`,
  scoreCall: (callId: string, score: number, notes: string) =>
    request<CallView['scorecards'][number]>('POST', `/calls/${enc(callId)}/scorecards`, { score, notes }),
  breakGlass: (callId: string, reason: string) =>
    request<{ id: string; expiresAt: string; originalAvailable: boolean }>('POST', `/calls/${enc(callId)}/break-glass`, { reason }),
  originalTranscript: (callId: string) => request<{ format: string; content: string; grantExpiresAt: string }>('GET', `/calls/${enc(callId)}/original`),
  redactionSettings: (brandId: string) => request<RedactionSettings>('GET', `/brands/${enc(brandId)}/redaction-policy`),
  saveRedactionSettings: (brandId: string, s: Pick<RedactionSettings, 'policy' | 'keepOriginalDays' | 'audioMode' | 'maskDtmf'>) =>
    request<RedactionSettings>('PUT', `/brands/${enc(brandId)}/redaction-policy`, s),
  alerts: (q: { status?: AlertStatus; before?: string; limit?: number }) => request<{ items: Alert[]; nextBefore: string | null }>('GET', `/alerts${query({ ...q })}`),
  setAlertStatus: (alertId: string, status: 'new' | 'acknowledged' | 'dismissed') => request<Alert>('POST', `/alerts/${enc(alertId)}/status`, { status }),
  openIncidentFromAlert: (alertId: string) => request<Incident>('POST', `/alerts/${enc(alertId)}/incident`, {}),
  incidents: (q: { status?: IncidentStatus }) => request<{ items: Incident[] }>('GET', `/incidents${query({ ...q })}`),
  reportIncident: (input: { title: string; summary?: string; playbook: Playbook; severity: IncidentSeverity; brandIds: string[] }) => request<Incident>('POST', '/incidents', input),
  incident: (id: string) => request<Incident>('GET', `/incidents/${enc(id)}`),
  updateIncident: (id: string, patch: { status?: IncidentStatus; severity?: IncidentSeverity; ownerId?: string | null }) => request<Incident>('PATCH', `/incidents/${enc(id)}`, patch),
  incidentTimeline: (id: string) => request<{ items: TimelineEntry[] }>('GET', `/incidents/${enc(id)}/timeline`),
  incidentNote: (id: string, text: string) => request<void>('POST', `/incidents/${enc(id)}/notes`, { text }),
  incidentTask: (id: string, position: number, done: boolean) => request<Incident>('PUT', `/incidents/${enc(id)}/tasks/${position}`, { done }),
  incidentClockMet: (id: string, kind: string) => request<Incident>('POST', `/incidents/${enc(id)}/clocks/${enc(kind)}/met`),
  incidentContain: (id: string, action: 'suspend_user' | 'end_sessions' | 'revoke_api_key') =>
    request<{ action: string; sessionsEnded?: number }>('POST', `/incidents/${enc(id)}/containment`, { action }),
  blastRadius: (id: string) => request<BlastRadius>('GET', `/incidents/${enc(id)}/blast-radius`),
  /** Files the browser downloads or opens itself (the session cookie rides along). */
  incidentFileUrl: (id: string, what: 'blast-radius.csv' | 'report.md' | 'report.html') =>
    what === 'blast-radius.csv' ? `${BASE}/incidents/${enc(id)}/blast-radius?format=csv` : `${BASE}/incidents/${enc(id)}/report?format=${what === 'report.md' ? 'md' : 'html'}`,
  subjectRequests: (q: { brandId?: string; status?: SubjectStatus }) => request<{ items: SubjectRequest[] }>('GET', `/subject-requests${query({ ...q })}`),
  openSubjectRequest: (input: { brandId: string; regime: SubjectRegime; kind: SubjectKind; identifiers: SubjectIdentifiersInput; receivedAt?: string }) => request<SubjectRequest>('POST', '/subject-requests', input),
  subjectRequest: (id: string) => request<SubjectRequest>('GET', `/subject-requests/${enc(id)}`),
  findSubjectCalls: (id: string) => request<SubjectRequest>('POST', `/subject-requests/${enc(id)}/find`),
  exportSubjectRequest: (id: string) => request<Record<string, unknown> & { requestNumber: number }>('POST', `/subject-requests/${enc(id)}/export`),
  eraseSubjectCalls: (id: string) => request<SubjectEraseResult>('POST', `/subject-requests/${enc(id)}/erase`),
  extendSubjectRequest: (id: string, reason: string) => request<SubjectRequest>('POST', `/subject-requests/${enc(id)}/extend`, { reason }),
  rejectSubjectRequest: (id: string, reason: string) => request<SubjectRequest>('POST', `/subject-requests/${enc(id)}/reject`, { reason }),
  closeSubjectRequest: (id: string) => request<SubjectRequest>('POST', `/subject-requests/${enc(id)}/close`),
  subjectCertificate: (id: string) => request<SubjectCertificate>('GET', `/subject-requests/${enc(id)}/certificate`),
  /** The printable certificate, opened by the browser itself (the session cookie rides along). */
  subjectCertificateUrl: (id: string) => `${BASE}/subject-requests/${enc(id)}/certificate?format=html`,
  createPayment: (input: { brandId: string; callRef: string; amountMinor: number; currency: string; description: string }) => request<Payment>('POST', '/payments', input),
  payment: (id: string) => request<Payment>('GET', `/payments/${enc(id)}`),
  cancelPayment: (id: string) => request<Payment>('POST', `/payments/${enc(id)}/cancel`),
  chargePayment: (id: string) => request<Payment>('POST', `/payments/${enc(id)}/charge`),
  reenterPaymentField: (id: string, field: PaymentField) => request<Payment>('POST', `/payments/${enc(id)}/reenter`, { field }),
  /** Server-Sent Events of the masked view, closed by the server after the final state. */
  paymentStreamUrl: (id: string) => `${BASE}/payments/${enc(id)}/stream`,
  previewRedaction: (brandId: string, text: string, policy?: Record<string, unknown>) =>
    request<{ parts: ReviewPart[]; counts: Record<string, number> }>('POST', `/brands/${enc(brandId)}/redaction-policy/preview`, policy ? { text, policy } : { text }),

  recertCampaigns: () => request<{ items: RecertCampaign[] }>('GET', '/recertification/campaigns'),
  recertStatus: () => request<{ items: RecertBrandStatus[] }>('GET', '/recertification/status'),
  openRecertCampaign: (input: { brandIds: string[]; deadlineDays: number; atDeadline: 'remove' | 'keep' }) => request<RecertCampaign>('POST', '/recertification/campaigns', input),
  recertCampaign: (id: string) => request<RecertCampaign>('GET', `/recertification/campaigns/${enc(id)}`),
  recertItems: (id: string) => request<{ items: RecertItem[] }>('GET', `/recertification/campaigns/${enc(id)}/items`),
  answerRecertItem: (itemId: string, decision: 'confirm' | 'remove', note?: string) =>
    request<RecertItem>('POST', `/recertification/items/${enc(itemId)}/decision`, note ? { decision, note } : { decision }),
  closeRecertCampaign: (id: string) => request<RecertCampaign>('POST', `/recertification/campaigns/${enc(id)}/close`),
  /** The evidence JSON, downloaded by the browser itself (the session cookie rides along). */
  recertEvidenceUrl: (id: string) => `${BASE}/recertification/campaigns/${enc(id)}/evidence`,

  trainingModules: () => request<{ items: TrainingModule[] }>('GET', '/training/modules'),
  createTrainingModule: (input: { id: string; title: string; validityMonths: number }) => request<TrainingModule>('POST', '/training/modules', input),
  recordTraining: (input: { userId: string; moduleId: string; completedAt?: string }) => request<{ id: string; expiresAt: string }>('POST', '/training/completions', input),
  userTraining: (userId: string) => request<{ userId: string; modules: TrainingModuleStatus[] }>('GET', `/training/users/${enc(userId)}`),
  brandTraining: (brandId: string) => request<BrandTraining>('GET', `/brands/${enc(brandId)}/training`),
  setTrainingRequirements: (brandId: string, moduleIds: string[]) =>
    request<{ brandId: string; requiredModules: string[] }>('PUT', `/brands/${enc(brandId)}/training/requirements`, { moduleIds }),
  retentionPolicies: (brandId: string) => request<BrandRetention>('GET', `/brands/${enc(brandId)}/retention`),
  setRetentionPolicies: (brandId: string, update: RetentionUpdate) => request<BrandRetention>('PUT', `/brands/${enc(brandId)}/retention`, update),
  legalHolds: (brandId: string, includeReleased: boolean) =>
    request<{ items: LegalHold[] }>('GET', `/brands/${enc(brandId)}/legal-holds${query({ includeReleased: includeReleased ? 'true' : undefined })}`),
  placeLegalHold: (brandId: string, input: { caseRef: string; callId?: string }) => request<LegalHold>('POST', `/brands/${enc(brandId)}/legal-holds`, input),
  releaseLegalHold: (brandId: string, holdId: string) => request<LegalHold>('POST', `/brands/${enc(brandId)}/legal-holds/${enc(holdId)}/release`),
  retentionRuns: () => request<{ items: PurgeRun[] }>('GET', '/retention/runs'),
  runRetentionPurge: () => request<PurgeRun>('POST', '/retention/runs'),
  complianceReport: (brandId: string) => request<ComplianceReport>('GET', `/brands/${enc(brandId)}/compliance-report`),
  /** The printable report (a document of its own: print it to PDF from the browser). */
  complianceReportHtmlUrl: (brandId: string) => `${BASE}/brands/${enc(brandId)}/compliance-report?format=html`,
  vendors: (filter: { status?: 'active' | 'revoked'; kind?: VendorKind } = {}) => request<{ items: VendorSummary[] }>('GET', `/vendors${query(filter)}`),
  vendorDashboard: () => request<VendorDashboard>('GET', '/vendors/dashboard'),
  vendor: (id: string) => request<Vendor>('GET', `/vendors/${enc(id)}`),
  createVendor: (input: NewVendorInput) => request<Vendor>('POST', '/vendors', input),
  updateVendor: (id: string, patch: { name?: string; services?: string; reviewIntervalDays?: number }) => request<Vendor>('PATCH', `/vendors/${enc(id)}`, patch),
  setVendorBrands: (id: string, brands: { brandId: string; dataAccess: string }[]) => request<Vendor>('PUT', `/vendors/${enc(id)}/brands`, { brands }),
  linkVendorApiKey: (id: string, apiKeyId: string) => request<Vendor>('POST', `/vendors/${enc(id)}/api-keys`, { apiKeyId }),
  unlinkVendorApiKey: (id: string, apiKeyId: string) => request<void>('DELETE', `/vendors/${enc(id)}/api-keys/${enc(apiKeyId)}`),
  linkVendorUser: (id: string, userId: string) => request<Vendor>('POST', `/vendors/${enc(id)}/users`, { userId }),
  unlinkVendorUser: (id: string, userId: string) => request<void>('DELETE', `/vendors/${enc(id)}/users/${enc(userId)}`),
  addVendorCertification: (id: string, input: { kind: string; label?: string; certificateId?: string; issuedOn: string; expiresOn: string }) =>
    request<Vendor>('POST', `/vendors/${enc(id)}/certifications`, input),
  removeVendorCertification: (id: string, certificationId: string) => request<void>('DELETE', `/vendors/${enc(id)}/certifications/${enc(certificationId)}`),
  recordVendorReview: (id: string, riskScore: number) => request<Vendor>('POST', `/vendors/${enc(id)}/reviews`, { riskScore }),
  revokeVendor: (id: string) => request<RevokeResult>('POST', `/vendors/${enc(id)}/revoke`, { confirm: true }),
  /** The evidence file, downloaded by the browser itself (audited by the server). */
  vendorEvidenceUrl: (id: string, evidenceId: string) => `${BASE}/vendors/${enc(id)}/evidence/${enc(evidenceId)}`,
  questionnaires: (filter: { vendorId?: string; status?: QuestionnaireStatus } = {}) => request<{ items: QuestionnaireView[] }>('GET', `/questionnaires${query(filter)}`),
  /** The link's token is in the answer this once (the server keeps only its hash). */
  sendQuestionnaire: (vendorId: string, expiresInDays?: number) =>
    request<{ questionnaire: QuestionnaireView; link: NewLink }>('POST', '/questionnaires', expiresInDays ? { vendorId, expiresInDays } : { vendorId }),
  questionnaire: (id: string) => request<QuestionnaireView>('GET', `/questionnaires/${enc(id)}`),
  renewQuestionnaireLink: (id: string, expiresInDays?: number) =>
    request<{ questionnaire: QuestionnaireView; link: NewLink }>('POST', `/questionnaires/${enc(id)}/link`, expiresInDays ? { expiresInDays } : {}),
  acceptQuestionnaire: (id: string, comment?: string) =>
    request<{ questionnaire: QuestionnaireView; nextReviewAt: string }>('POST', `/questionnaires/${enc(id)}/accept`, comment ? { comment } : {}),
  askQuestionnaireAgain: (id: string, comment: string, expiresInDays?: number) =>
    request<{ questionnaire: QuestionnaireView; link: NewLink }>('POST', `/questionnaires/${enc(id)}/ask-again`, expiresInDays ? { comment, expiresInDays } : { comment }),
  rejectQuestionnaire: (id: string, comment?: string) => request<QuestionnaireView>('POST', `/questionnaires/${enc(id)}/reject`, comment ? { comment } : {}),
};

/** Drops role assignments' display-only fields before sending them back. */
export function plainAssignments(list: Assignment[]): Assignment[] {
  return list.map(({ brandId, role }) => ({ brandId, role }));
}
