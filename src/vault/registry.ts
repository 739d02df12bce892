import type { Queryable } from '../db/types.js';
import type { KeyPurpose } from './types.js';

/**
 * A column a module seals with the vault, declared so re-encryption after a key rotation can find
 * every record. The record id bound as associated data must be the value of `idColumn` as text.
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  idColumn: string;
  /** Column holding the brand id; omitted for installation secrets sealed under the 'system' scope. */
  scopeColumn?: string;
  /** Which of the brand's keys seals it: its data key (default) or its payment key. */
  purpose?: KeyPurpose;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Declares (idempotently) an encrypted column. Modules may instead INSERT into vault_encrypted_columns in their migration. */
export async function declareEncryptedColumn(tx: Queryable, c: EncryptedColumn): Promise<void> {
  for (const name of [c.table, c.column, c.idColumn, c.scopeColumn ?? 'x']) {
    if (!IDENT.test(name)) throw new TypeError('encrypted column identifiers must be lowercase SQL names');
  }
  await tx.query(
    `INSERT INTO vault_encrypted_columns (table_name, column_name, id_column, scope_column, key_purpose) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (table_name, column_name) DO UPDATE SET id_column = EXCLUDED.id_column, scope_column = EXCLUDED.scope_column, key_purpose = EXCLUDED.key_purpose`,
    [c.table, c.column, c.idColumn, c.scopeColumn ?? null, c.purpose ?? 'data'],
  );
}

export async function encryptedColumns(q: Queryable): Promise<EncryptedColumn[]> {
  const { rows } = await q.query<{ table_name: string; column_name: string; id_column: string; scope_column: string | null; key_purpose: KeyPurpose }>(
    `SELECT table_name, column_name, id_column, scope_column, key_purpose FROM vault_encrypted_columns ORDER BY table_name, column_name`,
  );
  // The table's CHECK constraints already restrict these to plain identifiers; re-check before
  // they are spliced into SQL text.
  return rows
    .filter((r) => [r.table_name, r.column_name, r.id_column, r.scope_column ?? 'x'].every((n) => IDENT.test(n)))
    .map((r) => ({ table: r.table_name, column: r.column_name, idColumn: r.id_column, ...(r.scope_column && { scopeColumn: r.scope_column }), purpose: r.key_purpose }));
}
