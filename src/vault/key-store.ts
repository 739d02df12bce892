import type { Queryable } from '../db/types.js';

/** Data access for vault_data_keys / vault_destroyed_scopes: the one place that writes their SQL. */
export type KeyStatus = 'active' | 'decrypt_only' | 'retired';

export interface DataKeyRow {
  scope: string;
  version: number;
  status: KeyStatus;
  kek_id: string;
  wrapped: Buffer | null;
  created_at: Date;
  retired_at: Date | null;
}

const COLUMNS = 'scope, version, status, kek_id, wrapped, created_at, retired_at';

/** The active key, share-locked so a rotation waits for writers that are sealing with it. */
export async function activeKey(tx: Queryable, scope: string): Promise<DataKeyRow | undefined> {
  const { rows } = await tx.query<DataKeyRow>(
    `SELECT ${COLUMNS} FROM vault_data_keys WHERE scope = $1 AND status = 'active' FOR SHARE`,
    [scope],
  );
  return rows[0] && normalize(rows[0]);
}

export async function keyVersion(tx: Queryable, scope: string, version: number): Promise<DataKeyRow | undefined> {
  const { rows } = await tx.query<DataKeyRow>(`SELECT ${COLUMNS} FROM vault_data_keys WHERE scope = $1 AND version = $2`, [
    scope,
    version,
  ]);
  return rows[0] && normalize(rows[0]);
}

export async function keysOf(tx: Queryable, scope?: string): Promise<DataKeyRow[]> {
  const { rows } = scope
    ? await tx.query<DataKeyRow>(`SELECT ${COLUMNS} FROM vault_data_keys WHERE scope = $1 ORDER BY version`, [scope])
    : await tx.query<DataKeyRow>(`SELECT ${COLUMNS} FROM vault_data_keys ORDER BY scope, version`);
  return rows.map(normalize);
}

// PGlite returns BYTEA as Uint8Array, node-postgres as Buffer.
function normalize(r: DataKeyRow): DataKeyRow {
  return { ...r, wrapped: r.wrapped ? Buffer.from(r.wrapped) : null };
}

/** Inserts the first key of a scope; false when another writer created it first. */
export async function insertFirstKey(tx: Queryable, scope: string, kekId: string, wrapped: Buffer): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO vault_data_keys (scope, version, status, kek_id, wrapped) VALUES ($1, 1, 'active', $2, $3)
     ON CONFLICT DO NOTHING RETURNING version`,
    [scope, kekId, wrapped],
  );
  return rows.length === 1;
}

/** Demotes the active key to decrypt-only and adds version+1 as active. Returns the new version. */
export async function addVersion(tx: Queryable, scope: string, kekId: string, wrapped: Buffer): Promise<number> {
  const { rows } = await tx.query<{ version: number }>(
    `SELECT version FROM vault_data_keys WHERE scope = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [scope],
  );
  const next = (rows[0]?.version ?? 0) + 1;
  await tx.query(`UPDATE vault_data_keys SET status = 'decrypt_only' WHERE scope = $1 AND status = 'active'`, [scope]);
  await tx.query(`INSERT INTO vault_data_keys (scope, version, status, kek_id, wrapped) VALUES ($1, $2, 'active', $3, $4)`, [
    scope,
    next,
    kekId,
    wrapped,
  ]);
  return next;
}

export async function rewrap(tx: Queryable, scope: string, version: number, kekId: string, wrapped: Buffer): Promise<void> {
  await tx.query(`UPDATE vault_data_keys SET kek_id = $3, wrapped = $4 WHERE scope = $1 AND version = $2`, [
    scope,
    version,
    kekId,
    wrapped,
  ]);
}

/** Erases the wrapped material of decrypt-only versions (after re-encryption moved every record). */
export async function retireOldVersions(tx: Queryable, scope: string): Promise<number[]> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE vault_data_keys SET status = 'retired', wrapped = NULL, retired_at = now()
     WHERE scope = $1 AND status = 'decrypt_only' RETURNING version`,
    [scope],
  );
  return rows.map((r) => r.version).sort((a, b) => a - b);
}

/** Crypto-shredding, database half: removes every key row of the scope and remembers it. */
export async function destroyScopeKeys(tx: Queryable, scope: string): Promise<number> {
  const { rows } = await tx.query(`DELETE FROM vault_data_keys WHERE scope = $1 RETURNING version`, [scope]);
  await tx.query(`INSERT INTO vault_destroyed_scopes (scope) VALUES ($1) ON CONFLICT DO NOTHING`, [scope]);
  return rows.length;
}

export async function isDestroyed(tx: Queryable, scope: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT 1 FROM vault_destroyed_scopes WHERE scope = $1`, [scope]);
  return rows.length > 0;
}

export async function scopesWithKeys(tx: Queryable): Promise<string[]> {
  const { rows } = await tx.query<{ scope: string }>(`SELECT DISTINCT scope FROM vault_data_keys ORDER BY scope`);
  return rows.map((r) => r.scope);
}
