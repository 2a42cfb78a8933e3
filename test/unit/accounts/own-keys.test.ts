import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyBox, KeyBoxError } from '../../../src/accounts/key-box.js';
import {
  getOwnKey,
  getOwnKeyInfo,
  linkKey,
  looksLikeGatewayKey,
  markKeyInvalid,
  maskKey,
  unlinkKey,
} from '../../../src/accounts/own-keys.js';
import { touchUser } from '../../../src/accounts/users.js';
import { type Database, sqliteEngine } from '../../../src/db/engine.js';
import { userKeys } from '../../../src/db/schema.js';
import { type TestDatabase, tempDb, testDatabase } from '../../helpers/temp-db.js';

const KEY = 'sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const KEY2 = 'sk-ZZZZyyyyXXXXwwwwVVVVuuuu11112222';
const box = createKeyBox('k'.repeat(40));

describe('maskKey', () => {
  it('shows the public prefix, at most 2 leading and 4 trailing secret characters', () => {
    expect(maskKey('sk-abcdefghijklmnopqrstuvwxyz')).toBe('sk-ab…wxyz');
    expect(maskKey(KEY)).toBe('sk-Ab…6789');
    expect(maskKey(' sk-0123456789abcdef ')).toBe('sk-01…cdef');
  });

  it('hides at least half of short or unprefixed values', () => {
    expect(maskKey('sk-abcdefgh')).toBe('sk-a…gh');
    expect(maskKey('sk-abc')).toBe('sk-…');
    expect(maskKey('')).toBe('…');
    expect(maskKey('plainsecretvalue')).toBe('pl…alue');
    for (let n = 0; n <= 64; n++) {
      const body = 'x'.repeat(n);
      const shown = maskKey(`sk-${body}`).replace('sk-', '').replace('…', '').length;
      expect(shown).toBeLessThanOrEqual(Math.min(6, n / 2));
    }
  });
});

describe('looksLikeGatewayKey', () => {
  it('accepts sk- plus at least 16 URL-safe characters', () => {
    expect(looksLikeGatewayKey(`sk-${'a'.repeat(16)}`)).toBe(true);
    expect(looksLikeGatewayKey(KEY)).toBe(true);
    expect(looksLikeGatewayKey(`  ${KEY}\n`)).toBe(true); // pasted with a newline
    expect(looksLikeGatewayKey('sk-abc_DEF-123456789')).toBe(true);
  });

  it('rejects everything else', () => {
    for (const text of [
      `sk-${'a'.repeat(15)}`,
      `sk-${'a'.repeat(201)}`,
      'SK-abcdefghijklmnopqrst',
      'sk abcdefghijklmnopqrst',
      'sk-abcdefghij klmnopqrst',
      'sk-abcdefghijklmnopqrst\nsecond line',
      'https://api.example.com/sk-abcdefghijklmnopqrst',
      'sk-https://abcdefghijklmnopqrst',
      'Bearer sk-abcdefghijklmnopqrst',
      'sk-abcdefghijklmnopqrstü',
      '',
    ]) {
      expect(looksLikeGatewayKey(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('own keys', async () => {
  let t: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    t = await testDatabase();
    db = t.db;
    await touchUser(db, { id: 1, first_name: 'A' });
    await touchUser(db, { id: 2, first_name: 'B' });
  });
  afterEach(() => t.cleanup());

  it('links, reads back for the executor, shows only the mask, and unlinks', async () => {
    expect(await getOwnKey(db, box, 1)).toBeNull();
    expect(await getOwnKeyInfo(db, 1)).toBeNull();
    expect(await linkKey(db, box, 1, ` ${KEY} `, 1234)).toEqual({ ok: true, masked: 'sk-Ab…6789' });
    expect(await getOwnKey(db, box, 1)).toBe(KEY);
    expect(await getOwnKeyInfo(db, 1)).toEqual({
      masked: 'sk-Ab…6789',
      status: 'ok',
      verifiedAt: 1234,
      linkedAt: 1234,
    });
    expect(JSON.stringify(await getOwnKeyInfo(db, 1))).not.toContain(KEY.slice(3, 12));
    expect(await getOwnKey(db, box, 2)).toBeNull();
    expect(await unlinkKey(db, 1)).toBe(true);
    expect(await unlinkKey(db, 1)).toBe(false);
    expect(await getOwnKey(db, box, 1)).toBeNull();
  });

  it('refuses malformed keys and unknown users', async () => {
    expect(await linkKey(db, box, 1, 'not a key')).toEqual({ ok: false, reason: 'invalid_format' });
    expect(await linkKey(db, box, 99, KEY)).toEqual({ ok: false, reason: 'unknown_user' });
  });

  it('marks a key invalid after a 401, and a new key makes it usable again', async () => {
    await linkKey(db, box, 1, KEY);
    expect(await markKeyInvalid(db, 1, { box, key: KEY })).toBe(true);
    expect(await markKeyInvalid(db, 1, { box, key: KEY })).toBe(false);
    expect((await getOwnKeyInfo(db, 1))?.status).toBe('invalid');
    expect(await getOwnKey(db, box, 1)).toBeNull(); // the executor must not use it
    await linkKey(db, box, 1, KEY2);
    expect(await getOwnKeyInfo(db, 1)).toMatchObject({ status: 'ok', masked: maskKey(KEY2) });
    expect(await getOwnKey(db, box, 1)).toBe(KEY2);
    expect(await markKeyInvalid(db, 2, { box, key: KEY2 })).toBe(false);
  });

  it('ignores a late 401 for a key the user has already replaced', async () => {
    await linkKey(db, box, 1, KEY);
    await linkKey(db, box, 1, KEY2);
    expect(await markKeyInvalid(db, 1, { box, key: KEY })).toBe(false);
    expect((await getOwnKeyInfo(db, 1))?.status).toBe('ok');
    expect(await markKeyInvalid(db, 1, { box, key: KEY2 })).toBe(true);
  });

  it('binds the ciphertext to its owner and fails loudly with the wrong secret', async () => {
    await linkKey(db, box, 1, KEY);
    const [row] = await db.select().from(userKeys).where(eq(userKeys.userId, 1));
    if (!row) throw new Error('no key row');
    await db.insert(userKeys).values({ ...row, userId: 2 });
    await expect(getOwnKey(db, box, 2)).rejects.toThrow(KeyBoxError);
    await expect(getOwnKey(db, createKeyBox('z'.repeat(40)), 1)).rejects.toThrow(KeyBoxError);
  });
});

// What a file holds is SQLite's question; PostgreSQL's storage is the server's.
describe('own keys in the SQLite file', async () => {
  it('never writes the plaintext key to the database files', async () => {
    const { db: sync, file, cleanup } = tempDb();
    try {
      const db = sqliteEngine(sync.$client).db;
      await touchUser(db, { id: 1, first_name: 'A' });
      await touchUser(db, { id: 2, first_name: 'B' });
      await linkKey(db, box, 1, KEY);
      await linkKey(db, box, 2, KEY2);
      await markKeyInvalid(db, 2, { box, key: KEY2 });
      sync.$client.pragma('wal_checkpoint(PASSIVE)');
      const dir = path.dirname(file);
      const bytes = Buffer.concat(
        fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))),
      );
      for (const k of [KEY, KEY2]) {
        expect(bytes.includes(k)).toBe(false);
        expect(bytes.includes(k.slice(3))).toBe(false);
        expect(bytes.includes(k.slice(5, -4))).toBe(false); // not even the hidden middle
      }
    } finally {
      cleanup();
    }
  });
});
