/**
 * @module The web entry's session: after VK ID login the server sets a short-lived, HMAC-signed, HTTP-only,
 * SameSite=Lax cookie naming the VK user (and when it was issued and ends). It stands for the same VK user as a launch
 * inside the mini app `VK_APP_ID`, so progress, prizes and tickets are shared. Writes it authenticates must come from
 * the web entry's own origin (the CSRF check below). Signing out is kept on the server (`web_sign_outs`): a cookie
 * issued before the user's last sign-out no longer signs them in, so a copy of it is worthless after logout (the
 * cookie alone stayed good for its whole lifetime: found from outside).
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import { ApiError } from '../../http/errors.ts';
import type { Identity } from '../identity.ts';
import { BadSignatureError, ExpiredLaunchError } from '../launch-errors.ts';

export const WEB_SESSION_COOKIE = 'promo_web_session';

export interface WebSession {
  userId: string;
  /** Unix seconds. */
  expiresAt: number;
  language: 'ru' | 'en';
  /** Unix milliseconds: sign-outs from then on end it. */
  issuedAt: number;
}

/** Whether the web entry is switched on (a VK ID app id is configured). */
export const webEntryEnabled = (config: Config): boolean => config.VK_ID_APP_ID !== undefined;

/**
 * The cookies' HMAC key, derived from the app secret with its own label, so it signs nothing else and needs no
 * extra setting; rotating `VK_APP_SECRET` ends every web session.
 */
export function webCookieKey(config: Config, purpose: 'session' | 'login'): string {
  return createHmac('sha256', config.VK_APP_SECRET).update(`promo-web-${purpose}-v1`).digest('base64url');
}

/** `Secure` everywhere except plain-http localhost (local demo and tests), where browsers would drop it. */
export function cookieSecure(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

/** Sets the session cookie for a VK user who just logged in with VK ID. */
export async function startWebSession(c: Context, config: Config, session: WebSession, now: number): Promise<void> {
  const value = `${session.userId}.${session.expiresAt}.${session.language}.${session.issuedAt}`;
  await setSignedCookie(c, WEB_SESSION_COOKIE, value, webCookieKey(config, 'session'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookieSecure(c),
    maxAge: Math.max(0, session.expiresAt - Math.floor(now / 1000)),
  });
}

export function endWebSession(c: Context): void {
  deleteCookie(c, WEB_SESSION_COOKIE, { path: '/', secure: cookieSecure(c), httpOnly: true, sameSite: 'Lax' });
}

/**
 * The session in the request's cookie: undefined without one (or with the web entry off); a tampered cookie is
 * `BadSignatureError`, an old one or one issued before the user signed out `ExpiredLaunchError` (both 401), judged by
 * the signed times and the server's record, not the browser's Max-Age.
 */
export async function readWebSession(
  c: Context,
  deps: { config: Config; db: Db },
  now: number,
): Promise<WebSession | undefined> {
  const { config } = deps;
  if (!webEntryEnabled(config)) return undefined;
  if (!c.req.header('cookie')?.includes(`${WEB_SESSION_COOKIE}=`)) return undefined;
  const value = await getSignedCookie(c, webCookieKey(config, 'session'), WEB_SESSION_COOKIE);
  // Present but not a signed value at all: said so, rather than "Authorization header is missing" (found from outside).
  if (value === undefined) throw new BadSignatureError('Web session cookie is not a signed session');
  if (value === false) throw new BadSignatureError('Web session cookie signature is invalid');
  const match = /^([1-9]\d{0,15})\.(\d{1,12})\.(ru|en)\.(\d{1,15})$/.exec(value);
  if (!match) throw new BadSignatureError('Web session cookie is malformed');
  const session: WebSession = {
    userId: match[1] as string,
    expiresAt: Number(match[2]),
    language: match[3] as 'ru' | 'en',
    issuedAt: Number(match[4]),
  };
  if (session.expiresAt <= Math.floor(now / 1000)) throw new ExpiredLaunchError('Web session has expired');
  const [out] = await deps.db
    .select({ at: schema.webSignOuts.signedOutAt })
    .from(schema.webSignOuts)
    .where(eq(schema.webSignOuts.vkUserId, session.userId))
    .limit(1);
  if (out && out.at >= session.issuedAt) throw new ExpiredLaunchError('Web session was signed out');
  return session;
}

/** Records the user's sign-out: every web session of theirs issued until now ends, on every device. */
export async function signOutEverywhere(db: Db, userId: string, now: number): Promise<void> {
  const { webSignOuts } = schema;
  await inTransaction(db, (tx) =>
    tx
      .insert(webSignOuts)
      .values({ vkUserId: userId, signedOutAt: now })
      .onConflictDoUpdate({ target: webSignOuts.vkUserId, set: { signedOutAt: now } }),
  );
}

/** The client detail of a web session's identity: how the server tells the web entry from a launch inside VK. */
export const WEB_ENTRY_DETAIL = 'web';

/** The identity a web session stands for: the VK user of the mini app `VK_APP_ID`, as a launch would give. */
export function webSessionIdentity(config: Config, session: WebSession): Identity {
  return {
    platform: 'vk',
    userId: session.userId,
    appId: String(config.VK_APP_ID),
    language: session.language,
    platformDetail: WEB_ENTRY_DETAIL,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a write the cookie authenticates must come from the web entry's own origin — `Sec-Fetch-Site: same-origin`
 * or an `Origin` equal to the public origin (or the request's). Unlike hono/csrf this holds for every content type,
 * JSON included: the API's CORS policy is `*`, so it cannot be relied on to stop a cross-site request.
 */
export function assertSameOriginWrite(c: Context, config: Config): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  if (c.req.header('sec-fetch-site') === 'same-origin') return;
  const origin = c.req.header('origin');
  const allowed = new Set([new URL(c.req.url).origin]);
  if (config.PUBLIC_URL) allowed.add(new URL(config.PUBLIC_URL).origin);
  if (origin !== undefined && allowed.has(origin)) return;
  throw new ApiError(403, 'csrf_refused', 'A write with the web session cookie must come from the web entry itself');
}
