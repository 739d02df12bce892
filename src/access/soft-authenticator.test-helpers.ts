import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * A software WebAuthn authenticator for tests: a real P-256 (ES256) key, real CBOR, real
 * signatures, so @simplewebauthn/server verifies it exactly as it would a security key.
 * Attestation format 'none' (W3C WebAuthn Level 3 §8.7).
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private signCount = 0;

  constructor(readonly origin: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicJwk = { x: String(jwk.x), y: String(jwk.y) };
  }

  get id(): string {
    return this.credentialId.toString('base64url');
  }

  /** navigator.credentials.create() answer for `options` (PublicKeyCredentialCreationOptionsJSON). */
  register(options: { challenge: string; rp: { id?: string } }, origin = this.origin) {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(this.publicJwk.x, 'base64url')],
        [-3, Buffer.from(this.publicJwk.y, 'base64url')],
      ]),
    );
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), u32(this.signCount), Buffer.alloc(16), idLen, this.credentialId, cose]);
    const clientData = json({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false });
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: { clientDataJSON: b64(clientData), attestationObject: b64(attestationObject), transports: ['internal' as const] },
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get() answer for `options` (PublicKeyCredentialRequestOptionsJSON). */
  authenticate(options: { challenge: string; rpId?: string }, origin = this.origin) {
    this.signCount += 1;
    const rpId = options.rpId ?? new URL(origin).hostname;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), u32(this.signCount)]); // UP | UV
    const clientData = json({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false });
    const signature = createSign('sha256').update(Buffer.concat([authData, sha256(clientData)])).sign(this.privateKey); // DER ECDSA
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: { clientDataJSON: b64(clientData), authenticatorData: b64(authData), signature: b64(signature) },
      clientExtensionResults: {},
    };
  }
}

const sha256 = (v: string | Buffer) => createHash('sha256').update(v).digest();
const b64 = (b: Buffer) => b.toString('base64url');
const json = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** The CBOR subset (RFC 8949) a WebAuthn attestation needs: ints, text, bytes, maps. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const s = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, s.length), s]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new TypeError('unsupported CBOR value');
}
