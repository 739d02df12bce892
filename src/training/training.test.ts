import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSRF, get, operator, post, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { person, signInAgain, type Person } from '../recertification/people.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { trainingEvidence } from './evidence.js';

interface Status {
  moduleId: string;
  status: string;
  required: boolean;
  expiresAt: string | null;
}

/**
 * Training records on a real server: a brand requiring modules refuses an assignment until the
 * person has completed them (the gate lives in access, fed by training through compose), a
 * completion expires after its validity as the clock moves, and the evidence counts coverage.
 */
forEachDatabase('security training', (getDb) => {
  let t: TestServer;
  let brandA: string;
  let brandB: string;
  let admin: Person;
  let supA: Person;
  let supB: Person;
  let newcomer: { id: string; email: string };

  const put = (p: Person, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { ...CSRF, cookie: `cv_session=${p.cookie}` }, payload });
  const assign = (role: string, brandId = brandA) => put(admin, `/api/v1/users/${newcomer.id}/assignments`, { assignments: [{ brandId, role }] });
  const statuses = async (userId: string) => (await get(t, `/api/v1/training/users/${userId}`, admin.cookie)).json<{ modules: Status[] }>().modules;
  const statusOf = async (userId: string, moduleId: string) => (await statuses(userId)).find((m) => m.moduleId === moduleId)!.status;

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const stamp = Date.now().toString(36);
    brandA = (await t.services.access.brands.create(operator, { name: `Training A ${stamp}` })).id;
    brandB = (await t.services.access.brands.create(operator, { name: `Training B ${stamp}` })).id;
    admin = await person(t, 'training-admin', [], true);
    supA = await person(t, 'training-sup-a', [{ brandId: brandA, role: 'supervisor' }]);
    supB = await person(t, 'training-sup-b', [{ brandId: brandB, role: 'supervisor' }]);
    const email = `training-new-${stamp}@example.test`;
    newcomer = { id: (await t.services.access.users.create(operator, { email, displayName: 'Newcomer', assignments: [] })).user.id, email };
  });
  afterAll(async () => t?.close());

  it('ships the seed modules; admins add modules, supervisors read them', async () => {
    const list = (await get(t, '/api/v1/training/modules', supA.cookie)).json<{ items: { id: string; validityMonths: number }[] }>().items;
    expect(list.map((m) => m.id)).toEqual(expect.arrayContaining(['data_handling', 'incident_reporting', 'phishing']));
    expect(list.every((m) => m.validityMonths === 12)).toBe(true);
    expect((await post(t, '/api/v1/training/modules', supA.cookie, { id: 'pci_refresher', title: 'PCI refresher' })).statusCode).toBe(403);
    const created = await post(t, '/api/v1/training/modules', admin.cookie, { id: 'pci_refresher', title: 'PCI refresher', validityMonths: 6 });
    expect(created.statusCode).toBe(201);
    expect((await post(t, '/api/v1/training/modules', admin.cookie, { id: 'pci_refresher', title: 'again' })).json<{ error: string }>().error).toBe('training.module_exists');
    expect((await post(t, '/api/v1/training/modules', admin.cookie, { id: 'Bad Id', title: 'x' })).statusCode).toBe(400);
  });

  it('a brand requiring training refuses the assignment with the missing module ids, then allows it after completion', async () => {
    expect((await put(supA, `/api/v1/brands/${brandA}/training/requirements`, { moduleIds: ['phishing'] })).statusCode).toBe(403);
    expect((await put(admin, `/api/v1/brands/${brandA}/training/requirements`, { moduleIds: ['nope_module'] })).statusCode).toBe(404);
    const set = await put(admin, `/api/v1/brands/${brandA}/training/requirements`, { moduleIds: ['phishing', 'data_handling'] });
    expect(set.json()).toEqual({ brandId: brandA, requiredModules: ['data_handling', 'phishing'] });

    const refused = await assign('agent');
    expect(refused.statusCode).toBe(409);
    const body = refused.json<{ error: string; message: string }>();
    expect(body.error).toBe('access.training_required');
    expect(body.message).toContain('data_handling, phishing');
    expect(body.message).not.toContain(newcomer.email);
    // Creating someone straight into the brand is the same assignment, and refused the same way.
    const direct = await post(t, '/api/v1/users', admin.cookie, { email: `training-direct-${Date.now()}@example.test`, displayName: 'Direct', assignments: [{ brandId: brandA, role: 'qa_reviewer' }] });
    expect(direct.json<{ error: string }>().error).toBe('access.training_required');
    // A brand without requirements is unaffected.
    expect((await assign('agent', brandB)).statusCode).toBe(200);

    expect((await post(t, '/api/v1/training/completions', supB.cookie, { userId: newcomer.id, moduleId: 'phishing' })).statusCode).toBe(403);
    expect((await post(t, '/api/v1/training/completions', admin.cookie, { userId: newcomer.id, moduleId: 'data_handling' })).statusCode).toBe(201);
    const partial = await assign('agent');
    expect(partial.json<{ message: string }>().message).toMatch(/: phishing$/);
    const rec = await post(t, '/api/v1/training/completions', admin.cookie, { userId: newcomer.id, moduleId: 'phishing' });
    expect(rec.json<{ recordedBy: string }>().recordedBy).toBe(`user:${admin.id}`);
    expect((await assign('agent')).statusCode).toBe(200);
    expect(await statusOf(newcomer.id, 'phishing')).toBe('current');
    expect(await statusOf(newcomer.id, 'incident_reporting')).toBe('missing');
  });

  it("the brand's page and the evidence show coverage of the required modules", async () => {
    const page = await get(t, `/api/v1/brands/${brandA}/training`, supA.cookie);
    expect(page.statusCode).toBe(200);
    const data = page.json<{ coveragePercent: number; requiredModules: string[]; people: { userId: string; modules: Status[] }[] }>();
    expect(data.people.map((p) => p.userId).sort()).toEqual([supA.id, newcomer.id].sort());
    expect(data.coveragePercent).toBe(50);
    expect(data.people.find((p) => p.userId === newcomer.id)!.modules.find((m) => m.moduleId === 'phishing')).toMatchObject({ status: 'current', required: true });
    expect((await get(t, `/api/v1/brands/${brandA}/training`, supB.cookie)).statusCode).toBe(403);
    const evidence = await trainingEvidence(t.services.db, brandA, t.clock.now);
    expect(evidence).toMatchObject({ basis: 'required', requiredModules: ['data_handling', 'phishing'], peopleAssigned: 2, peopleCurrent: 1, coveragePercent: 50, usersMissing: [supA.id] });
    expect(evidence.modules.find((m) => m.moduleId === 'phishing')).toEqual({ moduleId: 'phishing', current: 1, expiring: 0, expired: 0, missing: 1 });
  });

  it('a completion expires after its validity: expiring in its last month, then expired, and the gate refuses again', async () => {
    t.clock.advance(340 * 86_400);
    await signInAgain(t, admin);
    expect(await statusOf(newcomer.id, 'phishing')).toBe('expiring');
    t.clock.advance(30 * 86_400);
    await signInAgain(t, admin);
    expect(await statusOf(newcomer.id, 'phishing')).toBe('expired');
    // The unchanged assignment stays (people are not locked out when training lapses) ...
    expect((await assign('agent')).statusCode).toBe(200);
    // ... but a new role on the brand needs current training again.
    expect((await assign('qa_reviewer')).json<{ error: string }>().error).toBe('access.training_required');
    const evidence = await trainingEvidence(t.services.db, brandA, t.clock.now);
    expect(evidence).toMatchObject({ peopleCurrent: 0, coveragePercent: 0 });
    expect(evidence.modules.find((m) => m.moduleId === 'phishing')).toMatchObject({ expired: 1, missing: 1 });
    // A completion dated in the past takes the module's own validity (6 months): already expired.
    const past = new Date(t.clock.now.getTime() - 200 * 86_400_000).toISOString();
    const old = await post(t, '/api/v1/training/completions', admin.cookie, { userId: newcomer.id, moduleId: 'pci_refresher', completedAt: past });
    expect(old.statusCode).toBe(201);
    expect(await statusOf(newcomer.id, 'pci_refresher')).toBe('expired');
    const future = new Date(t.clock.now.getTime() + 86_400_000).toISOString();
    expect((await post(t, '/api/v1/training/completions', admin.cookie, { userId: newcomer.id, moduleId: 'phishing', completedAt: future })).statusCode).toBe(400);
  });

  it('a person sees their own training; every change is in the audit trail', async () => {
    await signInAgain(t, supA);
    await signInAgain(t, supB);
    expect((await get(t, `/api/v1/training/users/${supA.id}`, supA.cookie)).statusCode).toBe(200);
    expect((await get(t, `/api/v1/training/users/${admin.id}`, supB.cookie)).statusCode).toBe(403);
    const { items } = await t.services.auditService.listEvents(operator, { brandId: brandA, limit: 200 });
    expect(items.filter((e) => e.action === 'training.complete' && e.target?.id === newcomer.id).length).toBeGreaterThanOrEqual(1);
    expect(items.some((e) => e.action === 'training.requirements.set' && e.details?.modules === 'data_handling,phishing')).toBe(true);
  });
});
