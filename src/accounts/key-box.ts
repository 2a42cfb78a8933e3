import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/*
 * AES-256-GCM for secrets at rest (users' own gateway keys). Payload format, all base64url:
 *   v1:<12-byte iv>:<16-byte tag>:<ciphertext>
 * The version prefix lets a later format or key rotation coexist with stored v1 rows.
 * The AES key is HKDF-SHA256(secret): the secret is already high-entropy (≥ 32 chars, or 256
 * random bits when generated), so a slow KDF would add start-up cost and no strength.
 */

export const MIN_SECRET_LENGTH = 32;
export const SECRET_FILE = 'key-encryption.secret';
const VERSION = 'v1';
const HKDF_SALT = 'genbot/key-box';
const HKDF_INFO = 'aes-256-gcm/v1';

export class KeyBoxError extends Error {
  constructor(
    readonly code: 'malformed' | 'unsupported_version' | 'auth_failed' | 'bad_secret',
    message: string,
  ) {
    super(message);
    this.name = 'KeyBoxError';
  }
}

export interface KeyBox {
  /** `aad` binds the ciphertext to a context (e.g. the owner), so it can't be moved elsewhere. */
  encrypt(plaintext: string, aad?: string): string;
  /** Throws KeyBoxError('auth_failed') on a wrong secret, wrong aad or any tampering. */
  decrypt(payload: string, aad?: string): string;
}

export function createKeyBox(secret: string): KeyBox {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new KeyBoxError(
      'bad_secret',
      `the key-encryption secret must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  const key = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));
  return {
    encrypt(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, ct]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join(':');
    },
    decrypt(payload, aad) {
      const parts = payload.split(':');
      if (parts[0] !== VERSION) {
        throw new KeyBoxError(
          parts.length === 4 ? 'unsupported_version' : 'malformed',
          'unknown ciphertext format',
        );
      }
      const [, ivText = '', tagText = '', ctText = ''] = parts;
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      const ct = Buffer.from(ctText, 'base64url');
      if (parts.length !== 4 || iv.length !== 12 || tag.length !== 16) {
        throw new KeyBoxError('malformed', 'truncated or malformed ciphertext');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
        if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
      } catch {
        throw new KeyBoxError(
          'auth_failed',
          'ciphertext failed authentication (wrong secret or tampered)',
        );
      }
    },
  };
}

export interface LoadedSecret {
  secret: string;
  /** `env`: KEY_ENCRYPTION_SECRET; `file`: read from the data folder; `created`: generated now. */
  source: 'env' | 'file' | 'created';
  file?: string;
}

/**
 * The env secret wins. Otherwise the embedded default keeps a generated secret in
 * `<dataDir>/key-encryption.secret` (0600), created once and reused on every restart — losing it
 * makes every stored key unreadable, so an unreadable or too-short file is an error, never
 * silently replaced.
 */
export function loadOrCreateSecret(options: { envSecret?: string; dataDir: string }): LoadedSecret {
  if (options.envSecret !== undefined && options.envSecret !== '') {
    if (options.envSecret.length < MIN_SECRET_LENGTH) {
      throw new KeyBoxError(
        'bad_secret',
        `KEY_ENCRYPTION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`,
      );
    }
    return { secret: options.envSecret, source: 'env' };
  }
  const file = path.join(options.dataDir, SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== null) return { secret: existing, source: 'file', file };

  fs.mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // Write a temp file, then link() it into place: link fails if the name exists, so two
  // processes starting together agree on one secret and nobody ever reads a half-written file.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const winner = readSecretFile(file);
    if (winner === null) throw err;
    return { secret: winner, source: 'file', file };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { secret, source: 'created', file };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new KeyBoxError('bad_secret', `${file} is damaged (too short); restore it from a backup`);
  }
  // Someone loosened the permissions (copy, restore): tighten them back.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return secret;
}
