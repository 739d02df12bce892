import type { Queryable } from '../db/types.js';

/** The one place that writes SQL for the training tables. */
export interface TrainingModule {
  id: string;
  title: string;
  validityMonths: number;
  createdAt: Date;
}
export interface Completion {
  id: string;
  userId: string;
  moduleId: string;
  completedAt: Date;
  expiresAt: Date;
  recordedBy: string;
}

export async function listModules(q: Queryable): Promise<TrainingModule[]> {
  const { rows } = await q.query<{ id: string; title: string; validity_months: number; created_at: Date }>('SELECT id, title, validity_months, created_at FROM training_modules ORDER BY id');
  return rows.map((r) => ({ id: r.id, title: r.title, validityMonths: Number(r.validity_months), createdAt: new Date(r.created_at) }));
}

export async function insertModule(q: Queryable, m: { id: string; title: string; validityMonths: number }, by: string, at: Date): Promise<boolean> {
  const { rows } = await q.query(
    'INSERT INTO training_modules (id, title, validity_months, created_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id',
    [m.id, m.title, m.validityMonths, by, at],
  );
  return rows.length > 0;
}

export async function insertCompletion(q: Queryable, c: Completion, at: Date): Promise<void> {
  await q.query(
    'INSERT INTO training_completions (id, user_id, module_id, completed_at, expires_at, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [c.id, c.userId, c.moduleId, c.completedAt, c.expiresAt, c.recordedBy, at],
  );
}

/** The latest-expiring completion of each (user, module) for these users. */
export async function latestCompletions(q: Queryable, userIds: string[]): Promise<Completion[]> {
  if (userIds.length === 0) return [];
  const { rows } = await q.query<{ id: string; user_id: string; module_id: string; completed_at: Date; expires_at: Date; recorded_by: string }>(
    `SELECT DISTINCT ON (user_id, module_id) id, user_id, module_id, completed_at, expires_at, recorded_by
       FROM training_completions WHERE user_id = ANY($1::uuid[])
      ORDER BY user_id, module_id, expires_at DESC`,
    [userIds],
  );
  return rows.map((r) => ({ id: r.id, userId: r.user_id, moduleId: r.module_id, completedAt: new Date(r.completed_at), expiresAt: new Date(r.expires_at), recordedBy: r.recorded_by }));
}

export async function requiredModules(q: Queryable, brandId: string): Promise<string[]> {
  const { rows } = await q.query<{ module_id: string }>('SELECT module_id FROM brand_training_requirements WHERE brand_id = $1 ORDER BY module_id', [brandId]);
  return rows.map((r) => r.module_id);
}

export async function replaceRequirements(q: Queryable, brandId: string, moduleIds: string[]): Promise<void> {
  await q.query('DELETE FROM brand_training_requirements WHERE brand_id = $1', [brandId]);
  for (const m of moduleIds) await q.query('INSERT INTO brand_training_requirements (brand_id, module_id) VALUES ($1, $2)', [brandId, m]);
}

/** Required modules of the brand the user has no valid (unexpired) completion of at `now`. */
export async function missingRequired(q: Queryable, userId: string, brandId: string, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ module_id: string }>(
    `SELECT r.module_id FROM brand_training_requirements r
      WHERE r.brand_id = $1
        AND NOT EXISTS (SELECT 1 FROM training_completions c WHERE c.user_id = $2 AND c.module_id = r.module_id AND c.expires_at > $3)
      ORDER BY r.module_id`,
    [brandId, userId, now],
  );
  return rows.map((r) => r.module_id);
}

export async function userExists(q: Queryable, userId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE id = $1', [userId])).rows.length > 0;
}
export async function brandExists(q: Queryable, brandId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM brands WHERE id = $1', [brandId])).rows.length > 0;
}
