/** Anything that runs SQL: the database itself or an open transaction. PostgreSQL dialect only. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export type Dialect = 'pglite' | 'postgres';

/**
 * The storage handle every domain module receives. Same SQL on PGlite (embedded) and PostgreSQL;
 * `transaction` gives a Queryable whose statements commit or roll back together, which is how a
 * service writes its change and the audit event for it atomically.
 */
export interface Db extends Queryable {
  readonly dialect: Dialect;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to a LISTEN/NOTIFY channel (send with `SELECT pg_notify(channel, payload)`, which
   * is delivered at commit). Payloads are at most 8000 bytes and are not durable: a listener that
   * was not connected misses them, so they carry news, never the only copy of a state.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
