/**
 * @module Odnoklassniki launch parameters: `auth_sig = md5(logged_user_id + session_key + secret)`
 * (apiok.ru "launch parameters"), and `application_key` must be ours.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Identity, uiLanguage } from './identity.ts';
import { BadSignatureError, MalformedLaunchError, MissingLaunchError, WrongAppError } from './launch-errors.ts';
import { parseLaunchQuery } from './vk-sign.ts';

export interface OkVerifyOptions {
  appKey: string;
  appSecret: string;
}

/** The `auth_sig` OK computes for a user's session. */
export function okAuthSig(loggedUserId: string, sessionKey: string, appSecret: string): string {
  return createHash('md5').update(`${loggedUserId}${sessionKey}${appSecret}`).digest('hex');
}

/**
 * Builds the launch query OK would pass to the app (for the local launcher and tests).
 * @example signOkLaunch({ logged_user_id: '1', session_key: 's', application_key: 'K' }, 'SECRET')
 */
export function signOkLaunch(values: Record<string, string>, appSecret: string): string {
  const sig = okAuthSig(values.logged_user_id ?? '', values.session_key ?? '', appSecret);
  return new URLSearchParams({ ...values, auth_sig: sig }).toString();
}

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
  const userId = params.get('logged_user_id');
  const sessionKey = params.get('session_key');
  const appKey = params.get('application_key');
  if (!authSig) throw new MissingLaunchError('auth_sig is missing');
  if (!userId || !/^\d{1,20}$/.test(userId)) throw new MalformedLaunchError('logged_user_id is missing or invalid');
  if (!sessionKey) throw new MalformedLaunchError('session_key is missing');
  if (!/^[0-9a-fA-F]{32}$/.test(authSig)) throw new BadSignatureError('auth_sig is not an MD5 digest');
  if (!options.appSecret) throw new BadSignatureError('OK app secret is not configured');
  const expected = Buffer.from(okAuthSig(userId, sessionKey, options.appSecret));
  if (!timingSafeEqual(expected, Buffer.from(authSig.toLowerCase())))
    throw new BadSignatureError('auth_sig does not match');
  if (!appKey || appKey !== options.appKey) throw new WrongAppError('application_key is not this app');
  // No `ref`: `refplace` is not covered by `auth_sig`, and the verified identity carries only what was signed.
  const identity: Identity = {
    platform: 'ok',
    userId,
    appId: appKey,
    language: uiLanguage(params.get('lang') ?? 'ru'),
    platformDetail: params.get('mob_platform') ?? (params.get('mob') === 'true' ? 'mobile' : 'web'),
  };
  return { identity, sessionKey };
}
