import type { Db, Queryable } from '../db/types.js';
import type { JobHandler } from '../jobs/types.js';
import type { AuditLog } from '../audit/types.js';
import { versionBytes } from './ciphertext.js';
import { vaultErrors } from './errors.js';
import * as store from './key-store.js';
import { encryptedColumns, type EncryptedColumn } from './registry.js';
import { parseScopeKey, purposeOf, scopeKey } from './scope.js';
import type { KeyScope } from './types.js';
import { RETIRE_GRACE_MS, type VaultService } from './vault.js';

export const REENCRYPT_JOB = 'vault.reencrypt';
const BATCH = 200;

/**
 * Background re-encryption after a data-key rotation: moves every registered record of the scope
 * to the active version, then retires (erases) the older versions. Idempotent: a restarted job
 * simply finds fewer records left. A record that cannot be decrypted is skipped and counted; the
 * job then fails without retiring, so nothing becomes unreadable.
 */
export function reencryptJobHandler(deps: { db: Db; vault: VaultService; audit: AuditLog; retireGraceMs?: number }): JobHandler {
  const grace = deps.retireGraceMs ?? RETIRE_GRACE_MS;
  return async (job, ctx) => {
    const scope = parseScopeKey(String(job.payload.scope));
    const s = scopeKey(scope);
    if (await store.isDestroyed(deps.db, s)) return; // shredded meanwhile: nothing left to move
    const columns = (await encryptedColumns(deps.db)).filter((c) => ('system' in scope ? !c.scopeColumn : !!c.scopeColumn && (c.purpose ?? 'data') === purposeOf(scope)));
    const failed = new Set<string>();
    let done = 0;
    for (let round = 0; round < 5; round++) {
      const version = await deps.vault.activeVersion(deps.db, scope);
      const total = done + (await countPending(deps.db, columns, scope, version));
      await ctx.progress(done, total);
      for (const column of columns) {
        for (;;) {
          if (ctx.signal.aborted) throw vaultErrors.key_unknown('re-encryption interrupted; it resumes on the next run');
          const moved = await moveBatch(deps, column, scope, version, failed);
          if (moved.attempted === 0) break;
          done += moved.ok;
          await ctx.progress(done, total);
        }
      }
      if (failed.size > 0) throw vaultErrors.decrypt_failed(`${failed.size} record(s) of ${s} could not be re-encrypted; old versions kept`);
      // Other servers may seal with the previous version until their key lookup cache expires:
      // wait out that window after the rotation, then look again before retiring anything.
      const wait = grace - (await activeAgeMs(deps.db, s));
      if (wait > 0) {
        await sleep(wait, ctx.signal);
        continue;
      }
      const retired = await deps.db.transaction(async (tx) => {
        await tx.query(`SELECT version FROM vault_data_keys WHERE scope = $1 FOR UPDATE`, [s]);
        if ((await countPending(tx, columns, scope, version)) > 0) return undefined; // new writes raced us: go again
        return store.retireOldVersions(tx, s);
      });
      if (retired === undefined) continue;
      if (retired.length > 0) {
        await deps.db.transaction((tx) =>
          deps.audit.append(tx, {
            actor: { kind: 'system', id: 'job' },
            action: 'key.retire',
            brandId: 'brandId' in scope ? scope.brandId : null,
            target: { type: 'data_key', id: s },
            outcome: 'success',
            details: { versions: retired.join(','), reencrypted: done, jobId: job.id },
          }),
        );
      }
      return;
    }
    throw vaultErrors.key_unknown('re-encryption kept racing new writes; it will be retried');
  };
}

async function activeAgeMs(db: Db, scope: string): Promise<number> {
  const { rows } = await db.query<{ ms: number }>(
    `SELECT (EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::float8 AS ms FROM vault_data_keys WHERE scope = $1 AND status = 'active'`,
    [scope],
  );
  return Number(rows[0]?.ms ?? Number.POSITIVE_INFINITY);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

function whereScope(c: EncryptedColumn, scope: KeyScope, firstParam: number): { sql: string; params: unknown[] } {
  if ('system' in scope || !c.scopeColumn) return { sql: 'TRUE', params: [] };
  return { sql: `"${c.scopeColumn}"::text = $${firstParam}`, params: [scope.brandId] };
}

async function countPending(q: Queryable, columns: readonly EncryptedColumn[], scope: KeyScope, version: number): Promise<number> {
  let n = 0;
  for (const c of columns) {
    const w = whereScope(c, scope, 2);
    const { rows } = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${c.table}" WHERE ${w.sql} AND "${c.column}" IS NOT NULL
         AND substring("${c.column}" from 2 for 4) <> $1`,
      [versionBytes(version), ...w.params],
    );
    n += Number(rows[0]?.n ?? 0);
  }
  return n;
}

async function moveBatch(
  deps: { db: Db; vault: VaultService },
  c: EncryptedColumn,
  scope: KeyScope,
  version: number,
  failed: Set<string>,
): Promise<{ attempted: number; ok: number }> {
  return deps.db.transaction(async (tx) => {
    const w = whereScope(c, scope, 3);
    const { rows } = await tx.query<{ id: string; sealed: Uint8Array }>(
      `SELECT "${c.idColumn}"::text AS id, "${c.column}" AS sealed FROM "${c.table}"
       WHERE ${w.sql} AND "${c.column}" IS NOT NULL AND substring("${c.column}" from 2 for 4) <> $1
         AND NOT ("${c.idColumn}"::text = ANY($2::text[]))
       LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      [versionBytes(version), [...failed], ...w.params],
    );
    let ok = 0;
    for (const row of rows) {
      const old = Buffer.from(row.sealed);
      let fresh: Buffer;
      try {
        const plain = await deps.vault.decrypt(tx, scope, row.id, old);
        fresh = await deps.vault.encrypt(tx, scope, row.id, plain);
        plain.fill(0);
      } catch {
        failed.add(row.id);
        continue;
      }
      await tx.query(`UPDATE "${c.table}" SET "${c.column}" = $1 WHERE "${c.idColumn}"::text = $2`, [fresh, row.id]);
      ok++;
    }
    return { attempted: rows.length, ok };
  });
}
