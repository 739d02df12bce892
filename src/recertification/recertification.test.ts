import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSRF, get, operator, post, type TestServer, startTestServer } from '../http/http.test-helpers.js';
import { forEachDatabase } from '../testing/databases.js';
import { recertificationEvidence } from './evidence.js';
import { person, signInAgain, type Person } from './people.test-helpers.js';

interface Campaign {
  id: string;
  status: string;
  brandIds: string[];
  deadline: string;
  counts: { items: number; open: number; confirmed: number; removed: number; removedAtDeadline: number; keptUnanswered: number };
}
interface Item {
  id: string;
  brandId: string;
  kind: 'user_role' | 'api_key';
  subjectId: string;
  role: string | null;
  label: string | null;
  decision: string | null;
}

/**
 * Access recertification end to end on a real server: the snapshot at opening, supervisors
 * answering their own brand's items only, removal that really takes access away (the user loses
 * the brand, the key stops authenticating), the deadline removing what nobody answered when the
 * periodic task runs after the clock moved, and the evidence it leaves.
 */
forEachDatabase('access recertification', (getDb) => {
  let t: TestServer;
  let brandA: string;
  let brandB: string;
  let admin: Person;
  let supA: Person;
  let supB: Person;
  let auditorA: Person;
  const users: Record<string, string> = {};
  const keys: Record<string, { id: string; secret: string }> = {};
  let campaign: Campaign;
  let itemsA: Item[];

  const keyWorks = async (secret: string, brandId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/audit/events?brandId=${brandId}&limit=1`, headers: { authorization: `Bearer ${secret}` } })).statusCode;
  const brandsOf = async (userId: string) => (await t.services.access.users.list(operator)).find((u) => u.id === userId)!.assignments.map((a) => a.brandId);
  const itemFor = (subjectId: string) => itemsA.find((i) => i.subjectId === subjectId)!;
  const decide = (p: Person, itemId: string, decision: 'confirm' | 'remove', note?: string) => post(t, `/api/v1/recertification/items/${itemId}/decision`, p.cookie, { decision, ...(note && { note }) });

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const { access } = t.services;
    const stamp = Date.now().toString(36);
    brandA = (await access.brands.create(operator, { name: `Recert A ${stamp}` })).id;
    brandB = (await access.brands.create(operator, { name: `Recert B ${stamp}` })).id;
    admin = await person(t, 'recert-admin', [], true);
    supA = await person(t, 'recert-sup-a', [{ brandId: brandA, role: 'supervisor' }]);
    supB = await person(t, 'recert-sup-b', [{ brandId: brandB, role: 'supervisor' }]);
    for (const [name, brandId] of [['keepA', brandA], ['dropA', brandA], ['agentB', brandB]] as const) {
      users[name] = (await access.users.create(operator, { email: `recert-${name}-${stamp}@example.test`, displayName: name, assignments: [{ brandId, role: 'agent' }] })).user.id;
    }
    for (const [name, brandId] of [['liveA', brandA], ['dropA', brandA], ['liveB', brandB]] as const) {
      const k = await access.apiKeys.create(operator, brandId, { name: `recert ${name}`, scopes: ['audit.read'], expiresInDays: 60 });
      keys[name] = { id: k.apiKey.id, secret: k.secret };
    }
    // Already revoked: not access any more, so not in the campaign.
    const gone = await access.apiKeys.create(operator, brandA, { name: 'recert revoked', scopes: ['audit.read'], expiresInDays: 60 });
    await access.apiKeys.revoke(operator, gone.apiKey.id);
  });
  afterAll(async () => t?.close());

  it('a security admin opens a campaign: every role assignment and live key of each brand is snapshotted', async () => {
    // Supervisors answer; they do not open campaigns.
    expect((await post(t, '/api/v1/recertification/campaigns', supA.cookie, { brandIds: [brandA] })).statusCode).toBe(403);
    const res = await post(t, '/api/v1/recertification/campaigns', admin.cookie, { brandIds: [brandA, brandB], deadlineDays: 7 });
    expect(res.statusCode).toBe(201);
    campaign = res.json<Campaign>();
    expect(campaign.status).toBe('open');
    expect(new Date(campaign.deadline).getTime() - t.clock.now.getTime()).toBe(7 * 86_400_000);
    // A: supervisor + 2 agents + 2 live keys; B: supervisor + agent + key.
    expect(campaign.counts).toMatchObject({ items: 8, open: 8 });
    // An auditor of A, assigned after opening: watches, but is not in the snapshot.
    auditorA = await person(t, 'recert-auditor-a', [{ brandId: brandA, role: 'auditor' }]);
    // One campaign per brand at a time.
    expect((await post(t, '/api/v1/recertification/campaigns', admin.cookie, { brandIds: [brandB] })).json<{ error: string }>().error).toBe('recert.already_open');
    // Access granted after opening is not part of this campaign (the snapshot).
    await t.services.access.users.create(operator, { email: `recert-late-${Date.now()}@example.test`, displayName: 'Late', assignments: [{ brandId: brandA, role: 'agent' }] });
    expect((await get(t, `/api/v1/recertification/campaigns/${campaign.id}`, admin.cookie)).json<Campaign>().counts.items).toBe(8);
  });

  it("each brand's supervisor sees their own brand's items only, and cannot answer another brand's", async () => {
    const res = await get(t, `/api/v1/recertification/campaigns/${campaign.id}/items?open=true`, supA.cookie);
    expect(res.statusCode).toBe(200);
    itemsA = res.json<{ items: Item[] }>().items;
    expect(new Set(itemsA.map((i) => i.brandId))).toEqual(new Set([brandA]));
    expect(itemsA.map((i) => i.subjectId).sort()).toEqual([supA.id, users.keepA!, users.dropA!, keys.liveA!.id, keys.dropA!.id].sort());
    expect(itemFor(users.dropA!)).toMatchObject({ kind: 'user_role', role: 'agent', label: 'dropA' });
    expect(itemFor(keys.dropA!.id)).toMatchObject({ kind: 'api_key', role: null, label: 'recert dropA' });
    expect((await get(t, `/api/v1/recertification/campaigns/${campaign.id}`, supA.cookie)).json<Campaign>().brandIds).toEqual([brandA]);

    const itemsB = (await get(t, `/api/v1/recertification/campaigns/${campaign.id}/items`, supB.cookie)).json<{ items: Item[] }>().items;
    expect(itemsB).toHaveLength(3);
    const foreign = itemsB.find((i) => i.subjectId === users.agentB)!;
    expect((await decide(supA, foreign.id, 'remove')).statusCode).toBe(403);
    expect(await brandsOf(users.agentB!)).toEqual([brandB]);
    // The auditor watches: same items, no answering, and people by id only (auditors may not list users).
    const watched = (await get(t, `/api/v1/recertification/campaigns/${campaign.id}/items`, auditorA.cookie)).json<{ items: Item[] }>().items;
    expect(watched).toHaveLength(5);
    expect(watched.find((i) => i.subjectId === users.dropA)!.label).toBeNull();
    expect(watched.find((i) => i.subjectId === keys.dropA!.id)!.label).toBe('recert dropA');
    expect((await decide(auditorA, itemFor(users.keepA!).id, 'confirm')).statusCode).toBe(403);
    // Nobody recertifies their own access.
    expect((await decide(supA, itemFor(supA.id).id, 'confirm')).json<{ error: string }>().error).toBe('recert.self_review');
  });

  it('confirm keeps access; remove takes the user off the brand and revokes the key at once, audited', async () => {
    expect((await keyWorks(keys.dropA!.secret, brandA))).toBe(200);
    const confirm = await decide(supA, itemFor(users.keepA!).id, 'confirm');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<Item>().decision).toBe('confirmed');
    expect((await decide(supA, itemFor(users.dropA!).id, 'remove', 'left the team in March')).json<Item>().decision).toBe('removed');
    expect((await decide(supA, itemFor(keys.dropA!.id).id, 'remove')).statusCode).toBe(200);
    expect((await decide(supA, itemFor(users.keepA!).id, 'remove')).json<{ error: string }>().error).toBe('recert.already_answered');

    expect(await brandsOf(users.keepA!)).toEqual([brandA]);
    expect(await brandsOf(users.dropA!)).toEqual([]);
    expect(await keyWorks(keys.dropA!.secret, brandA)).toBe(401);
    expect(await keyWorks(keys.liveA!.secret, brandA)).toBe(200);
    const { items } = await t.services.auditService.listEvents(operator, { brandId: brandA, limit: 200 });
    const removal = items.find((e) => e.action === 'user.assign' && e.target?.id === users.dropA);
    expect(removal).toMatchObject({ actor: { kind: 'user', id: supA.id }, outcome: 'success' });
    expect(items.some((e) => e.action === 'apikey.revoke' && e.target?.id === keys.dropA!.id)).toBe(true);
    expect(items.filter((e) => e.action === 'recert.answer' && e.outcome === 'success')).toHaveLength(3);
    // The auditor's attempt is refused and recorded here (supervisor A's try at B's item is in B's trail).
    expect(items.filter((e) => e.action === 'recert.answer' && e.outcome === 'denied')).toHaveLength(1);
    // No evidence before the campaign is closed.
    expect((await get(t, `/api/v1/recertification/campaigns/${campaign.id}/evidence`, admin.cookie)).json<{ error: string }>().error).toBe('recert.not_closed');
  });

  it('at the deadline the periodic task removes every unanswered item and records the campaign as evidence', async () => {
    t.clock.advance(6 * 86_400);
    expect(await t.services.recertification.closeDue()).toBe(0); // not yet
    t.clock.advance(86_400 + 60);
    expect(await t.services.recertification.closeDue()).toBe(1);
    expect(await t.services.recertification.closeDue()).toBe(0); // once

    // Unanswered: A's supervisor and live key; all of B.
    expect(await keyWorks(keys.liveA!.secret, brandA)).toBe(401);
    expect(await keyWorks(keys.liveB!.secret, brandB)).toBe(401);
    expect(await brandsOf(users.agentB!)).toEqual([]);
    expect(await brandsOf(supA.id)).toEqual([]);
    expect(await brandsOf(users.keepA!)).toEqual([brandA]);

    await signInAgain(t, admin);
    const res = await get(t, `/api/v1/recertification/campaigns/${campaign.id}/evidence`, admin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`recertification-${campaign.id}.json`);
    const evidence = res.json<{ brands: { brandId: string; items: number; confirmed: number; removedByReviewer: number; removedAtDeadline: number; keptUnanswered: number; reviewers: { reviewer: string; answered: number }[]; decisions: { subjectId: string; decision: string; note: string | null; answeredBy: string | null }[] }[] }>();
    const a = evidence.brands.find((b) => b.brandId === brandA)!;
    const b = evidence.brands.find((x) => x.brandId === brandB)!;
    expect(a).toMatchObject({ items: 5, confirmed: 1, removedByReviewer: 2, removedAtDeadline: 2, keptUnanswered: 0, reviewers: [{ reviewer: `user:${supA.id}`, answered: 3 }] });
    expect(a.decisions.find((d) => d.subjectId === users.dropA)).toMatchObject({ decision: 'removed', note: 'left the team in March', answeredBy: `user:${supA.id}` });
    expect(a.decisions.find((d) => d.subjectId === keys.liveA!.id)).toMatchObject({ decision: 'removed_at_deadline', answeredBy: null });
    expect(b).toMatchObject({ items: 3, confirmed: 0, removedAtDeadline: 3, reviewers: [] });
    const { items } = await t.services.auditService.listEvents(operator, { brandId: brandB, limit: 200 });
    expect(items.filter((e) => e.actor.id === 'recertification' && (e.action === 'user.assign' || e.action === 'apikey.revoke'))).toHaveLength(3);
    expect(items.some((e) => e.action === 'recert.campaign.close')).toBe(true);
    expect(items.filter((e) => e.action === 'recert.answer' && e.outcome === 'denied' && e.actor.id === supA.id)).toHaveLength(1);
  });

  it('answers after the close are refused; the next campaign is due six months later', async () => {
    const item = itemsA.find((i) => i.subjectId === keys.liveA!.id)!;
    await signInAgain(t, admin);
    expect((await decide(admin, item.id, 'confirm')).json<{ error: string }>().error).toBe('recert.closed');
    const status = (await get(t, '/api/v1/recertification/status', admin.cookie)).json<{ items: { brandId: string; lastCompletedCampaignId: string | null; lastCompletedAt: string; nextDueAt: string; overdue: boolean }[] }>().items;
    const a = status.find((s) => s.brandId === brandA)!;
    expect(a.lastCompletedCampaignId).toBe(campaign.id);
    const closed = new Date(a.lastCompletedAt);
    const due = new Date(a.nextDueAt);
    expect(due.getUTCMonth()).toBe((closed.getUTCMonth() + 6) % 12);
    expect(a.overdue).toBe(false);
    // The compliance report's view, at a later moment: overdue once six months have passed.
    const later = new Date(due.getTime() + 1000);
    const evidence = await recertificationEvidence(t.services.db, brandA, later);
    expect(evidence).toMatchObject({ lastCompletedCampaignId: campaign.id, overdue: true, openCampaignId: null, lastCampaign: { items: 5, confirmed: 1, removedByReviewer: 2, removedAtDeadline: 2, reviewers: 1 } });
  });

  it("a 'keep' campaign closed early by the admin marks unanswered items and leaves their access", async () => {
    const brandC = (await t.services.access.brands.create(operator, { name: `Recert C ${Date.now().toString(36)}` })).id;
    const stays = (await t.services.access.users.create(operator, { email: `recert-stays-${Date.now()}@example.test`, displayName: 'Stays', assignments: [{ brandId: brandC, role: 'qa_reviewer' }] })).user.id;
    const opened = (await post(t, '/api/v1/recertification/campaigns', admin.cookie, { brandIds: [brandC], atDeadline: 'keep' })).json<Campaign>();
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/recertification/campaigns/${opened.id}/close`, headers: { ...CSRF, cookie: `cv_session=${admin.cookie}` } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<Campaign>()).toMatchObject({ status: 'completed', counts: { items: 1, keptUnanswered: 1, removedAtDeadline: 0 } });
    expect(await brandsOf(stays)).toEqual([brandC]);
    // The supervisor of A sees neither C's campaign nor its evidence.
    await signInAgain(t, supB);
    expect((await get(t, `/api/v1/recertification/campaigns/${opened.id}/evidence`, supB.cookie)).statusCode).toBe(404);
  });
});
