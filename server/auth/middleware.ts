/**
 * @module Verifies the `Authorization` header once, at the edge, and puts the identity on the context.
 * Schemes: `VK <launch query>`, `OK <launch query>`, `tma <Telegram initData>`; without that header, the web
 * entry's VK ID session cookie (vk-id/web-session.ts), which stands for the same VK user.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/router.ts';
import { vkAppSecret } from '../office/agency/agency-secrets.ts';
import type { Identity, VerifiedLaunch } from './identity.ts';
import { MalformedLaunchError, MissingLaunchError, WrongAppError } from './launch-errors.ts';
import { boundedId, MAX_VK_ID } from './launch-ids.ts';
import { okSessionFirstSeen } from './ok-session-age.ts';
import { readOkLaunch } from './ok-sign.ts';
import { readTelegramInitData } from './telegram-init-data.ts';
import { assertFresh } from './time-window.ts';
import { VerifiedLaunchCache } from './verified-cache.ts';
import { assertSameOriginWrite, readWebSession, webSessionIdentity } from './vk-id/web-session.ts';
import { parseLaunchQuery, readVkLaunchParams } from './vk-sign.ts';

/** Largest header we parse; real launch data is well under 2 KB. */
const MAX_AUTH_LENGTH = 8192;

/** One cache per configuration: tests and benches run several configurations in one process. */
const caches = new WeakMap<object, VerifiedLaunchCache>();

/** Turns an `Authorization` header value into a verified identity or throws a `LaunchError`. */
export async function identify(
  header: string | undefined,
  deps: Pick<Deps, 'config' | 'now' | 'db'>,
): Promise<Identity> {
  if (!header || header.trim() === '') throw new MissingLaunchError('Authorization header is missing');
  if (header.length > MAX_AUTH_LENGTH) throw new MalformedLaunchError('Authorization header is too long');
  let cache = caches.get(deps.config);
  if (!cache) {
    cache = new VerifiedLaunchCache();
    caches.set(deps.config, cache);
  }
  const cached = cache.get(header, deps.now(), deps.config.LAUNCH_PARAMS_TTL);
  if (cached) return cached.identity;
  const launch = await verify(header, deps);
  cache.set(header, launch);
  return launch.identity;
}

/** One parse per header: the verifier's own reading of the issue time is what the cache re-checks later. */
async function verify(header: string, deps: Pick<Deps, 'config' | 'now' | 'db'>): Promise<VerifiedLaunch> {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const payload = space === -1 ? '' : header.slice(space + 1);
  const { config } = deps;
  const now = deps.now();
  switch (scheme) {
    case 'vk': {
      // Each connected app has its own secure key (stored by the agency); the configured app's is VK_APP_SECRET.
      const params = parseLaunchQuery(payload);
      const appId = params.get('vk_app_id') ?? '';
      if (!boundedId(appId, MAX_VK_ID)) {
        throw new MalformedLaunchError(`vk_app_id is missing or not a VK id (1 to ${MAX_VK_ID})`);
      }
      const secret = await vkAppSecret(deps, Number(appId));
      if (secret === undefined) throw new WrongAppError(`launch is for app ${appId}, not connected here`);
      return readVkLaunchParams(params, { secret, appId, ttlSeconds: config.LAUNCH_PARAMS_TTL, now });
    }
    case 'ok': {
      const { identity, sessionKey } = readOkLaunch(payload, {
        appKey: config.OK_APP_KEY,
        appSecret: config.OK_APP_SECRET,
      });
      if (config.LAUNCH_PARAMS_TTL === 0) return { identity, issuedAtField: 'OK session' };
      const issuedAt = await okSessionFirstSeen(deps.db, identity.appId, sessionKey, now);
      assertFresh(issuedAt, now, config.LAUNCH_PARAMS_TTL, 'OK session (first seen)');
      return { identity, issuedAt, issuedAtField: 'OK session (first seen)' };
    }
    case 'tma':
      return readTelegramInitData(payload, {
        botToken: config.TELEGRAM_BOT_TOKEN,
        ttlSeconds: config.LAUNCH_PARAMS_TTL,
        now,
      });
    default:
      throw new MalformedLaunchError('Authorization scheme must be VK, OK or tma');
  }
}

/** Whether the request carries anything to identify by: launch data, or (without it) a web session cookie. */
export function carriesCredentials(c: Context<AppEnv>): boolean {
  const header = c.req.header('Authorization');
  if (header !== undefined && header.trim() !== '') return true;
  return c.req.header('cookie')?.includes('promo_web_session=') === true;
}

/**
 * The one place a request becomes an identity: launch data in `Authorization` when there is any; otherwise the web
 * session cookie, whose writes must come from the web entry's own origin (CSRF).
 */
export async function identifyRequest(c: Context<AppEnv>): Promise<Identity> {
  const deps = c.get('deps');
  const header = c.req.header('Authorization');
  if (header === undefined || header.trim() === '') {
    const session = await readWebSession(c, deps, deps.now());
    if (session) {
      assertSameOriginWrite(c, deps.config);
      return webSessionIdentity(deps.config, session);
    }
  }
  return identify(header, deps);
}

export const requireIdentity = createMiddleware<AppEnv>((c, next) => {
  // Every /api/* request that carries credentials was identified by routeLimits (http/route-limits.ts) already.
  // c.get(), not c.var: Hono builds a fresh object from all variables on every `c.var` read.
  if (c.get('identity') !== undefined) return next();
  return identifyRequest(c).then((identity) => {
    c.set('identity', identity);
    return next();
  });
});
