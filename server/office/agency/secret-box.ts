/**
 * @module Tokens at rest: AES-256-GCM with the key from `SECRETS_KEY` (decision 025). A sealed value is
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url); the key id (first bytes of the key's SHA-256) says which key
 * opens it, so during a rotation `SECRETS_KEY_PREVIOUS` still opens old values while new ones use the new key. The
 * value is bound to its place (`community:<vk group id>`, …) as associated data: a ciphertext copied onto another
 * row does not open there.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretKeys {
  current: Buffer;
  previous?: Buffer;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/**
 * Encrypts `plain` for the place `context`.
 * @example seal(keys, 'vk1.a.secret', 'community:123')
 */
export function seal(keys: SecretKeys, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    keyId(keys.current),
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

/** Decrypts a sealed value; throws `SecretBoxError` when no configured key opens it (wrong key, place or tampering). */
export function open(keys: SecretKeys, sealed: string, context: string): string {
  const [version, id, iv, body, tag] = sealed.split('.');
  const key = [keys.current, keys.previous].find((k) => k !== undefined && keyId(k) === id);
  if (version !== 'v1' || !key || !iv || body === undefined || !tag) {
    throw new SecretBoxError('No configured SECRETS_KEY opens this value');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('The value does not open here (wrong key or place, or altered)');
  }
}

/** Whether the value was sealed with an older key and should be sealed again (rotation). */
export const sealedWithOlderKey = (keys: SecretKeys, sealed: string) => sealed.split('.')[1] !== keyId(keys.current);

/**
 * How a token is shown: its first 5 and last 4 characters, never more than a quarter of it.
 * @example mask('vk1.a.abcdef…f3c9') // 'vk1.a…f3c9'
 */
export function mask(token: string): string {
  if (token.length < 36) return `…${token.slice(-Math.min(4, Math.floor(token.length / 4)))}`;
  return `${token.slice(0, 5)}…${token.slice(-4)}`;
}
