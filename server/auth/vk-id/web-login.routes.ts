/**
 * @module The web entry's VK ID login (OAuth 2.1 authorization code with PKCE, the server as the client):
 * `GET /api/web/login` keeps a fresh state and code verifier in a signed 10-minute cookie and sends the browser to
 * VK ID's `/authorize` with the S256 challenge; `GET /api/web/callback` checks the state against that cookie,
 * exchanges the code with the verifier, reads the VK user id and sets the session cookie (web-session.ts);
 * `GET /api/web/session` says who is signed in; `POST /api/web/logout` ends it. All 404 when no `VK_ID_APP_ID` is set.
 * The login also carries the screen it was started from (an in-app hash route, checked by `returnRoute`) in the same
 * signed cookie, so the callback lands the user back on it rather than on the home screen.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';
import { ApiError } from '../../http/errors.ts';
import { newRouter } from '../../http/router.ts';
import { errorResponse, json } from '../../http/schemas.ts';
import { LaunchError } from '../launch-errors.ts';
import { VkIdError, vkIdUser } from './vk-id-client.ts';
import {
  assertSameOriginWrite,
  cookieSecure,
  endWebSession,
  readWebSession,
  signOutEverywhere,
  startWebSession,
  webCookieKey,
  webEntryEnabled,
} from './web-session.ts';

const LOGIN_COOKIE = 'promo_vkid_login';
const LOGIN_PATH = '/api/web';
/** A login started longer ago than this is refused at the callback. */
const LOGIN_TTL_SECONDS = 600;
/** Where the web entry's page is served (server/start-server.ts); the callback lands there. */
export const WEB_ENTRY_PATH = '/web/';

/** The longest hash route carried through a login: enough for any of the app's screens, small for the cookie. */
export const RETURN_ROUTE_MAX = 256;
/**
 * An in-app hash route, written as the app's router writes them (miniapp/routes.ts): `/` then path segments of
 * unreserved or percent-encoded characters, and an optional query of the same plus `=&+`. Nothing else passes (no
 * scheme, no `//`, no `\`, no control characters), so the callback's redirect is always `/web/#<route>` on this origin.
 */
const SEGMENT = '(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+';
const RETURN_ROUTE = new RegExp(`^(?=/)(?:/${SEGMENT})*/?(?:\\?(?:[A-Za-z0-9._~=&+-]|%[0-9A-Fa-f]{2})*)?$`);

/** The route to come back to after login, or undefined when `asked` is not a safe in-app hash route (then: home). */
export function returnRoute(given: string | undefined): string | undefined {
  // The hash itself (`#/campaign/1`) or its href (`/campaign/1`): the same route.
  const asked = given?.replace(/^#/, '');
  if (asked === undefined || asked.length > RETURN_ROUTE_MAX || !RETURN_ROUTE.test(asked)) return undefined;
  return asked === '/' ? undefined : asked;
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The public origin: PUBLIC_URL when set (behind a proxy), else the request's own. */
const originOf = (c: Context, config: Config) => new URL(config.PUBLIC_URL ?? c.req.url).origin;
const redirectUri = (c: Context, config: Config) => `${originOf(c, config)}${LOGIN_PATH}/callback`;
const vkAppUrl = (config: Config) => `https://vk.com/app${config.VK_APP_ID}`;

const tags = ['web entry'];
const off = { 404: errorResponse('The web entry is not configured (no VK_ID_APP_ID)') };
const redirect = (description: string) => ({ 302: { description } });
const SessionSchema = z
  .object({
    signedIn: z.boolean(),
    userId: z.string().optional(),
    expiresAt: z.number().int().optional(),
    reason: z.string().optional(),
    vkAppUrl: z.string(),
    loginUrl: z.string().optional(),
    /** The language the session was started in: the web entry's interface takes it, as the API's texts do. */
    language: z.enum(['ru', 'en']).optional(),
  })
  .openapi('WebSession');

const loginRoute = createRoute({
  method: 'get',
  path: '/login',
  tags,
  summary: 'Start VK ID login (PKCE): redirect to VK ID',
  request: {
    query: z.object({
      lang: z.enum(['ru', 'en']).optional(),
      // Not refused when unsafe or too long, only dropped (the login still works, landing on home): see returnRoute.
      route: z.string().optional().openapi({ description: 'The in-app hash route to return to, e.g. /campaign/1' }),
    }),
  },
  responses: { ...redirect('To VK ID /authorize'), ...off },
});
const callbackRoute = createRoute({
  method: 'get',
  path: '/callback',
  tags,
  summary: 'VK ID returns here: check state, exchange the code, set the session cookie',
  request: {
    query: z.object({
      code: z.string().min(1).max(2048),
      state: z.string().min(1).max(256),
      device_id: z.string().min(1).max(512),
    }),
  },
  responses: {
    ...redirect('Signed in: to the web entry'),
    400: errorResponse('No login in progress, wrong state, or VK ID refused the code'),
    502: errorResponse('VK ID could not be reached or answered nonsense'),
    ...off,
  },
});
const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags,
  summary: 'Who the web session cookie signs in, if anyone',
  responses: { 200: json(SessionSchema, 'The session'), ...off },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags,
  summary: 'End the web session (same-origin only)',
  responses: {
    200: json(z.object({ signedIn: z.boolean() }), 'Signed out'),
    403: errorResponse('Not from the web entry’s own origin (CSRF)'),
    ...off,
  },
});

