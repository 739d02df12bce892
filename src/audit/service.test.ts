import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack, sampleEvent, systemPrincipal, userPrincipal } from './audit.test-helpers.js';
import type { ChainedAuditLog } from './log.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';
import { createAuditService, type AuditService } from './service.js';

forEachDatabase('audit service', (getDb) => {
  let audit: ChainedAuditLog;
  let service: AuditService;
  const brandA = randomUUID();
  const brandB = randomUUID();
  beforeAll(async () => {
    audit = (await makeStack(10)).audit;
    service = createAuditService({ db: getDb(), audit });
    await getDb().transaction((tx) =>
      audit.appendMany(tx, [...Array.from({ length: 25 }, (_, i) => sampleEvent(brandA, i)), ...Array.from({ length: 5 }, (_, i) => sampleEvent(brandB, i))]),
    );
  });

  it("an auditor reads their brand's events, and the read is itself audited", async () => {
    const auditor = userPrincipal({ [brandA]: 'auditor' });
    const page = await service.listEvents(auditor, { brandId: brandA, limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.items.every((e) => e.brandId === brandA)).toBe(true);
    expect(page.nextBefore).not.toBeNull();
    const next = await service.listEvents(auditor, { brandId: brandA, limit: 10, before: page.nextBefore as string });
    const seen = new Set([...page.items, ...next.items].map((e) => `${e.chainId}:${e.seq}`));
    expect(seen.size).toBe(20); // no overlap between pages
    const reads = await service.listEvents(auditor, { brandId: brandA, action: 'audit.read' });
    expect(reads.items.filter((e) => e.actor.id === auditor.actor.id).length).toBeGreaterThanOrEqual(2);
    expect(reads.items[0]).toMatchObject({ outcome: 'success', ip: '192.0.2.10', userAgent: 'vitest' });
  });

  it('another brand is denied, and the denial persists in that brand\'s chain', async () => {
    const db = getDb();
    const auditor = userPrincipal({ [brandA]: 'auditor' });
    await expect(service.listEvents(auditor, { brandId: brandB })).rejects.toMatchObject({ code: 'access.forbidden' });
    const agent = userPrincipal({ [brandA]: 'agent' });
    await expect(service.listEvents(agent, {})).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(service.verify(agent, brandA)).rejects.toMatchObject({ code: 'access.forbidden' });
    const { rows } = await db.query<{ chain_id: string; action: string; outcome: string }>(
      `SELECT chain_id, action, outcome FROM audit_events WHERE actor_id = ANY($1) ORDER BY chain_id, seq`,
      [[auditor.actor.id, agent.actor.id]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { chain_id: brandB, action: 'audit.read', outcome: 'denied' },
        { chain_id: 'installation', action: 'audit.read', outcome: 'denied' },
        { chain_id: brandA, action: 'audit.verify', outcome: 'denied' },
      ]),
    );
  });

  it('without a brand filter, a user sees only the brands they may read', async () => {
    const auditor = userPrincipal({ [brandA]: 'auditor', [brandB]: 'agent' });
    const page = await service.listEvents(auditor, { limit: 500 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.brandId === brandA)).toBe(true);
  });

  it('verify reports the chain and is audited', async () => {
    const report = await service.verify(userPrincipal({ [brandA]: 'auditor' }), brandA);
    expect(report.ok).toBe(true);
    expect(report.checkpoints).toBeGreaterThanOrEqual(1);
    const all = await service.verify(systemPrincipal, null);
    expect(all.ok).toBe(true);
    expect(all.chains).toBeGreaterThanOrEqual(3);
  });

  it('an inclusion proof ties an event to its signed checkpoint root', async () => {
    const proof = await service.proveInclusion(systemPrincipal, brandA, 7);
    expect(proof).not.toBeNull();
    const p = proof as NonNullable<typeof proof>;
    expect(verifyInclusion(Buffer.from(p.eventHash, 'hex'), p.leafIndex, p.treeSize, p.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(p.checkpoint.root, 'hex'))).toBe(true);
    expect(verifyInclusion(Buffer.from(p.eventHash, 'hex'), p.leafIndex + 1, p.treeSize, p.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(p.checkpoint.root, 'hex'))).toBe(false);
  });

  it('a consistency proof shows a later signed tree head only appended to an earlier one', async () => {
    const db = getDb();
    for (let k = 0; k < 3; k++) await db.transaction((tx) => audit.appendMany(tx, Array.from({ length: 10 }, (_, i) => sampleEvent(brandA, i))));
    const { rows } = await db.query<{ to_seq: number }>(`SELECT to_seq FROM audit_checkpoints WHERE chain_id = $1 ORDER BY to_seq`, [brandA]);
    const sizes = rows.map((r) => Number(r.to_seq));
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    const [first, last] = [sizes[0] as number, sizes[sizes.length - 1] as number];
    const p = await service.proveConsistency(systemPrincipal, brandA, first, last);
    expect(p).not.toBeNull();
    const c = p as NonNullable<typeof p>;
    const proof = c.proof.map((h) => Buffer.from(h, 'hex'));
    const [r1, r2] = [Buffer.from(c.from.treeRoot, 'hex'), Buffer.from(c.to.treeRoot, 'hex')];
    expect(verifyConsistency(first, last, r1, r2, proof)).toBe(true);
    expect(verifyConsistency(first, last, r2, r1, proof)).toBe(false);
    expect(verifyConsistency(first, last, r1, r2, proof.slice(1))).toBe(false);
    expect(await service.proveConsistency(systemPrincipal, brandA, first + 1, last)).toBeNull(); // not a checkpoint
  });

  it('exports JSON lines for one brand without event data beyond ids', async () => {
    const lines: string[] = [];
    for await (const line of service.exportEvents(userPrincipal({ [brandB]: 'auditor' }), { brandId: brandB, format: 'jsonl' })) lines.push(line);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['action', 'actor', 'at', 'brandId', 'chainId', 'details', 'hash', 'ip', 'outcome', 'requestId', 'seq', 'target', 'userAgent']);
    await expect(
      (async () => {
        for await (const _ of service.exportEvents(userPrincipal({ [brandB]: 'supervisor' }), { brandId: brandB, format: 'cef' })) void _;
      })(),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
  });
});
