import pg from 'pg';
import { assertChannel } from './channel.js';

/**
 * LISTEN on PostgreSQL needs a connection of its own (a pooled one is handed to other queries
 * between statements). One client per process serves every channel; if it drops, it reconnects
 * with backoff and listens again, since notifications sent meanwhile are lost anyway and the
 * subscribers re-read state they care about.
 */
export interface PgListener {
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function createPgListener(connectionString: string): PgListener {
  const subscribers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryMs = 250;

  const quoted = (channel: string) => `"${channel}"`;

  function deliver(msg: pg.Notification): void {
    for (const cb of subscribers.get(msg.channel) ?? []) {
      try {
        cb(msg.payload ?? '');
      } catch {
        // One subscriber's failure must not starve the others of the notification.
      }
    }
  }

  async function connect(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString });
      c.on('notification', deliver);
      c.on('error', () => drop(c));
      c.on('end', () => drop(c));
      try {
        await c.connect();
        for (const channel of subscribers.keys()) await c.query(`LISTEN ${quoted(channel)}`);
      } catch (err) {
        await c.end().catch(() => undefined);
        throw err;
      }
      client = c;
      retryMs = 250;
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  function drop(c: pg.Client): void {
    if (client !== c) return;
    client = null;
    void c.end().catch(() => undefined);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || subscribers.size === 0) return;
    const t = setTimeout(() => {
      connect().catch(() => {
        retryMs = Math.min(retryMs * 2, 5_000);
        scheduleReconnect();
      });
    }, retryMs);
    t.unref();
  }

  return {
    async listen(channel, onPayload) {
      assertChannel(channel);
      if (closed) throw new Error('the listener is closed');
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) subscribers.set(channel, (set = new Set()));
      set.add(onPayload);
      const c = await connect();
      if (first) await c.query(`LISTEN ${quoted(channel)}`);
      return async () => {
        const current = subscribers.get(channel);
        if (!current?.delete(onPayload) || current.size > 0) return;
        subscribers.delete(channel);
        await client?.query(`UNLISTEN ${quoted(channel)}`).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      subscribers.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
