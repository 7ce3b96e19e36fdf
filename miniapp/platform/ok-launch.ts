/**
 * Reads Odnoklassniki launch parameters (apiok.ru "launch parameters": `logged_user_id`, `session_key`,
 * `auth_sig`, `application_key`, `api_server`, `apiconnection`, `mob`, `custom_args`, …) from the page URL.
 * The whole query goes to the server as `OK <query>`, which checks `auth_sig`.
 */
import type { LaunchInfo } from './types.ts';

export interface OkLaunch extends LaunchInfo {
  /** Where OK's FAPI lives (e.g. https://api.ok.ru/); FAPI is loaded from it only when an OK call is made. */
  apiServer?: string;
  apiConnection?: string;
}

/** `custom_args` from an app link (`ok.ru/app/<id>?custom_args=route%3D%2Fcampaign%2F1`) may carry a route. */
function routeFromCustomArgs(customArgs: string | null): string | undefined {
  if (!customArgs) return undefined;
  const route = new URLSearchParams(customArgs).get('route');
  return route && /^\/[\w/-]*$/.test(route) ? route : undefined;
}

export function okLaunchFromUrl(location: Pick<Location, 'search' | 'hash'> = window.location): OkLaunch {
  const query = location.search.replace(/^\?/, '');
  const params = new URLSearchParams(query);
  const lang = params.get('lang') ?? '';
  const apiServer = params.get('api_server');
  const apiConnection = params.get('apiconnection');
  const fragment = location.hash.replace(/^#/, '');
  const startRoute = routeFromCustomArgs(params.get('custom_args')) ?? (fragment || undefined);
  return {
    authorization: `OK ${query}`,
    language: lang === '' || /^(ru|uk|be|kk)/.test(lang) ? 'ru' : 'en',
    desktopWeb: params.get('mob') !== 'true',
    ...(startRoute ? { startRoute } : {}),
    ...(apiServer && /^https?:\/\//.test(apiServer) ? { apiServer } : {}),
    ...(apiConnection ? { apiConnection } : {}),
  };
}
