import { afterAll, beforeAll, expect, it } from 'vitest';
import { get, operator, signInFirstTime, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { answers } from '../questionnaires/questionnaires.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import type { ComplianceReport, ControlResult, Evidence } from './types.js';

const stamp = Date.now().toString(36);
const reportUrl = (brandId: string, html = false) => `/api/v1/brands/${brandId}/compliance-report${html ? '?format=html' : ''}`;
const control = (r: ComplianceReport, id: string): ControlResult => r.controls.find((c) => c.id === id)!;
const evidence = (r: ComplianceReport, key: Evidence['key']): Evidence => r.evidence.find((e) => e.key === key)!;

async function person(t: TestServer, name: string, assignments: { brandId: string; role: 'supervisor' | 'agent' | 'auditor' }[], opts: { admin?: boolean; signIn?: boolean } = {}) {
  const created = await t.services.access.users.create(operator, { email: `cmp-${name}-${stamp}@example.test`, displayName: `Person ${name} ${stamp}`, isSecurityAdmin: opts.admin ?? false, assignments });
  const cookie = opts.signIn ? (await signInFirstTime(t, created.user.email, created.oneTimePassword, `${name} compliance passphrase 1`)).cookie : '';
  return { id: created.user.id, email: created.user.email, displayName: `Person ${name} ${stamp}`, cookie };
}


/**
 * The compliance report on a real server: its evidence follows the system's state (MFA coverage
 * as people enrol or not, the audit chain verified, an overdue vendor), the HTML carries the
 * controls and no personal data, and only auditors and admins of the brand may read it.
 */
forEachDatabase('compliance report', (getDb) => {
  let t: TestServer;
  let brandA: string;
  let brandB: string;
  let admin: Awaited<ReturnType<typeof person>>;
  let auditorA: Awaited<ReturnType<typeof person>>;
  let auditorB: Awaited<ReturnType<typeof person>>;
  let supervisorA: Awaited<ReturnType<typeof person>>;

  const report = async (cookie: string, brandId = brandA): Promise<ComplianceReport> => {
    const res = await get(t, reportUrl(brandId), cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ComplianceReport>();
  };

  beforeAll(async () => {
    t = await startTestServer(getDb());
    brandA = (await t.services.access.brands.create(operator, { name: `Compliance A ${stamp}` })).id;
    brandB = (await t.services.access.brands.create(operator, { name: `Compliance B ${stamp}` })).id;
    admin = await person(t, 'admin', [], { admin: true, signIn: true });
    auditorA = await person(t, 'auditor-a', [{ brandId: brandA, role: 'auditor' }], { signIn: true });
    auditorB = await person(t, 'auditor-b', [{ brandId: brandB, role: 'auditor' }], { signIn: true });
    // Created, never signed in: no MFA yet (sign-in will force enrolment).
    supervisorA = await person(t, 'supervisor-a', [{ brandId: brandA, role: 'supervisor' }]);
  });
  afterAll(async () => t?.close());

  it('counts MFA coverage from the access tables: 2 of 3 people of the brand, the third forced to enrol at sign-in', async () => {
    const r = await report(auditorA.cookie);
    const mfa = evidence(r, 'mfa');
    expect(mfa.figures).toMatchObject({ users: 3, withMfa: 2, withoutMfa: 1, coveragePercent: 66.7, 'role.supervisor': '0 of 1', 'role.auditor': '1 of 1', 'role.security_admin': '1 of 1' });
    expect(mfa.gaps).toContain('1 of 3 users without MFA');
    expect(mfa.status).toBe('partial');
    expect(control(r, '8.4.2').status).toBe('partial');
    expect(control(r, 'A.8.5').gaps).toContain('1 of 3 users without MFA');
  });

  it('turns MFA into a gap once an agent may sign in with a password alone', async () => {
    await person(t, 'agent-a', [{ brandId: brandA, role: 'agent' }]);
    const r = await report(auditorA.cookie);
    expect(evidence(r, 'mfa').figures).toMatchObject({ users: 4, withMfa: 2, agentMfaRequired: false });
    expect(evidence(r, 'mfa').gaps).toContain('1 agent(s) may sign in with a password alone (the brand does not require MFA for agents)');
    expect(control(r, '8.4.2').status).toBe('gap');
    // Brand B is not touched by brand A's people.
    expect(evidence(await report(auditorB.cookie, brandB), 'mfa').figures).toMatchObject({ users: 2, withMfa: 2 });
  });

  it('verifies the audit chain at the time of the report and records the report as an audit event', async () => {
    const r = await report(admin.cookie);
    const chain = evidence(r, 'audit_chain');
    expect(chain.status).toBe('met');
    expect(chain.figures.ok).toBe(true);
    expect(chain.figures.verifiedAt).toBe(t.clock.now.toISOString());
    expect(chain.summary).toBe(`audit chain verified OK at ${t.clock.now.toISOString()} (${String(chain.figures.events)} events, ${String(chain.figures.checkpoints)} signed checkpoints)`);
    expect(control(r, '10.3.2').status).toBe('met');
    expect(evidence(r, 'audit_retention').status).toBe('met');
    const { rows } = await t.services.db.query<{ actor_id: string; details: { controls: number; auditChainOk: boolean } }>(
      `SELECT actor_id, details FROM audit_events WHERE brand_id = $1 AND action = 'compliance.report' AND outcome = 'success' ORDER BY seq DESC LIMIT 1`,
      [brandA],
    );
    expect(rows[0]?.actor_id).toBe(admin.id);
    expect(rows[0]?.details).toMatchObject({ controls: r.controls.length, auditChainOk: true });
  });

  it('shows governance gaps: never recertified, an overdue vendor review', async () => {
    let r = await report(auditorA.cookie);
    expect(control(r, '7.2.4').status).toBe('gap');
    expect(control(r, '7.2.4').gaps).toContain('no recertification campaign ever completed');
    expect(control(r, '12.8.4').status).toBe('not_applicable'); // no vendor reaches the brand yet
    const reviewed = new Date(t.clock.now.getTime() - 400 * 86_400_000);
    const vendor = await t.services.vendors.create(operator, { name: `Overdue QA ${stamp}`, kind: 'qa_outsourcer', reviewIntervalDays: 365, lastReviewedAt: reviewed, brands: [{ brandId: brandA, dataAccess: 'redacted calls' }] });

    r = await report(auditorA.cookie);
    const v = evidence(r, 'vendors');
    expect(v.figures).toMatchObject({ vendors: 1, overdue: 1, reviewedOnTime: 0 });
    expect(v.gaps).toContain('1 of 1 vendor review(s) overdue');
    expect(control(r, '12.8.4').status).toBe('gap');
    expect(control(r, 'A.5.22').status).toBe('gap');
    expect(control(r, 'Art. 28').status).toBe('gap');
    // The other brand has no vendor: still not applicable there.
    expect(control(await report(auditorB.cookie, brandB), '12.8.4').status).toBe('not_applicable');

    // No questionnaire accepted yet: a gap. The vendor answers (without MFA for agents: a
    // critical finding) and an admin accepts: assessed, with the accepted risk shown.
    expect(evidence(r, 'questionnaires')).toMatchObject({ status: 'gap', figures: { vendors: 1, acceptedCurrent: 0 } });
    const sent = await t.services.questionnaires.send(operator, { vendorId: vendor.id });
    await t.services.questionnaireAnswers.submit(sent.link.token, answers, {});
    r = await report(auditorA.cookie);
    expect(evidence(r, 'questionnaires').gaps).toContain('1 answered questionnaire(s) waiting for a reviewer');
    await t.services.questionnaires.accept(operator, sent.questionnaire.id);
    r = await report(auditorA.cookie);
    const qe = evidence(r, 'questionnaires');
    expect(qe).toMatchObject({ status: 'partial', figures: { vendors: 1, acceptedCurrent: 1, awaitingReview: 0, highFindingsAccepted: 1 } });
    expect(qe.gaps).toEqual(['1 high or critical finding(s) accepted as risk']);
    expect(evidence(r, 'vendors').figures).toMatchObject({ overdue: 0, reviewedOnTime: 1 });
  });

  it('reports every framework, with counts that add up to its controls', async () => {
    const r = await report(auditorA.cookie);
    expect(r.summary.map((s) => s.framework)).toEqual(['pci_dss', 'iso_27001', 'gdpr']);
    for (const s of r.summary) expect(s.met + s.partial + s.gap + s.notApplicable).toBe(r.controls.filter((c) => c.framework === s.framework).length);
    for (const id of ['3.3.1', '3.4.1', '3.5.1', '3.7.4', '10.5.1', '12.10.1', 'A.8.24', 'Art. 33', 'Art. 5(1)(e)']) expect(control(r, id)).toBeDefined();
    expect(evidence(r, 'card_data').status).toBe('met');
    for (const e of r.evidence) expect(e.readAt).toBe(t.clock.now.toISOString());
  });

  it('prints as self-contained HTML with the controls and no personal data', async () => {
    const res = await get(t, reportUrl(brandA, true), auditorA.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = res.body;
    for (const s of ['Compliance report: Compliance A', 'PCI DSS v4.0.1', 'ISO/IEC 27001:2022 Annex A', 'GDPR', '8.4.2', 'A.5.19', 'Art. 33', '2 of 4 users without MFA', '@media print', 'audit chain verified OK at']) expect(html).toContain(s);
    expect(html).not.toMatch(/<script|<link|src=/i);
    for (const p of [admin, auditorA, auditorB, supervisorA]) {
      expect(html).not.toContain(p.email);
      expect(html).not.toContain(p.displayName);
    }
  });

  it('is refused to people without compliance.read on the brand, and the refusal is audited', async () => {
    const foreign = await get(t, reportUrl(brandA), auditorB.cookie);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).not.toContain(`Compliance A ${stamp}`);
    const sup = await person(t, 'supervisor-signed', [{ brandId: brandA, role: 'supervisor' }], { signIn: true });
    expect((await get(t, reportUrl(brandA, true), sup.cookie)).statusCode).toBe(403);
    expect((await get(t, reportUrl(brandA), '')).statusCode).toBe(401);
    expect((await get(t, reportUrl('00000000-0000-4000-8000-000000000000'), admin.cookie)).statusCode).toBe(404);
    const { rows } = await t.services.db.query<{ actor_id: string }>(`SELECT actor_id FROM audit_events WHERE brand_id = $1 AND action = 'compliance.report' AND outcome = 'denied'`, [brandA]);
    expect(rows.map((r) => r.actor_id).sort()).toEqual([auditorB.id, sup.id].sort());
  });
});

/** In a database of its own: an audit row edited behind callvault's back turns the logging controls into gaps. */
forEachDatabase('compliance report on a tampered audit trail', (getDb) => {
  let t: TestServer;
  let brandId: string;
  let admin: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    t = await startTestServer(getDb());
    brandId = (await t.services.access.brands.create(operator, { name: `Tampered ${stamp}` })).id;
    admin = await person(t, 'admin', [], { admin: true, signIn: true });
    await person(t, 'auditor', [{ brandId, role: 'auditor' }]);
  });
  afterAll(async () => t?.close());

  it('finds the edited event and reports the chain as a gap', async () => {
    const before = (await get(t, reportUrl(brandId), admin.cookie)).json<ComplianceReport>();
    expect(evidence(before, 'audit_chain').status).toBe('met');
    await t.services.db.query(`UPDATE audit_events SET details = '{"tampered": true}'::jsonb WHERE chain_id = $1 AND seq = 1`, [brandId]);
    const res = await get(t, reportUrl(brandId), admin.cookie);
    expect(res.statusCode).toBe(200);
    const r = res.json<ComplianceReport>();
    const chain = evidence(r, 'audit_chain');
    expect(chain.status).toBe('gap');
    expect(chain.figures.ok).toBe(false);
    expect(chain.gaps.join(' ')).toMatch(/edited problem\(s\) at seq 1\b/);
    for (const id of ['10.2.1', '10.3.2', 'A.8.15', 'A.5.33', 'Art. 30']) expect(control(r, id).status).toBe('gap');
    expect(r.summary.find((s) => s.framework === 'pci_dss')!.gap).toBeGreaterThan(0);
  });
});
