import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vaultErrors } from './errors.js';
import type { Kms } from './types.js';

/**
 * The default Kms: a 256-bit key-encryption key (KEK) in `<keysDir>/kek.key` (created 0600 on
 * first use) or from CALLVAULT_KEK. PCI DSS 3.6.1.2: the KEK is stored apart from the data keys it
 * protects (the database holds only wrapped keys).
 *
 * Each brand context also gets a random 32-byte secret in `<keysDir>/scopes/`, mixed into the
 * wrapping key with HKDF. Deleting that file (destroyContext) is what makes crypto-shredding hold
 * against database backups: a backup still holds the wrapped brand key, but nothing can unwrap it.
 * Several servers using this Kms must therefore share the keys folder (or use a cloud KMS).
 *
 * Wrapped layout: 0x01 | KEK id (8 bytes) | IV (12) | wrapped key | GCM tag (16); AAD = context.
 */
export interface LocalKms extends Kms {
  readonly source: 'file' | 'env';
  /** Deletes a context's secret: whatever was wrapped under it can never be unwrapped again. */
  destroyContext(context: string): Promise<void>;
  /** Writes a new KEK beside the current one and wraps with it from now on (both unwrap). */
  beginKekRotation(): Promise<string>;
  /** Makes the new KEK the only one; call after every wrapped key was re-wrapped. */
  completeKekRotation(): Promise<void>;
}

const WRAP_FORMAT = 0x01;
const KEK_FILE = 'kek.key';
const NEXT_KEK_FILE = 'kek.next.key';

export async function openLocalKms(opts: { keysDir: string; kekBase64?: string | undefined }): Promise<LocalKms> {
  const dir = opts.keysDir;
  await mkdir(join(dir, 'scopes'), { recursive: true, mode: 0o700 });
  const ring = new Map<string, Buffer>();
  let current: { id: string; kek: Buffer };
  if (opts.kekBase64) {
    const kek = Buffer.from(opts.kekBase64, 'base64');
    if (kek.length !== 32) throw vaultErrors.kek_unavailable('CALLVAULT_KEK must be base64 of 32 bytes');
    current = { id: kekIdOf(kek), kek };
  } else {
    const kek = await readOrCreateKey(join(dir, KEK_FILE));
    current = { id: kekIdOf(kek), kek };
    const next = await readKeyIfPresent(join(dir, NEXT_KEK_FILE));
    if (next) {
      ring.set(current.id, current.kek);
      current = { id: kekIdOf(next), kek: next }; // a rotation was interrupted: finish it with this key
    }
  }
  ring.set(current.id, current.kek);

  // Another server sharing the key folder may have rotated the KEK: wrapping always uses the newest
  // key on disk, and an unknown KEK id triggers one re-read before giving up.
  const refresh = async (): Promise<void> => {
    if (opts.kekBase64) return;
    const onDisk = (await readKeyIfPresent(join(dir, NEXT_KEK_FILE))) ?? (await readKeyIfPresent(join(dir, KEK_FILE)));
    if (!onDisk) return;
    const id = kekIdOf(onDisk);
    ring.set(id, onDisk);
    current = { id, kek: onDisk };
  };

  const contextSecret = async (context: string, create: boolean): Promise<Buffer> => {
    if (!isDestroyable(context)) return Buffer.alloc(32);
    const path = contextPath(dir, context);
    const existing = await readKeyIfPresent(path);
    if (existing) return existing;
    if (!create) throw vaultErrors.scope_key_missing();
    return readOrCreateKey(path);
  };
  const wrappingKey = (kek: Buffer, secret: Buffer, context: string): Buffer =>
    Buffer.from(hkdfSync('sha256', kek, secret, `callvault/kms/v1|${context}`, 32));

  return {
    get kekId() {
      return current.id;
    },
    source: opts.kekBase64 ? 'env' : 'file',
    async wrap(dataKey, context) {
      await refresh();
      const key = wrappingKey(current.kek, await contextSecret(context, true), context);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([Buffer.from([WRAP_FORMAT]), Buffer.from(current.id, 'hex'), iv, body, cipher.getAuthTag()]);
    },
    async unwrap(wrapped, context) {
      if (wrapped.length < 1 + 8 + 12 + 16 || wrapped[0] !== WRAP_FORMAT) throw vaultErrors.kek_unavailable('wrapped key has an unknown format');
      const kekId = wrapped.subarray(1, 9).toString('hex');
      if (!ring.has(kekId)) await refresh();
      const kek = ring.get(kekId);
      if (!kek) throw vaultErrors.kek_unavailable('the key was wrapped by a KEK this server does not hold');
      const key = wrappingKey(kek, await contextSecret(context, false), context);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(9, 21));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
        return Buffer.concat([decipher.update(wrapped.subarray(21, wrapped.length - 16)), decipher.final()]);
      } catch {
        throw vaultErrors.kek_unavailable('a wrapped key failed authentication');
      }
    },
    async destroyContext(context) {
      if (!isDestroyable(context)) throw vaultErrors.invalid_scope('the system scope cannot be destroyed');
      const path = contextPath(dir, context);
      // Overwrite before unlinking so the old bytes are not left in the same blocks (best effort:
      // journaling and SSD wear levelling may keep copies; a KMS/HSM gives the hard guarantee).
      const existing = await readKeyIfPresent(path);
      if (existing) await writeFile(path, randomBytes(64).toString('base64'), { mode: 0o600 });
      await rm(path, { force: true });
    },
    async beginKekRotation() {
      if (opts.kekBase64) throw vaultErrors.kek_rotation_unsupported();
      if (ring.size > 1) return current.id; // finish the interrupted rotation first
      const next = randomBytes(32);
      await writeFile(join(dir, NEXT_KEK_FILE), next.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      current = { id: kekIdOf(next), kek: next };
      ring.set(current.id, next);
      return current.id;
    },
    async completeKekRotation() {
      if (opts.kekBase64 || ring.size === 1) return;
      await rename(join(dir, NEXT_KEK_FILE), join(dir, KEK_FILE));
      for (const id of [...ring.keys()]) if (id !== current.id) ring.delete(id);
    },
  };
}

/** Only brand contexts can be shredded; the installation's own secrets live under 'system'. */
function isDestroyable(context: string): boolean {
  return context !== 'system';
}

function contextPath(dir: string, context: string): string {
  const name = createHash('sha256').update(context).digest('hex').slice(0, 32);
  return join(dir, 'scopes', `${name}.key`);
}

/** A public fingerprint of a KEK (never the key): 8 bytes of a domain-separated SHA-256. */
function kekIdOf(kek: Buffer): string {
  return createHash('sha256').update('callvault-kek-id').update(kek).digest().subarray(0, 8).toString('hex');
}

async function readKeyIfPresent(path: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw vaultErrors.kek_unavailable(`cannot read key file ${path}`);
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw vaultErrors.kek_unavailable(`key file ${path} does not hold 32 bytes`);
  return key;
}

/** Creates the key file 0600 exactly once, even when two processes start together ('wx'). */
async function readOrCreateKey(path: string): Promise<Buffer> {
  const existing = await readKeyIfPresent(path);
  if (existing) return existing;
  try {
    await writeFile(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600); // the umask cannot widen it, but be explicit
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw vaultErrors.kek_unavailable(`cannot create key file ${path}`);
  }
  const created = await readKeyIfPresent(path);
  if (!created) throw vaultErrors.kek_unavailable(`cannot create key file ${path}`);
  return created;
}
