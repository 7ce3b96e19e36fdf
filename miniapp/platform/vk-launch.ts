/** Reads VK launch parameters from the page URL (VK puts them in the query string of the iframe/WebView). */
import type { LaunchInfo } from './types.ts';

export function vkLaunchFromUrl(location: Location = window.location): LaunchInfo {
  const query = location.search.replace(/^\?/, '');
  const params = new URLSearchParams(query);
  const language = params.get('vk_language');
  const group = Number(params.get('vk_group_id'));
  const fragment = location.hash.replace(/^#/, '');
  const user = params.get('vk_user_id');
  return {
    authorization: `VK ${query}`,
    ...(user ? { person: `vk:${user}` } : {}),
    language: language && /^(ru|uk|ua|be|kz)$/.test(language) ? 'ru' : language ? 'en' : 'ru',
    desktopWeb: (params.get('vk_platform') ?? '').startsWith('desktop_web'),
    ...(Number.isSafeInteger(group) && group > 0 ? { groupId: group } : {}),
    ...(fragment ? { startRoute: fragment } : {}),
  };
}
