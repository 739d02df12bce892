import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A server node's id among the others: host, process and a random part, so a restart is a new node. */
export function nodeIdOf(): string {
  const host = hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'node';
  return `${host}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
