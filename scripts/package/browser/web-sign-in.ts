/**
 * @module The web entry's sign-in as its visitor meets it: the build opened at the API's `/web/` with no session shows
 * the VK ID button, pointing at the server's login; that login is then gone through — server (PKCE) → the local fake
 * VK ID → the server's callback — and the HTTP-only session cookie it sets is handed to the browser, which must then
 * open `/web/` signed in. Every later web session of the checks starts with that cookie.
 *
 * The hops are followed here over HTTP, not by Chromium: the API lives at the client's made-up `apiBaseUrl`, reached
 * only through the browser context's route, and Chromium does not ask the route again for a redirect that another
 * host answered (VK ID's, back to the callback), so it would look the made-up host up in DNS. The browser flow
 * itself is tests/browser/web-entry.test.ts's, against a real server.
 */
import type { Browser, Cookie, Frame } from 'playwright-core';
import { type CheckResult, fail, pass } from '../checks/check.ts';
import type { LaunchSigner } from './api-world.ts';
import { openApp } from './open-app.ts';

export const WEB_SESSION_COOKIE = 'promo_web_session';

export interface WebSignIn {
  check: CheckResult;
  /** The session cookie for the browser (empty when signing in failed). */
  cookies: Cookie[];
  /** Console errors and uncaught exceptions on the way. */
  errors: string[];
}

interface SignInOptions {
  appUrl: string;
  hostUrl: string;
  apiBaseUrl: string;
  apiUrl: string;
  signer: LaunchSigner;
  /** Runs on the signed-out screen (screenshot, accessibility). */
  onSignedOut?: (frame: Frame) => Promise<void>;
}

/** One redirect hop, not followed; the `Set-Cookie` pairs it sent (`name=value`, attributes apart). */
async function hop(url: string, cookie = '') {
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`${new URL(url).pathname} answered ${res.status}`);
  return { location: new URL(location, url), setCookies: res.headers.getSetCookie() };
}

/** Login → VK ID → callback over HTTP; the session cookie as the browser would store it for the API's origin. */
async function sessionCookieFromLogin(o: SignInOptions, loginHref: string): Promise<Cookie> {
  const login = new URL(loginHref);
  const start = await hop(`${o.apiUrl}${login.pathname}${login.search}`);
  const loginCookie = start.setCookies.map((c) => c.split(';')[0]).join('; ');
  const vkId = await hop(start.location.href);
  const back = vkId.location;
  if (back.origin !== new URL(o.apiBaseUrl).origin) throw new Error(`VK ID sent the browser to ${back.origin}`);
  const done = await hop(`${o.apiUrl}${back.pathname}${back.search}`, loginCookie);
  if (done.location.pathname !== '/web/') throw new Error(`the callback led to ${done.location.pathname}`);
  const header = done.setCookies.find((c) => c.startsWith(`${WEB_SESSION_COOKIE}=`));
  if (!header) throw new Error('the callback set no session cookie');
  if (!/;\s*HttpOnly/i.test(header)) throw new Error('the session cookie is readable by scripts');
  const value = header.slice(WEB_SESSION_COOKIE.length + 1).split(';')[0] ?? '';
  return {
    name: WEB_SESSION_COOKIE,
    value,
    domain: new URL(o.apiBaseUrl).hostname,
    path: '/',
    expires: -1,
    httpOnly: true,
    secure: o.apiBaseUrl.startsWith('https:'),
    sameSite: 'Lax',
  };
}

export async function signInOnWeb(browser: Browser, o: SignInOptions): Promise<WebSignIn> {
  const page = { ...o, variant: 'web' as const, scheme: 'light' as const, width: 375 };
  const errors: string[] = [];
  const failed = (message: string): WebSignIn => ({ check: fail('web-sign-in', message), cookies: [], errors });
  let cookie: Cookie;
  const signedOut = await openApp(browser, page).catch((err: Error) => err);
  if (signedOut instanceof Error) return failed(`the sign-in screen: ${signedOut.message.split('\n')[0]}`);
  try {
    const button = signedOut.frame.getByTestId('web-sign-in');
    if (!(await button.isVisible())) return failed('no VK ID button without a session');
    await o.onSignedOut?.(signedOut.frame);
    const href = new URL((await button.getAttribute('href')) ?? '', signedOut.frame.url());
    if (!href.href.startsWith(`${o.apiBaseUrl}/api/web/login`)) return failed(`the VK ID button leads to ${href}`);
    cookie = await sessionCookieFromLogin(o, href.href);
  } catch (err) {
    return failed((err as Error).message.split('\n')[0] ?? 'failed');
  } finally {
    errors.push(...signedOut.errors);
    await signedOut.close();
  }

  const signedIn = await openApp(browser, { ...page, cookies: [cookie] }).catch((err: Error) => err);
  if (signedIn instanceof Error) return failed(`signed in: ${signedIn.message.split('\n')[0]}`);
  try {
    if (await signedIn.frame.getByTestId('web-sign-in').isVisible()) return failed('still asked to sign in');
    return {
      check: pass('web-sign-in', 'VK ID button → server login → VK ID → callback: /web/ opens signed in'),
      cookies: [cookie],
      errors,
    };
  } finally {
    errors.push(...signedIn.errors);
    await signedIn.close();
  }
}
