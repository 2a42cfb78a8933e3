import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKeyBox,
  KeyBoxError,
  loadOrCreateSecret,
  SECRET_FILE,
} from '../../../src/accounts/key-box.js';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16);
const OTHER = 'c'.repeat(32);

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof KeyBoxError) return err.code;
    throw err;
  }
  return undefined;
}

/** Flips one bit of one base64url part of a v1 payload. */
function tamper(payload: string, part: 1 | 2 | 3): string {
  const parts = payload.split(':');
  const bytes = Buffer.from(parts[part] as string, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('key box', () => {
  const box = createKeyBox(SECRET);

  it('round-trips, with a fresh IV every time and a versioned format', () => {
    for (const text of ['sk-abcdef1234567890', '', 'ключ 🔑', 'x'.repeat(5000)]) {
      const a = box.encrypt(text);
      const b = box.encrypt(text);
      expect(a).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
      expect(a).not.toBe(b);
      expect(box.decrypt(a)).toBe(text);
      if (text !== '') expect(a.includes(text)).toBe(false);
    }
  });

  it('detects tampering with the ciphertext, tag or IV', () => {
    const payload = box.encrypt('sk-secret-secret-secret');
    for (const part of [1, 2, 3] as const)
      expect(errorCode(() => box.decrypt(tamper(payload, part)))).toBe('auth_failed');
  });

  it('fails with the wrong secret or the wrong context', () => {
    const payload = box.encrypt('sk-secret-secret-secret', 'user-key:1');
    expect(box.decrypt(payload, 'user-key:1')).toBe('sk-secret-secret-secret');
    expect(errorCode(() => createKeyBox(OTHER).decrypt(payload, 'user-key:1'))).toBe('auth_failed');
    expect(errorCode(() => box.decrypt(payload, 'user-key:2'))).toBe('auth_failed');
    expect(errorCode(() => box.decrypt(payload))).toBe('auth_failed');
  });

  it('rejects malformed payloads and unknown versions', () => {
    const [, iv, tag, ct] = box.encrypt('x').split(':');
    expect(errorCode(() => box.decrypt('garbage'))).toBe('malformed');
    expect(errorCode(() => box.decrypt(`v1:${iv}:${tag}`))).toBe('malformed');
    expect(errorCode(() => box.decrypt(`v1:AAAA:${tag}:${ct}`))).toBe('malformed');
    expect(errorCode(() => box.decrypt(`v2:${iv}:${tag}:${ct}`))).toBe('unsupported_version');
  });

  it('refuses a short secret', () => {
    expect(errorCode(() => createKeyBox('short'))).toBe('bad_secret');
  });
});

describe('loadOrCreateSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers the environment and writes nothing', () => {
    expect(loadOrCreateSecret({ envSecret: SECRET, dataDir: dir })).toEqual({
      secret: SECRET,
      source: 'env',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(errorCode(() => loadOrCreateSecret({ envSecret: 'too-short', dataDir: dir }))).toBe(
      'bad_secret',
    );
  });

  it('creates the file once with 0600 and reuses it on restart', () => {
    const data = path.join(dir, 'nested', 'data');
    const first = loadOrCreateSecret({ dataDir: data });
    expect(first.source).toBe('created');
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    const file = path.join(data, SECRET_FILE);
    expect(first.file).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(data)).toEqual([SECRET_FILE]); // no temp file left behind

    const again = loadOrCreateSecret({ dataDir: data, envSecret: '' });
    expect(again).toEqual({ secret: first.secret, source: 'file', file });
    // A key encrypted before the restart still opens after it.
    const payload = createKeyBox(first.secret).encrypt('sk-persisted-key-value');
    expect(createKeyBox(again.secret).decrypt(payload)).toBe('sk-persisted-key-value');
  });

  it('tightens loose permissions and never replaces a damaged file', () => {
    const file = path.join(dir, SECRET_FILE);
    fs.writeFileSync(file, `${SECRET}\n`, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(loadOrCreateSecret({ dataDir: dir }).secret).toBe(SECRET);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.writeFileSync(file, 'short');
    expect(errorCode(() => loadOrCreateSecret({ dataDir: dir }))).toBe('bad_secret');
    expect(fs.readFileSync(file, 'utf8')).toBe('short');
  });
});
