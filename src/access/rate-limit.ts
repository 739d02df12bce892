import type { Db } from '../db/types.js';
import type { RateLimitResult } from './types.js';

export interface RateLimiter {
  /**
   * Counts one hit on `key` in the current fixed window of `windowSeconds`; `allowed` is false
   * once the count exceeds `limit`. Counters live in the database so every server shares them.
   * Keys are ids or hashes (never raw emails or secrets), e.g. `login:ip:203.0.113.9`.
   */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  /** Forgets the counters of `key` (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

export function createRateLimiter(db: Db, now: () => Date = () => new Date()): RateLimiter {
  let hitsSincePurge = 0;
  return {
    async hit(key, limit, windowSeconds) {
      const t = now().getTime();
      const windowMs = windowSeconds * 1000;
      const windowStart = new Date(Math.floor(t / windowMs) * windowMs);
      // One atomic upsert: concurrent servers cannot both read a stale count.
      const { rows } = await db.query<{ count: number }>(
        `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
         RETURNING count`,
        [key, windowStart],
      );
      const count = Number(rows[0]?.count ?? 1);
      if (++hitsSincePurge >= 500) {
        hitsSincePurge = 0;
        // Windows are at most a day here; older rows are dead weight.
        await db.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(t - 86_400_000)]);
      }
      return {
        allowed: count <= limit,
        count,
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - t) / 1000)),
      };
    },
    async reset(key) {
      await db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
    },
  };
}
