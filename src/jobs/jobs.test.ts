import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallvaultError } from '../errors.js';
import { forEachDatabase } from '../testing/databases.js';
import { claimJob, enqueueJob, getJob, listJobs } from './queue.js';
import { backoffDelay, createWorker } from './worker.js';

forEachDatabase('job queue', (getDb, backend) => {
  it('a job enqueued in a rolled-back transaction does not exist', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, type, {});
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await listJobs(db, { type })).toEqual([]);
  });

  it('runs a job, records progress and success', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    const id = await enqueueJob(db, type, { scope: 'brand:x', n: 3 });
    const seen: unknown[] = [];
    const worker = createWorker({
      db,
      handlers: {
        [type]: async (job, ctx) => {
          seen.push(job.payload);
          await ctx.progress(2, 3);
          await ctx.progress(3);
        },
      },
    });
    expect(await worker.runUntilIdle()).toBe(1);
    expect(seen).toEqual([{ scope: 'brand:x', n: 3 }]);
    expect(await getJob(db, id)).toMatchObject({ status: 'succeeded', attempts: 1, progress: { done: 3, total: 3 }, lastError: null });
  });

  it('retries a failing job with backoff, then marks it failed with a code only', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    const id = await enqueueJob(db, type, {}, { maxAttempts: 3 });
    let calls = 0;
    const worker = createWorker({
      db,
      backoffMs: 1,
      maxBackoffMs: 1,
      handlers: {
        [type]: async () => {
          calls++;
          throw new CallvaultError('unavailable', 'test.down', 'dependency down');
        },
      },
    });
    for (let i = 0; i < 10 && (await getJob(db, id))?.status !== 'failed'; i++) {
      await worker.runUntilIdle();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(calls).toBe(3);
    expect(await getJob(db, id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'test.down: dependency down' });
  });

  it('a job whose worker died (lease expired) is taken over: nothing lost on restart', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    const id = await enqueueJob(db, type, {});
    const crashed = await claimJob(db, 'worker-that-crashes', [type], 60);
    expect(crashed?.id).toBe(id);
    expect(await claimJob(db, 'other', [type], 60)).toBeUndefined(); // leased
    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    let ran = 0;
    const worker = createWorker({ db, handlers: { [type]: async () => void ran++ } });
    await worker.runUntilIdle();
    expect(ran).toBe(1);
    expect(await getJob(db, id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a dedupe key keeps one queued job per key', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    const a = await enqueueJob(db, type, {}, { dedupeKey: type });
    const b = await enqueueJob(db, type, {}, { dedupeKey: type });
    expect(b).toBe(a);
  });

  it(`several workers on one database run every job exactly once (${backend}, SKIP LOCKED)`, async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    for (let i = 0; i < 40; i++) await enqueueJob(db, type, { i });
    const runs = new Map<number, number>();
    const handler = async (job: { payload: Record<string, unknown> }): Promise<void> => {
      const i = Number(job.payload.i);
      runs.set(i, (runs.get(i) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const workers = Array.from({ length: 4 }, () => createWorker({ db, handlers: { [type]: handler } }));
    const counts = await Promise.all(workers.map((w) => w.runUntilIdle()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(40);
    if (backend === 'postgres') expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('a worker with several lanes runs jobs side by side, each exactly once', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    for (let i = 0; i < 6; i++) await enqueueJob(db, type, { i });
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const worker = createWorker({
      db,
      concurrency: 3,
      handlers: {
        [type]: async (job) => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 50));
          seen.push(Number(job.payload.i));
          running--;
        },
      },
    });
    expect(await worker.runUntilIdle()).toBe(6);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBeGreaterThan(1);
  });

  it('a started worker polls in the background and stops cleanly', async () => {
    const db = getDb();
    const type = `t.${randomUUID()}`;
    let ran = 0;
    let ticks = 0;
    const worker = createWorker({ db, pollMs: 10, handlers: { [type]: async () => void ran++ }, periodic: [{ name: 'tick', everyMs: 1, run: async () => void ticks++ }] });
    worker.start();
    await enqueueJob(db, type, {});
    for (let i = 0; i < 100 && ran === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(ran).toBe(1);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('backoff', () => {
  it('doubles per attempt up to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
