/**
 * @module VK mini-app launch parameters: signing and verification as VK documents it
 * (only `vk_*` keys, sorted, values URL-encoded with commas as %2C, HMAC-SHA256 with the app's
 * secure key, base64url without padding).
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import {
  type Identity,
  launchRef,
  platformDetail,
  uiLanguage,
  type VerifiedLaunch,
  type ViewerGroupRole,
} from './identity.ts';
import { BadSignatureError, MalformedLaunchError, MissingLaunchError, WrongAppError } from './launch-errors.ts';
import { boundedId, MAX_VK_ID } from './launch-ids.ts';
import { assertFresh } from './time-window.ts';

export interface VkVerifyOptions {
  secret: string;
  appId: number | string;
  ttlSeconds: number;
  now?: number;
}

const ROLES: readonly ViewerGroupRole[] = ['admin', 'editor', 'moder', 'member', 'none'];

/** Form-URL decoding; most launch values have nothing to decode, and skipping the work there is measurable. */
function decodeFormComponent(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

/** Parses a query string (with or without a leading `?`), refusing repeated keys. */
export function parseLaunchQuery(raw: string): Map<string, string> {
  const trimmed = raw.trim();
  const query = trimmed.charCodeAt(0) === 63 /* ? */ ? trimmed.slice(1) : trimmed;
  if (query === '') throw new MissingLaunchError('launch parameters are empty');
  const params = new Map<string, string>();
  // indexOf walking instead of split(): this runs on every request that is not in the verified-launch cache.
  let from = 0;
  while (from <= query.length) {
    let to = query.indexOf('&', from);
    if (to === -1) to = query.length;
    if (to > from) {
      const eq = query.indexOf('=', from);
      const split = eq === -1 || eq > to ? to : eq;
      let key: string;
      let value: string;
      try {
        key = decodeFormComponent(query.slice(from, split));
        value = split === to ? '' : decodeFormComponent(query.slice(split + 1, to));
      } catch {
        throw new MalformedLaunchError('launch parameters are not valid URL encoding');
      }
      if (params.has(key)) throw new MalformedLaunchError(`launch parameter ${key} is repeated`);
      params.set(key, value);
    }
    from = to + 1;
  }
  return params;
}

/** Values made only of characters `encodeURIComponent` leaves alone (most launch values) skip the call. */
const UNRESERVED = /^[\w.!~*'()-]*$/;

/** The string VK signs: `vk_*` pairs sorted by key, keys and values percent-encoded. */
export function vkSignedString(params: Map<string, string>): string {
  const keys: string[] = [];
  for (const key of params.keys()) if (key.startsWith('vk_')) keys.push(key);
  keys.sort();
  let out = '';
  for (const key of keys) {
    const value = params.get(key) as string;
    // Keys are encoded as well as values, as VK's reference does: a raw `&` or `=` inside a key would otherwise let
    // two signed pairs be re-shaped into one key that still verifies (found from outside).
    const name = UNRESERVED.test(key) ? key : encodeURIComponent(key);
    out += `${out === '' ? '' : '&'}${name}=${UNRESERVED.test(value) ? value : encodeURIComponent(value)}`;
  }
  return out;
}

/**
 * The HMAC key object of each configured secret, made once: given the string, `createHmac` imports it as a new key on
 * every call, on the path every request that is not in the verified-launch cache takes.
 */
const hmacKeys = new Map<string, KeyObject>();

function hmacKey(secret: string): KeyObject {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    hmacKeys.set(secret, key);
  }
  return key;
}

function vkDigest(params: Map<string, string>, secret: string): Buffer {
  return createHmac('sha256', hmacKey(secret)).update(vkSignedString(params)).digest();
}

/** Computes the `sign` VK would attach to these parameters. */
export function vkSign(params: Map<string, string>, secret: string): string {
  return vkDigest(params, secret).toString('base64url');
}

/**
 * Signs a set of `vk_*` parameters into a launch query, as the VK client would. Used by the local
 * launcher and tests; never by request handling.
 * @example signVkLaunch({ vk_user_id: '1', vk_app_id: '7', vk_ts: '1700000000' }, 'secret')
 */
export function signVkLaunch(values: Record<string, string | number>, secret: string): string {
  const params = new Map(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const sign = vkSign(params, secret);
  const query = new URLSearchParams([...params.entries(), ['sign', sign]]);
  return query.toString().replace(/\+/g, '%20');
}

/**
 * A SHA-256 digest in base64url without padding: 43 characters, the last one carrying 4 bits and two zero bits, so
 * exactly one spelling decodes to a given digest (a sign is compared as bytes, and no other string may pass).
 */
const SIGN_FORMAT = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** Verifies a VK launch query and returns the identity it proves. Throws a `LaunchError`. */
export function verifyVkLaunch(raw: string, options: VkVerifyOptions): Identity {
  return readVkLaunch(raw, options).identity;
}

/**
 * Verifies a VK launch query and returns the identity with the `vk_ts` this same parse read, so that a later age check
 * (the verified-launch cache's) judges exactly the value the signature covered. Throws a `LaunchError`.
 */
export function readVkLaunch(raw: string, options: VkVerifyOptions): VerifiedLaunch {
  return readVkLaunchParams(parseLaunchQuery(raw), options);
}

/** `readVkLaunch` on a query already parsed (the middleware reads `vk_app_id` first, to pick that app's secret). */
export function readVkLaunchParams(params: Map<string, string>, options: VkVerifyOptions): VerifiedLaunch {
  const sign = params.get('sign');
  if (!sign) throw new MissingLaunchError('sign is missing');
  if (!SIGN_FORMAT.test(sign)) throw new BadSignatureError('sign is not a base64url SHA-256 digest');
  if (!options.secret) throw new BadSignatureError('VK app secret is not configured');
  if (!timingSafeEqual(vkDigest(params, options.secret), Buffer.from(sign, 'base64url'))) {
    throw new BadSignatureError('sign does not match');
  }

  const userId = boundedId(params.get('vk_user_id'), MAX_VK_ID);
  const appId = boundedId(params.get('vk_app_id'), MAX_VK_ID);
  if (!userId) throw new MalformedLaunchError(`vk_user_id is missing or not a VK id (1 to ${MAX_VK_ID})`);
  if (!appId) throw new MalformedLaunchError(`vk_app_id is missing or not a VK id (1 to ${MAX_VK_ID})`);
  if (appId !== String(options.appId)) throw new WrongAppError(`launch is for app ${appId}`);
  const ts = params.get('vk_ts');
  const issuedAt = ts && /^\d{1,12}$/.test(ts) ? Number(ts) : undefined;
  if (options.ttlSeconds !== 0) {
    if (!ts) throw new MalformedLaunchError('vk_ts is missing');
    if (issuedAt === undefined) throw new MalformedLaunchError('vk_ts is not a Unix time');
    assertFresh(issuedAt, options.now ?? Date.now(), options.ttlSeconds, 'vk_ts');
  }
  // Absent or empty: not launched from a community. Present, it must be one: it decides what the viewer may do there.
  const groupRaw = params.get('vk_group_id') || undefined;
  const groupValid = boundedId(groupRaw, MAX_VK_ID);
  if (groupRaw !== undefined && groupValid === undefined) {
    throw new MalformedLaunchError(`vk_group_id is not a VK id (1 to ${MAX_VK_ID})`);
  }
  const groupId = groupValid === undefined ? undefined : Number(groupValid);
  const roleRaw = params.get('vk_viewer_group_role') as ViewerGroupRole | undefined;
  const viewerGroupRole = roleRaw && ROLES.includes(roleRaw) ? roleRaw : undefined;
  const identity: Identity = {
    platform: 'vk',
    userId,
    appId,
    ...(groupId !== undefined ? { groupId } : {}),
    ...(groupId !== undefined && viewerGroupRole ? { viewerGroupRole } : {}),
    language: uiLanguage(params.get('vk_language')),
    platformDetail: platformDetail(params.get('vk_platform')),
    ...launchRef(params.get('vk_ref')),
  };
  return { identity, ...(issuedAt !== undefined ? { issuedAt } : {}), issuedAtField: 'vk_ts' };
}
