import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalKms } from './local-kms.js';

const dir = () => mkdtemp(join(tmpdir(), 'callvault-kms-'));

describe('local KMS', () => {
  it('creates the KEK file 0600 in a 0700 folder on first use and reuses it', async () => {
    const keysDir = await dir();
    const a = await openLocalKms({ keysDir });
    expect((await stat(join(keysDir, 'kek.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
    const b = await openLocalKms({ keysDir });
    expect(b.kekId).toBe(a.kekId);
    const dk = randomBytes(32);
    expect(await b.unwrap(await a.wrap(dk, 'system'), 'system')).toEqual(dk);
  });

  it('takes the KEK from CALLVAULT_KEK when given, and then refuses file rotation', async () => {
    const kek = randomBytes(32).toString('base64');
    const a = await openLocalKms({ keysDir: await dir(), kekBase64: kek });
    const b = await openLocalKms({ keysDir: await dir(), kekBase64: kek });
    expect(a.source).toBe('env');
    const dk = randomBytes(32);
    expect(await b.unwrap(await a.wrap(dk, 'system'), 'system')).toEqual(dk);
    await expect(a.beginKekRotation()).rejects.toMatchObject({ code: 'vault.kek_rotation_unsupported' });
  });

  it('binds the context: a key wrapped for one brand does not unwrap for another', async () => {
    const kms = await openLocalKms({ keysDir: await dir() });
    const wrapped = await kms.wrap(randomBytes(32), 'brand:a');
    await kms.wrap(randomBytes(32), 'brand:b');
    await expect(kms.unwrap(wrapped, 'brand:b')).rejects.toMatchObject({ code: 'vault.kek_unavailable' });
  });

  it('destroyContext deletes the brand secret: its wrapped keys can never be unwrapped again', async () => {
    const keysDir = await dir();
    const kms = await openLocalKms({ keysDir });
    const wrapped = await kms.wrap(randomBytes(32), 'brand:gone');
    expect(await readdir(join(keysDir, 'scopes'))).toHaveLength(1);
    await kms.destroyContext('brand:gone');
    expect(await readdir(join(keysDir, 'scopes'))).toHaveLength(0);
    await expect((await openLocalKms({ keysDir })).unwrap(wrapped, 'brand:gone')).rejects.toMatchObject({ code: 'vault.scope_key_missing' });
    await expect(kms.destroyContext('system')).rejects.toMatchObject({ code: 'vault.invalid_scope' });
  });

  it('a KEK rotation interrupted before completion is finished by the next start; other servers follow the new KEK', async () => {
    const keysDir = await dir();
    const a = await openLocalKms({ keysDir });
    const other = await openLocalKms({ keysDir });
    const old = await a.wrap(Buffer.alloc(32, 1), 'system');
    const newId = await a.beginKekRotation();
    const restarted = await openLocalKms({ keysDir }); // crash here: both KEKs on disk
    expect(restarted.kekId).toBe(newId);
    expect(await restarted.unwrap(old, 'system')).toEqual(Buffer.alloc(32, 1));
    await a.completeKekRotation();
    const fresh = await other.wrap(Buffer.alloc(32, 2), 'system'); // the other server picks up the new KEK
    expect(other.kekId).toBe(newId);
    expect(await (await openLocalKms({ keysDir })).unwrap(fresh, 'system')).toEqual(Buffer.alloc(32, 2));
  });
});
