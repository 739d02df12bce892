import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The security code must never be written anywhere (PCI DSS 3.3.1.2), yet its digits may reach
 * any server node while the session is held by one. Each digit is therefore sealed (ECIES: an
 * ephemeral X25519 key, HKDF-SHA256, AES-256-GCM) to the public key of the node holding the
 * session, whose private key exists only in that process's memory and dies with it. What passes
 * through the database is unreadable to anyone but that process, and nothing of it survives a
 * restart: a session whose node is gone must have its code keyed again.
 */
export interface NodeCodeKey {
  /** SPKI DER, published so other nodes can seal digits to this one. */
  readonly publicKey: Buffer;
  open(sealed: Buffer, context: string): Buffer;
}

const INFO = Buffer.from('callvault payment code v1');

function derive(shared: Buffer, ephemeral: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeral, INFO, 32));
}

export function createNodeCodeKey(): NodeCodeKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }),
    open(sealed, context) {
      const ephemeralDer = sealed.subarray(0, 44);
      const iv = sealed.subarray(44, 56);
      const tag = sealed.subarray(56, 72);
      const body = sealed.subarray(72);
      const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
      const key = derive(diffieHellman({ privateKey, publicKey: ephemeral }), ephemeralDer);
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context)).setAuthTag(tag);
      const out = Buffer.concat([decipher.update(body), decipher.final()]);
      key.fill(0);
      return out;
    },
  };
}

/** Seals `plaintext` to a node's public key; `context` (session and position) is bound as associated data. */
export function sealToNode(nodePublicKey: Buffer | KeyObject, plaintext: Buffer, context: string): Buffer {
  const recipient = Buffer.isBuffer(nodePublicKey) ? createPublicKey({ key: nodePublicKey, format: 'der', type: 'spki' }) : nodePublicKey;
  const eph = generateKeyPairSync('x25519');
  const ephemeralDer = eph.publicKey.export({ format: 'der', type: 'spki' });
  const key = derive(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephemeralDer);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  key.fill(0);
  return Buffer.concat([ephemeralDer, iv, cipher.getAuthTag(), body]);
}
