import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { errorCodes } from '../errors.js';

/**
 * Where large sealed objects (recordings) live: a local folder by default; S3 or another object
 * store implements the same five calls. Objects are written whole or not at all (temporary file,
 * then rename), and hold only ciphertext: the store never sees a key.
 */
export interface ObjectStore {
  /** Writes an object from a stream; replaces an existing one atomically. */
  put(key: string, source: AsyncIterable<Uint8Array>): Promise<{ bytes: number }>;
  /** Bytes [from, to) of an object. */
  read(key: string, from?: number, to?: number): AsyncIterable<Uint8Array>;
  /** Size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

export const storageErrors = errorCodes('storage', {
  bad_key: ['invalid_input', 'object keys are lowercase letters, digits, dots, dashes, underscores and slashes'],
  not_found: ['not_found', 'the object does not exist'],
});

// No `..`, no leading slash, no empty segment: a key can never leave the store's folder.
const KEY = /^[a-z0-9_-][a-z0-9_.-]*(\/[a-z0-9_-][a-z0-9_.-]*)*$/;

export function createLocalObjectStore(root: string): ObjectStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) throw storageErrors.bad_key();
    const p = join(base, ...key.split('/'));
    if (!p.startsWith(base + sep)) throw storageErrors.bad_key();
    return p;
  };
  return {
    async put(key, source) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      let bytes = 0;
      const counted = async function* () {
        for await (const chunk of source) {
          bytes += chunk.length;
          yield chunk;
        }
      };
      try {
        await pipeline(Readable.from(counted()), createWriteStream(tmp, { mode: 0o600, flush: true }));
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { bytes };
    },
    read(key, from, to) {
      const path = pathOf(key);
      if (to !== undefined && from !== undefined && to <= from) return Readable.from([]);
      return createReadStream(path, { ...(from !== undefined && { start: from }), ...(to !== undefined && { end: to - 1 }) });
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
