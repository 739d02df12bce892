/**
 * Who may do what, declared as data (deny by default). A role is held per brand; security_admin is
 * BPO-wide and holds every brand. An action not listed for a role is denied, and so is any action
 * or role this table does not know.
 */
export const ROLES = ['security_admin', 'supervisor', 'agent', 'qa_reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'brand.read',
  'brand.manage',
  'user.read',
  'user.manage',
  'apikey.manage',
  'audit.read',
  'audit.verify',
  'audit.export',
  'key.rotate',
  'key.destroy',
  // Calls: machines ingest; reviewers and supervisors read the redacted call and score it;
  // supervisors may ask for an original (break-glass, time-boxed, audited).
  'call.ingest',
  'call.read',
  'call.score',
  'call.original.request',
  'policy.read',
  'policy.manage',
  // Unusual-access alerts and the incidents opened from them: security admins act, auditors watch.
  'alert.read',
  'alert.manage',
  'incident.read',
  'incident.manage',
  // Payments: agents take them (their own sessions), the telephony platform delivers keypresses,
  // supervisors and auditors read the masked outcome, admins set the brand's processor. Nobody
  // detokenizes: only the processor connector, inside callvault, opens a card token.
  'payment.take',
  'payment.read',
  'payment.capture',
  'payment.manage',
  'payment.detokenize',
  // Governance: vendors and their questionnaires, access recertification, retention and legal
  // holds, data-subject requests, security training, and the compliance report with its evidence.
  'vendor.read',
  'vendor.manage',
  'recert.read',
  'recert.manage',
  'recert.respond',
  'retention.read',
  'retention.manage',
  'dsar.read',
  'dsar.manage',
  'training.read',
  'training.manage',
  'compliance.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  security_admin: new Set(ACTIONS.filter((a) => a !== 'payment.detokenize' && a !== 'payment.capture')),
  supervisor: new Set<Action>(['brand.read', 'user.read', 'call.read', 'call.score', 'call.original.request', 'policy.read', 'payment.take', 'payment.read', 'recert.respond', 'training.read']),
  agent: new Set<Action>(['brand.read', 'payment.take']),
  qa_reviewer: new Set<Action>(['brand.read', 'call.read', 'call.score', 'policy.read']),
  auditor: new Set<Action>([
    'brand.read',
    'audit.read',
    'audit.verify',
    'audit.export',
    'alert.read',
    'incident.read',
    'payment.read',
    'vendor.read',
    'recert.read',
    'retention.read',
    'dsar.read',
    'training.read',
    'compliance.read',
  ]),
};

/** Whether `role` grants `action`; unknown roles and actions are denied. */
export function roleAllows(role: string, action: string): boolean {
  const grants = (GRANTS as Record<string, ReadonlySet<string> | undefined>)[role];
  return grants?.has(action) ?? false;
}