export const webLoginRoutes = newRouter();

webLoginRoutes.use('*', async (c, next) => {
  if (!webEntryEnabled(c.get('deps').config)) {
    throw new ApiError(404, 'web_entry_disabled', 'The web entry is not configured (VK_ID_APP_ID)');
  }
  await next();
});

webLoginRoutes.openapi(loginRoute, async (c) => {
  const { config, now } = c.get('deps');
  const state = random(24);
  const verifier = random(48);
  const asked = c.req.valid('query');
  const language = asked.lang ?? 'ru';
  const issuedAt = Math.floor(now() / 1000);
  // base64url: the cookie's fields are dot-separated and a route may hold dots.
  const route = Buffer.from(returnRoute(asked.route) ?? '', 'utf8').toString('base64url');
  await setSignedCookie(
    c,
    LOGIN_COOKIE,
    `${state}.${verifier}.${language}.${issuedAt}.${route}`,
    webCookieKey(config, 'login'),
    {
      path: LOGIN_PATH,
      httpOnly: true,
      // Lax: VK ID sends the browser back by a top-level GET, which carries Lax cookies.
      sameSite: 'Lax',
      secure: cookieSecure(c),
      maxAge: LOGIN_TTL_SECONDS,
    },
  );
  const authorize = new URL(`${config.VK_ID_BASE_URL.replace(/\/$/, '')}/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: String(config.VK_ID_APP_ID),
    redirect_uri: redirectUri(c, config),
    state,
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
    scope: 'vkid.personal_info',
    lang_id: language === 'en' ? '3' : '0',
  }).toString();
  return c.redirect(authorize.toString(), 302);
});

webLoginRoutes.openapi(callbackRoute, async (c) => {
  const { config, now } = c.get('deps');
  const query = { data: c.req.valid('query') };
  const started = await getSignedCookie(c, webCookieKey(config, 'login'), LOGIN_COOKIE);
  // One use: whatever happens next, this login's state and verifier are spent.
  deleteCookie(c, LOGIN_COOKIE, { path: LOGIN_PATH, secure: cookieSecure(c) });
  if (!started)
    throw new ApiError(400, 'login_not_started', 'No login in progress in this browser (or it was altered)');
  const [state, verifier, language, issuedAt, route] = started.split('.');
  if (!state || !verifier || (language !== 'ru' && language !== 'en') || !issuedAt) {
    throw new ApiError(400, 'login_not_started', 'The login in progress is malformed');
  }
  if (Number(issuedAt) + LOGIN_TTL_SECONDS < Math.floor(now() / 1000)) {
    throw new ApiError(400, 'login_expired', 'The login took longer than 10 minutes; start it again');
  }
  if (!sameText(state, query.data.state)) {
    throw new ApiError(400, 'login_state_mismatch', 'VK ID returned another login’s state');
  }
  let userId: string;
  try {
    userId = await vkIdUser({
      baseUrl: config.VK_ID_BASE_URL,
      clientId: config.VK_ID_APP_ID as number,
      code: query.data.code,
      codeVerifier: verifier,
      deviceId: query.data.device_id,
      redirectUri: redirectUri(c, config),
      state,
    });
  } catch (err) {
    if (!(err instanceof VkIdError)) throw err;
    const status = err.code === 'unreachable' || err.code === 'bad_answer' ? 502 : 400;
    throw new ApiError(status, 'vk_id_refused', `VK ID refused the login (${err.code}): ${err.message}`);
  }
  const expiresAt = Math.floor(now() / 1000) + config.WEB_SESSION_TTL;
  await startWebSession(c, config, { userId, expiresAt, language, issuedAt: now() }, now());
  // Checked again though the cookie is signed: the redirect must never leave the app whatever the cookie says.
  const back = returnRoute(Buffer.from(route ?? '', 'base64url').toString('utf8'));
  return c.redirect(back ? `${WEB_ENTRY_PATH}#${back}` : WEB_ENTRY_PATH, 302);
});

webLoginRoutes.openapi(sessionRoute, async (c) => {
  const deps = c.get('deps');
  const { config, now } = deps;
  const base = { vkAppUrl: vkAppUrl(config), loginUrl: `${LOGIN_PATH}/login` };
  try {
    const session = await readWebSession(c, deps, now());
    c.header('Cache-Control', 'no-store');
    if (!session) return c.json({ signedIn: false, ...base }, 200);
    const { userId, expiresAt, language } = session;
    return c.json({ signedIn: true, userId, expiresAt, language, ...base }, 200);
  } catch (err) {
    if (!(err instanceof LaunchError)) throw err;
    endWebSession(c);
    return c.json({ signedIn: false, reason: err.code, ...base }, 200);
  }
});

webLoginRoutes.openapi(logoutRoute, async (c) => {
  const deps = c.get('deps');
  assertSameOriginWrite(c, deps.config);
  // Ended on the server too, so a copy of the cookie signs no one in any more; a cookie already invalid just goes.
  const session = await readWebSession(c, deps, deps.now()).catch((err: unknown) => {
    if (err instanceof LaunchError) return undefined;
    throw err;
  });
  if (session) await signOutEverywhere(deps.db, session.userId, deps.now());
  endWebSession(c);
  return c.json({ signedIn: false }, 200);
});
