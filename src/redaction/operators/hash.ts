import { createHmac } from 'node:crypto';
import { OperatorError, type Operator, type OperatorContext } from './types.js';

/** RFC 2104 §3: keys shorter than the hash output (32 bytes for SHA-256) weaken HMAC. */
export const MIN_HASH_KEY_BYTES = 32;

function keyBytes(ctx: OperatorContext, keyId: string | undefined): Uint8Array {
  if (!ctx.hashKey) throw new OperatorError('the hash operator needs a key: pass options.hashKey');
  const key = ctx.hashKey(keyId);
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (bytes.length < MIN_HASH_KEY_BYTES) {
    throw new OperatorError(`the hash key${keyId ? ` ${keyId}` : ''} is shorter than ${MIN_HASH_KEY_BYTES} bytes`);
  }
  return bytes;
}

/**
 * Keyed pseudonym: `[TYPE-<16 hex of HMAC-SHA256>]`. The same value gives the same pseudonym under
 * the same key (one key per brand), so a reviewer can follow "the same customer" across calls
 * without seeing who it is; without the key it cannot be reversed or brute-forced offline.
 * The value is normalised first (case, spaces, dashes) so "John" and "john", or a card with or
 * without spaces, get one pseudonym.
 */
export function pseudonym(key: Uint8Array, type: string, value: string): string {
  const normalized = value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const mac = createHmac('sha256', key).update(`${type}\u0000${normalized}`).digest('hex');
  return `[${type}-${mac.slice(0, 16)}]`;
}

export const hashOperator: Operator<{ kind: 'hash'; keyId?: string }> = {
  kind: 'hash',
  preservesCharacters: false,
  check(config, ctx) {
    keyBytes(ctx, config.keyId);
  },
  apply(value, config, target, ctx) {
    return pseudonym(keyBytes(ctx, config.keyId), target.type, value);
  },
};
