import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A caller-supplied id is kept so a request can be followed across a proxy and callvault, but only
// when it is a plain token: anything else could forge log lines or carry data into our logs.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Request id: the incoming `x-request-id` when it looks like an id, else a fresh UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && SAFE_ID.test(incoming)) return incoming;
  return randomUUID();
}
