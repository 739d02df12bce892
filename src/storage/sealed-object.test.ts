import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecordKey } from '../vault/record-key.js';
import { createLocalObjectStore, type ObjectStore } from './object-store.js';
import { putSealedObject, readSealedObject } from './sealed-object.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

async function* chunks(data: Buffer, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('sealed objects in the local object store', () => {
  let dir: string;
  let store: ObjectStore;
  const key = newRecordKey();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callvault-store-'));
    store = createLocalObjectStore(dir);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([0, 1, 65_535, 65_536, 65_537, 300_001])('round-trips %i bytes, whole and in ranges', async (n) => {
    const data = randomBytes(n);
    await putSealedObject(store, `calls/t${n}.bin`, key, `test:${n}`, chunks(data, 7_777));
    expect((await collect(readSealedObject(store, `calls/t${n}.bin`, key, `test:${n}`))).equals(data)).toBe(true);
    for (const [s, e] of [[0, 1], [10, 70_000], [65_536, 65_540], [n - 5, n + 10]] as const) {
      if (s < 0 || s >= n) continue;
      expect((await collect(readSealedObject(store, `calls/t${n}.bin`, key, `test:${n}`, { start: s, end: e }))).equals(data.subarray(s, e))).toBe(true);
    }
  });

  it('stores ciphertext only: the plaintext is nowhere in the folder', async () => {
    const marker = Buffer.from('4111111111111111 this is a recording '.repeat(100));
    await putSealedObject(store, 'calls/secret.bin', key, 'p', chunks(marker, 1000));
    for (const f of await readdir(join(dir, 'calls'))) expect((await readFile(join(dir, 'calls', f))).includes('4111111111111111')).toBe(false);
  });

  it('refuses another purpose, another key, a truncated or altered object', async () => {
    const data = randomBytes(200_000);
    await putSealedObject(store, 'calls/x.bin', key, 'call:1:audio', chunks(data, 50_000));
    await expect(collect(readSealedObject(store, 'calls/x.bin', key, 'call:2:audio'))).rejects.toThrow(/altered/);
    await expect(collect(readSealedObject(store, 'calls/x.bin', newRecordKey(), 'call:1:audio'))).rejects.toThrow(/altered/);
    const path = join(dir, 'calls', 'x.bin');
    const sealed = await readFile(path);
    // Dropping the final segment leaves a "complete-looking" object whose last segment is not final.
    await writeFile(path, sealed.subarray(0, 16 + 2 * (65_536 + 16)));
    await expect(collect(readSealedObject(store, 'calls/x.bin', key, 'call:1:audio'))).rejects.toThrow(/altered/);
    const flipped = Buffer.from(sealed);
    flipped[100] = flipped[100]! ^ 1;
    await writeFile(path, flipped);
    await expect(collect(readSealedObject(store, 'calls/x.bin', key, 'call:1:audio', { start: 0, end: 10 }))).rejects.toThrow(/altered/);
  });

  it('rejects keys that could leave the folder, and leaves no temporary file when the source fails', async () => {
    for (const bad of ['../x', '/etc/passwd', 'a//b', 'a/../b', 'A.bin', '']) expect(() => store.read(bad)).toThrow(/object keys/);
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('source broke');
    }
    await expect(store.put('calls/broken.bin', failing())).rejects.toThrow('source broke');
    expect((await readdir(join(dir, 'calls'))).filter((f) => f.startsWith('broken'))).toEqual([]);
    expect(await store.size('calls/broken.bin')).toBeNull();
  });
});
