/**
 * @module Odnoklassniki launch parameters: `auth_sig = md5(logged_user_id + session_key + secret)` and `sig`, the md5
 * of every parameter as `key=value`, sorted by key, then the secret (apiok.ru "launch parameters" and its signing
 * rule); `application_key` must be ours. Both are checked: `auth_sig` joins the user id and the session key with no
 * separator, so alone it signs `575123456789` + `-s-1` exactly as `57512345678` + `9-s-1` (a launch for another user,
 * found from outside); `sig` names each value by its key (decision 047).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Identity, platformDetail, uiLanguage } from './identity.ts';
import { BadSignatureError, MalformedLaunchError, MissingLaunchError, WrongAppError } from './launch-errors.ts';
import { boundedId, MAX_OK_USER_ID } from './launch-ids.ts';
import { parseLaunchQuery } from './vk-sign.ts';

export interface OkVerifyOptions {
  appKey: string;
  appSecret: string;
}

/** The `auth_sig` OK computes for a user's session. */
export function okAuthSig(loggedUserId: string, sessionKey: string, appSecret: string): string {
  return createHash('md5').update(`${loggedUserId}${sessionKey}${appSecret}`).digest('hex');
}

/** The `sig` OK computes over launch parameters: `k1=v1k2=v2…` sorted by key (`sig` itself left out), then the secret. */
export function okParamsSig(params: Iterable<[string, string]>, appSecret: string): string {
  const pairs = [...params].filter(([key]) => key !== 'sig').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('md5')
    .update(`${pairs.map(([key, value]) => `${key}=${value}`).join('')}${appSecret}`)
    .digest('hex');
}

/**
 * Builds the launch query OK would pass to the app (for the local launcher and tests).
 * @example signOkLaunch({ logged_user_id: '1', session_key: 's', application_key: 'K' }, 'SECRET')
 */
export function signOkLaunch(values: Record<string, string>, appSecret: string): string {
  const authSig = okAuthSig(values.logged_user_id ?? '', values.session_key ?? '', appSecret);
  const signed = { ...values, auth_sig: authSig };
  return new URLSearchParams({ ...signed, sig: okParamsSig(Object.entries(signed), appSecret) }).toString();
}

const md5Matches = (expected: string, given: string) =>
  timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));

export function verifyOkLaunch(raw: string, options: OkVerifyOptions): Identity {
  return readOkLaunch(raw, options).identity;
}

/**
 * Verifies an OK launch and returns the identity with the session key `auth_sig` covers. The launch carries no time,
 * so its age is bounded elsewhere, by when this server first saw the session (ok-session-age.ts).
 */
export function readOkLaunch(raw: string, options: OkVerifyOptions): { identity: Identity; sessionKey: string } {
  const params = parseLaunchQuery(raw);
  const authSig = params.get('auth_sig');
  const sig = params.get('sig');
  const userId = boundedId(params.get('logged_user_id'), MAX_OK_USER_ID);
  const sessionKey = params.get('session_key');
  const appKey = params.get('application_key');
  if (!authSig) throw new MissingLaunchError('auth_sig is missing');
  if (!userId) throw new MalformedLaunchError(`logged_user_id is missing or not an OK id (1 to ${MAX_OK_USER_ID})`);
  if (!sessionKey) throw new MalformedLaunchError('session_key is missing');
  if (!sig) throw new MissingLaunchError('sig is missing');
  if (!/^[0-9a-fA-F]{32}$/.test(authSig)) throw new BadSignatureError('auth_sig is not an MD5 digest');
  if (!/^[0-9a-fA-F]{32}$/.test(sig)) throw new BadSignatureError('sig is not an MD5 digest');
  if (!options.appSecret) throw new BadSignatureError('OK app secret is not configured');
  if (!md5Matches(okAuthSig(userId, sessionKey, options.appSecret), authSig))
    throw new BadSignatureError('auth_sig does not match');
  if (!md5Matches(okParamsSig(params, options.appSecret), sig)) throw new BadSignatureError('sig does not match');
  if (!appKey || appKey !== options.appKey) throw new WrongAppError('application_key is not this app');
  // No `ref` yet: `refplace` is signed by `sig` now, but the identity carries only what it always has.
  const identity: Identity = {
    platform: 'ok',
    userId,
    appId: appKey,
    language: uiLanguage(params.get('lang') ?? 'ru'),
    platformDetail: params.has('mob_platform')
      ? platformDetail(params.get('mob_platform'))
      : params.get('mob') === 'true'
        ? 'mobile'
        : 'web',
  };
  return { identity, sessionKey };
}
