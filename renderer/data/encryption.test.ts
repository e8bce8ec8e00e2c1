import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import type { Platform } from '@shared/platform/contract';
import {
  decryptJson,
  encryptJson,
  exportDataKey,
  generateDataKey,
  makeKeySlot,
  openKeySlot,
  openSealed,
} from './encryption';
import { PasserelleDb } from './db';
import { createKeyStore } from './keys';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const CASE = { person: { name: 'Aminata CANARY-7f3a' }, notes: 'Arrivée de Kayes, 14 ans' };

describe('sealed values', () => {
  it('round-trips JSON, with a fresh IV each time, and the plaintext nowhere in the record', async () => {
    const key = await generateDataKey();
    const a = await encryptJson(key, CASE, 'referrals:r1:caseDetails');
    const b = await encryptJson(key, CASE, 'referrals:r1:caseDetails');
    expect(sealedSchema.parse(a)).toEqual(a);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain('CANARY');
    expect(await decryptJson(key, a, 'referrals:r1:caseDetails')).toEqual(CASE);
  });

  it('refuses another key, other additional data, and a flipped bit', async () => {
    const key = await generateDataKey();
    const sealed = await encryptJson(key, CASE, 'referrals:r1:caseDetails');
    await expect(
      decryptJson(await generateDataKey(), sealed, 'referrals:r1:caseDetails'),
    ).rejects.toThrow();
    await expect(decryptJson(key, sealed, 'referrals:r2:caseDetails')).rejects.toThrow();
    const bytes = Uint8Array.from(atob(sealed.ct), (c) => c.charCodeAt(0));
    bytes[3]! ^= 1;
    const flipped = { ...sealed, ct: btoa(String.fromCharCode(...bytes)) };
    await expect(decryptJson(key, flipped, 'referrals:r1:caseDetails')).rejects.toThrow();
  });

  it('checks what it opens against the schema the plaintext had', async () => {
    const key = await generateDataKey();
    const schema = z.object({ notes: z.string() });
    expect(await openSealed(key, await encryptJson(key, { notes: 'x' }), schema)).toEqual({
      notes: 'x',
    });
    await expect(openSealed(key, await encryptJson(key, { notes: 1 }), schema)).rejects.toThrow();
  });
});

describe('key slots', () => {
  it('open with the right password only, giving back the same data key', async () => {
    const key = await generateDataKey();
    const slot = await makeKeySlot(key, 'trois pirogues sur le Niger');
    expect(slot.kdf).toBe('argon2id:m=19456,t=2,p=1');
    const opened = await openKeySlot(slot, 'trois pirogues sur le Niger');
    expect(opened && (await exportDataKey(opened))).toEqual(await exportDataKey(key));
    expect(await openKeySlot(slot, 'trois pirogues sur le niger')).toBeNull();
  });
});

describe('key store', () => {
  const setup = (protection: 'keychain' | 'unavailable') => {
    const db = new PasserelleDb(`keys-test-${Math.random()}`);
    dbs.push(db);
    let held: Uint8Array<ArrayBuffer> | null = null;
    const platform: Pick<Platform, 'dataKey' | 'storeDataKey'> = {
      dataKey: vi.fn(async () => ({ protection, backend: 'test', key: held })),
      storeDataKey: vi.fn(async ({ key }) => {
        if (protection === 'keychain') held = key;
        return { stored: protection === 'keychain', protection };
      }),
    };
    return { db, platform, keys: createKeyStore(db, platform) };
  };

  it('with a keychain: keeps the key there and gives it back without a password', async () => {
    const { keys } = setup('keychain');
    const key = await keys.create();
    const again = await keys.fromPlatform();
    expect(again && (await exportDataKey(again))).toEqual(await exportDataKey(key));
    expect(await keys.matches(key)).toBe(true);
    expect(await keys.matches(await generateDataKey())).toBe(false);
  });

  it('refuses a key from the keychain that is not this installation’s', async () => {
    const { keys, platform } = setup('keychain');
    await keys.create();
    await platform.storeDataKey({ key: new Uint8Array(32).fill(9) });
    expect(await keys.fromPlatform()).toBeNull();
  });

  it('in a browser: stores nothing, so only a password unlocks the key', async () => {
    const { keys, platform } = setup('unavailable');
    await keys.create();
    expect(await keys.fromPlatform()).toBeNull();
    expect(await keys.protection()).toEqual({ protection: 'unavailable', backend: 'test' });
    expect(platform.storeDataKey).not.toHaveBeenCalled();
  });
});
