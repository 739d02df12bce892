import type { Queryable } from '../../db/types.js';
import { REENCRYPT_JOB, paymentScope, scopeKey } from '../../vault/index.js';
import type { Evidence } from '../types.js';
import { daysSince, isoOf } from './evidence.js';

/** Cryptoperiod of a data key before it should be rotated (PCI DSS 3.6.4 / 3.7.4: defined by the entity; callvault's is a year). */
export const CRYPTOPERIOD_DAYS = 365;

interface KeyRow {
  scope: string;
  version: number;
  status: 'active' | 'decrypt_only' | 'retired';
  created_at: Date;
}

/**
 * The brand's data and payment keys (PCI DSS 3.6/3.7, ISO A.8.24): the active version's age (its
 * creation is the last rotation), older versions still readable (re-encryption not finished) and
 * the last re-encryption job of each scope.
 */
export async function keyEvidence(q: Queryable, brandId: string, now: Date): Promise<Evidence> {
  const scopes = [scopeKey({ brandId }), scopeKey(paymentScope(brandId))];
  const { rows } = await q.query<KeyRow>('SELECT scope, version, status, created_at FROM vault_data_keys WHERE scope = ANY($1::text[]) ORDER BY scope, version', [scopes]);
  const { rows: jobs } = await q.query<{ dedupe_key: string; status: string; finished_at: Date | null; created_at: Date }>(
    `SELECT DISTINCT ON (dedupe_key) dedupe_key, status, finished_at, created_at FROM jobs
     WHERE type = $1 AND dedupe_key = ANY($2::text[]) ORDER BY dedupe_key, created_at DESC, id DESC`,
    [REENCRYPT_JOB, scopes.map((s) => `${REENCRYPT_JOB}:${s}`)],
  );
  const { rows: destroyed } = await q.query<{ scope: string }>('SELECT scope FROM vault_destroyed_scopes WHERE scope = ANY($1::text[])', [scopes]);
  const figures: Evidence['figures'] = { cryptoperiodDays: CRYPTOPERIOD_DAYS };
  const gaps: string[] = [];
  let partial = false;
  let lastRotation: Date | null = null;
  for (const s of scopes) {
    const label = s.startsWith('payment:') ? 'payment' : 'data';
    const keys = rows.filter((r) => r.scope === s);
    const active = keys.find((k) => k.status === 'active');
    const pending = keys.filter((k) => k.status === 'decrypt_only').length;
    const job = jobs.find((j) => j.dedupe_key === `${REENCRYPT_JOB}:${s}`);
    figures[`${label}.activeVersion`] = active?.version ?? null;
    figures[`${label}.activeSince`] = isoOf(active?.created_at);
    figures[`${label}.olderVersionsReadable`] = pending;
    figures[`${label}.reencryption`] = job ? job.status : 'none';
    figures[`${label}.reencryptionFinishedAt`] = isoOf(job?.finished_at);
    if (destroyed.some((d) => d.scope === s)) {
      figures[`${label}.destroyed`] = true;
      continue;
    }
    if (!active) continue; // no key yet: nothing of this kind was ever sealed for the brand
    const created = new Date(active.created_at);
    if (active.version > 1 && (!lastRotation || created > lastRotation)) lastRotation = created;
    const age = daysSince(created, now);
    if (age > CRYPTOPERIOD_DAYS) gaps.push(`${label} key version ${active.version} is ${age} days old (cryptoperiod ${CRYPTOPERIOD_DAYS} days)`);
    if (job?.status === 'failed') gaps.push(`re-encryption of the ${label} key failed: ${pending} older version(s) still readable`);
    else if (pending > 0) {
      partial = true;
      gaps.push(`re-encryption of the ${label} key in progress: ${pending} older version(s) still readable`);
    }
  }
  figures.lastRotationAt = isoOf(lastRotation);
  const anyKey = rows.some((r) => r.status === 'active');
  const hardGap = gaps.some((g) => !g.includes('in progress'));
  return {
    key: 'key_management',
    title: 'Key management',
    source: 'vault: vault_data_keys, vault_destroyed_scopes; jobs (vault.reencrypt)',
    status: !anyKey ? 'not_applicable' : hardGap ? 'gap' : partial ? 'partial' : 'met',
    readAt: now.toISOString(),
    summary: anyKey ? `last rotation ${lastRotation ? lastRotation.toISOString() : 'never (keys as first created)'}; re-encryption ${partial ? 'in progress' : 'complete'}` : 'the brand has no keys yet (nothing sealed)',
    figures,
    gaps,
  };
}
