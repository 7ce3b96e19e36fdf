/**
 * Reads Odnoklassniki launch parameters (apiok.ru "launch parameters": `logged_user_id`, `session_key`,
 * `auth_sig`, `application_key`, `api_server`, `apiconnection`, `mob`, `custom_args`, …) from the page URL.
 * The whole query goes to the server as `OK <query>`, which checks `auth_sig`.
 */
import { deepLinkHash, fromCustomArgs } from '../../server/promo/participation/deep-link.ts';
import type { LaunchInfo } from './types.ts';

export interface OkLaunch extends LaunchInfo {
  /** Where OK's FAPI lives (e.g. https://api.ok.ru/); FAPI is loaded from it only when an OK call is made. */
  apiServer?: string;
  apiConnection?: string;
}

/**
 * The hash an app link's `custom_args` opens (`ok.ru/game/<app>?custom_args=route%3D%2Fcampaign%2F1%26ref%3D…`): its
 * route, and `?ref=` when it carries an inviter's referral code (server/promo/participation/deep-link.ts).
 */
function routeFromCustomArgs(customArgs: string | null): string | undefined {
  const link = fromCustomArgs(customArgs);
  return link ? deepLinkHash(link) : undefined;
}

export function okLaunchFromUrl(location: Pick<Location, 'search' | 'hash'> = window.location): OkLaunch {
  const query = location.search.replace(/^\?/, '');
  const params = new URLSearchParams(query);
  const lang = params.get('lang') ?? '';
  const apiServer = params.get('api_server');
  const apiConnection = params.get('apiconnection');
  const fragment = location.hash.replace(/^#/, '');
  const startRoute = routeFromCustomArgs(params.get('custom_args')) ?? (fragment || undefined);
  const user = params.get('logged_user_id');
  return {
    authorization: `OK ${query}`,
    ...(user ? { person: `ok:${user}` } : {}),
    language: lang === '' || /^(ru|uk|be|kk)/.test(lang) ? 'ru' : 'en',
    desktopWeb: params.get('mob') !== 'true',
    ...(startRoute ? { startRoute } : {}),
    ...(apiServer && /^https?:\/\//.test(apiServer) ? { apiServer } : {}),
    ...(apiConnection ? { apiConnection } : {}),
  };
}

/**
 * The route an OK launch opens with: the app link's `custom_args` route, while the page has no hash of its own (the
 * first load; after a reload the hash is where the user was). The server embeds that campaign's state in the page
 * for such a launch (server/static/first-screen-data.ts), so the first screen is the campaign's.
 */
export function okStartRoute(location: Pick<Location, 'search' | 'hash'>): string | undefined {
  if (location.hash.replace(/^#/, '') !== '') return undefined;
  return routeFromCustomArgs(new URLSearchParams(location.search.replace(/^\?/, '')).get('custom_args'));
}
