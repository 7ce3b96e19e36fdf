/**
 * @module The `sign` VK puts on the answers of `VKWebAppGetPhoneNumber` and `VKWebAppGetEmail`, as VK documents it
 * (dev.vk.com/bridge/VKWebAppGetEmail, Russian page): SHA-256 over `app_id`, the app's secret key, the user's id and
 * the field's name and value, concatenated in that order, base64url without padding. E.g. app 7770000, secret
 * W7kVvxVxZ4, user 162447, e-mail test@gmail.com: sha256("7770000W7kVvxVxZ4162447emailtest@gmail.com").
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type SignedField = 'phone_number' | 'email';

export interface BridgeSignInput {
  appId: string | number;
  secret: string;
  userId: string | number;
  field: SignedField;
  value: string;
}

/** The sign VK would give this value. */
export function bridgeSign(input: BridgeSignInput): string {
  return createHash('sha256')
    .update(`${input.appId}${input.secret}${input.userId}${input.field}${input.value}`)
    .digest('base64url');
}

/**
 * Whether `sign` is VK's signature of this value for this user and app (constant-time; base64url or base64 accepted).
 * @example verifyBridgeSign({ appId: 7770000, secret, userId: 162447, field: 'email', value: 'test@gmail.com', sign })
 */
export function verifyBridgeSign(input: BridgeSignInput & { sign: string }): boolean {
  if (!input.secret || !/^[A-Za-z0-9_\-+/]{40,48}={0,2}$/.test(input.sign)) return false;
  const given = Buffer.from(input.sign.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
  const expected = Buffer.from(bridgeSign(input), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
