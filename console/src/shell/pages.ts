import type { Me } from '../types.js';

export type PageId = 'payments' | 'calls' | 'policy' | 'brands' | 'users' | 'api-keys' | 'audit' | 'alerts' | 'incidents' | 'recertification' | 'training' | 'retention' | 'subject-requests' | 'compliance' | 'vendors' | 'questionnaires' | 'account';

/**
 * Which pages a person is offered. This only tidies the menu: the server checks every request
 * against the role table, whatever the console shows.
 */
export function pagesFor(me: Me): { id: PageId; label: string }[] {
  const roles = new Set(me.user.assignments.map((a) => a.role));
  const admin = me.user.isSecurityAdmin;
  const pages: { id: PageId; label: string; show: boolean }[] = [
    { id: 'payments', label: 'Take a payment', show: admin || roles.has('agent') || roles.has('supervisor') },
    { id: 'calls', label: 'Calls', show: admin || roles.has('qa_reviewer') || roles.has('supervisor') },
    { id: 'policy', label: 'Redaction policy', show: admin || roles.has('qa_reviewer') || roles.has('supervisor') },
    { id: 'brands', label: 'Brands', show: true },
    { id: 'users', label: 'Users', show: admin || roles.has('supervisor') },
    { id: 'api-keys', label: 'API keys', show: admin },
    { id: 'audit', label: 'Audit trail', show: admin || roles.has('auditor') },
    { id: 'alerts', label: 'Alerts', show: admin || roles.has('auditor') },
    { id: 'incidents', label: 'Incidents', show: admin || roles.has('auditor') },
    { id: 'recertification', label: 'Access review', show: admin || roles.has('supervisor') || roles.has('auditor') },
    { id: 'training', label: 'Training', show: true },
    { id: 'retention', label: 'Retention', show: admin || roles.has('auditor') },
    { id: 'subject-requests', label: 'Data-subject requests', show: admin || roles.has('auditor') },
    { id: 'compliance', label: 'Compliance report', show: admin || roles.has('auditor') },
    { id: 'vendors', label: 'Vendors', show: admin || roles.has('auditor') },
    { id: 'questionnaires', label: 'Questionnaires', show: admin || roles.has('auditor') },
    { id: 'account', label: 'My account', show: true },
  ];
  return pages.filter((p) => p.show).map(({ id, label }) => ({ id, label }));
}
