/**
 * @module The fake's access-token convention. VK tokens are opaque; the fake reads who is calling
 * from the token text itself so a test can pick an identity without any setup:
 *   `group:<groupId>`  community token acting for community <groupId> (messages.send, long poll, …);
 *                      `group:<groupId>:<label>` is another token of the same community (VK lets a community
 *                      hold several keys), so a test can tell which one a request carried
 *   `service:<appId>`  service token of mini app <appId> (notifications.sendMessage, apps.isNotificationsAllowed)
 *   `user:<userId>`    user token of user <userId>
 *   anything else      accepted as a user token of an unknown user
 * A missing/empty token, or a `group:`/`service:`/`user:` token without a positive integer id, is error 5.
 */
import { VkApiError } from './errors.ts';

export type TokenIdentity =
  | { kind: 'group'; groupId: number }
  | { kind: 'service'; appId: number }
  | { kind: 'user'; userId?: number };

const PREFIXED_TOKEN = /^(group|service|user):(.*?)(?::[\w.-]+)?$/;

/** Reads the caller's identity from a token, or throws error 5 as VK does for a bad token. */
export function identifyToken(token: string | undefined): TokenIdentity {
  if (token === undefined || token === '') {
    throw new VkApiError(5, 'no access_token passed.');
  }
  const match = PREFIXED_TOKEN.exec(token);
  if (!match) return { kind: 'user' };
  const [, kind, rawId = ''] = match;
  const id = /^[1-9]\d*$/.test(rawId) ? Number(rawId) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new VkApiError(5, 'invalid access_token (4).');
  if (kind === 'group') return { kind: 'group', groupId: id };
  if (kind === 'service') return { kind: 'service', appId: id };
  return { kind: 'user', userId: id };
}

/** The community a method acts for; these fake methods accept only a community token. */
export function requireGroupToken(identity: TokenIdentity, method: string): number {
  if (identity.kind === 'group') return identity.groupId;
  if (identity.kind === 'service') throw new VkApiError(28);
  throw new VkApiError(15, `${method} needs a community token in this fake (group:<id>)`);
}

/** The mini app a method acts for; these methods need the app's service token. */
export function requireServiceToken(identity: TokenIdentity, method: string): number {
  if (identity.kind === 'service') return identity.appId;
  if (identity.kind === 'group') throw new VkApiError(27);
  throw new VkApiError(15, `${method} needs a service token in this fake (service:<appId>)`);
}
