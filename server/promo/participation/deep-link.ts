/**
 * @module Deep links into the mini app on OK and Telegram: written by the server (invitation share links,
 * task-view.ts) and read by the mini app's platform adapters (miniapp/platform/), so both sides share one rule.
 * A link names a route and, for an invitation, the inviter's referral code; the app opens the route with the code in
 * its hash (`#/campaign/<id>?ref=<code>`), exactly where VK's share link `vk.com/app…#/campaigns/<id>?ref=<code>` puts
 * it, and hands it to `POST /open` (miniapp/screens/promo/campaign-store.ts), which decides whether it counts.
 * - Telegram `start_param` may only hold `A-Za-z0-9_-`, at most 512 (core.telegram.org/bots/webapps, direct links):
 *   a route's slashes travel as dashes (`campaign-1-rules` is `/campaign/1/rules`) and a code follows `--ref-`
 *   (`campaign-1--ref-aZ3k_Q9x`). A route written here never holds `--` (no empty segment), and the code is everything
 *   after the first mark, so the dashes of a code (base64url, participation.service.ts) are its own.
 * - OK `custom_args` is a query string of its own: `route=/campaign/1&ref=aZ3k_Q9x` (apiok.ru launch parameters).
 * No imports: the mini app's first chunk carries this module.
 */

/** A referral code as the server makes them (base64url) and `POST /open` takes them (at most 64). */
export const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const START_PARAM = /^[A-Za-z0-9_-]{1,512}$/;
const ROUTE = /^\/[\w/-]*$/;
const REF_MARK = '--ref-';

export interface DeepLink {
  /** The app's route, e.g. `/campaign/1`. */
  route: string;
  /** The inviter's referral code. */
  ref?: string;
}

/**
 * The app's hash (without `#`) for a link: the route, with the code as `?ref=` where the campaign screen reads it.
 * @example deepLinkHash({ route: '/campaign/1', ref: 'aZ3k_Q9x' }) // '/campaign/1?ref=aZ3k_Q9x'
 */
export function deepLinkHash(link: DeepLink): string {
  return link.ref ? `${link.route}?ref=${encodeURIComponent(link.ref)}` : link.route;
}

/**
 * `start_param` for a link, or undefined when it cannot be one (a route outside `[A-Za-z0-9_-/]`, a malformed code,
 * longer than Telegram takes).
 * @example toStartParam({ route: '/campaign/1', ref: 'aZ3k_Q9x' }) // 'campaign-1--ref-aZ3k_Q9x'
 */
export function toStartParam(link: DeepLink): string | undefined {
  const segments = link.route.split('/').filter(Boolean);
  if (segments.some((s) => !/^[A-Za-z0-9_]+$/.test(s))) return undefined;
  if (link.ref !== undefined && !REFERRAL_CODE.test(link.ref)) return undefined;
  const param = segments.join('-') + (link.ref ? `${REF_MARK}${link.ref}` : '');
  return START_PARAM.test(param) ? param : undefined;
}

/** The link a `start_param` names; a code that is not one is dropped (the route still opens). */
export function fromStartParam(param: string | undefined): DeepLink | undefined {
  if (!param || !START_PARAM.test(param)) return undefined;
  const mark = param.indexOf(REF_MARK);
  const path = mark >= 0 ? param.slice(0, mark) : param;
  const ref = mark >= 0 ? param.slice(mark + REF_MARK.length) : '';
  const route = `/${path.split('-').filter(Boolean).join('/')}`;
  return REFERRAL_CODE.test(ref) ? { route, ref } : { route };
}

/**
 * What a `start_param` says about where a participant came from (their stored `source`, which the funnel's breakdown
 * and the mailing segments group by): the link without the inviter's code, so every friend invited to a campaign is
 * one source (`campaign-1--ref`), not one per inviter.
 * @example startParamSource('campaign-1--ref-aZ3k_Q9x') // 'campaign-1--ref'
 */
export function startParamSource(param: string): string {
  const mark = param.indexOf(REF_MARK);
  return mark >= 0 ? param.slice(0, mark + REF_MARK.length - 1) : param;
}

/**
 * OK's `custom_args` for a link (URL-encoded once more as the app address's `custom_args` parameter); a route's
 * slashes stay as they are, as a query value may hold them.
 * @example toCustomArgs({ route: '/campaign/1', ref: 'aZ3k_Q9x' }) // 'route=/campaign/1&ref=aZ3k_Q9x'
 */
export function toCustomArgs(link: DeepLink): string {
  const route = `route=${encodeURIComponent(link.route).replaceAll('%2F', '/')}`;
  return link.ref ? `${route}&ref=${encodeURIComponent(link.ref)}` : route;
}

/** The link OK's `custom_args` names: a route of letters, digits, `_`, `-` and `/` only; a malformed code is dropped. */
export function fromCustomArgs(customArgs: string | null | undefined): DeepLink | undefined {
  if (!customArgs) return undefined;
  const args = new URLSearchParams(customArgs);
  const route = args.get('route');
  if (!route || !ROUTE.test(route)) return undefined;
  const ref = args.get('ref');
  return ref && REFERRAL_CODE.test(ref) ? { route, ref } : { route };
}
