/**
 * Security headers of the mini app's page (Hono's `secureHeaders`). The page is framed by the VK, OK and Telegram
 * web clients, so `frame-ancestors` lists exactly those (X-Frame-Options cannot list several origins and is off);
 * the launch query sits in the page URL, so no Referer leaves the page. The only inline script is the first-screen
 * one (miniapp/boot/), allowed by its hash.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The web clients that embed the app in an iframe (mobile clients use a WebView, which has no ancestors). */
export const FRAME_ANCESTORS = [
  "'self'",
  // VK: vk.com and vk.ru with their subdomains (m.vk.com, m.vk.ru, web.vk.me is not a mini-app host)
  'https://vk.com',
  'https://*.vk.com',
  'https://vk.ru',
  'https://*.vk.ru',
  // Odnoklassniki: ok.ru, m.ok.ru
  'https://ok.ru',
  'https://*.ok.ru',
  // Telegram Web A and K
  'https://web.telegram.org',
];

/** OK's client API (FAPI) is a script from the launch's `api_server` (api.ok.ru and its mirrors). */
const OK_FAPI = ['https://*.ok.ru', 'https://*.mycdn.me'];

/** `'sha256-…'` sources of every inline `<script>` without `src` that is not a JSON data block. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc=/i.test(attrs) || /type="application\/json"/i.test(attrs)) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(m[2] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

export function pageSecurityHeaders(html: string, apiOrigins: string[] = []): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...inlineScriptHashes(html), ...OK_FAPI],
      // VKUI and React set styles through the CSSOM, the Telegram theme through custom properties on <html>.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", ...apiOrigins, ...OK_FAPI],
      frameSrc: ["'self'", ...OK_FAPI],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: FRAME_ANCESTORS,
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: false,
    // Framed by other origins and opening their windows (VK ID, OK FAPI): these would cut the app off from them.
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
  });
}
