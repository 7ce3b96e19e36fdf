/**
 * @module Signed launch URLs for opening the mini app in an ordinary browser, as the VK client would
 * open it: the same `vk_*` parameters and `sign`, made with this server's (local) app secret.
 */
import { signVkLaunch } from './auth/vk-sign.ts';
import type { Config } from './config.ts';
import { DEMO_ADMIN_VK_ID, DEMO_PARTICIPANT_VK_ID } from './seed/demo-seed.ts';

export interface LocalLaunchOptions {
  baseUrl: string;
  userId: number;
  groupId: number;
  role: 'admin' | 'member' | 'none';
  now: number;
  language?: 'ru' | 'en';
  platform?: string;
}

export function localLaunchUrl(config: Config, o: LocalLaunchOptions): string {
  const query = signVkLaunch(
    {
      vk_access_token_settings: '',
      vk_app_id: config.VK_APP_ID,
      vk_are_notifications_enabled: 0,
      vk_group_id: o.groupId,
      vk_is_app_user: 1,
      vk_is_favorite: 0,
      vk_language: o.language ?? 'ru',
      vk_platform: o.platform ?? 'desktop_web',
      vk_ref: 'other',
      vk_ts: Math.floor(o.now / 1000),
      vk_user_id: o.userId,
      vk_viewer_group_role: o.role,
    },
    config.VK_APP_SECRET,
  );
  return `${o.baseUrl.replace(/\/$/, '')}/?${query}`;
}

/** The two URLs `npm start` prints: a participant and the brand's community admin. */
export function demoLaunchUrls(config: Config, baseUrl: string, groupId: number, now: number) {
  return {
    participant: localLaunchUrl(config, { baseUrl, userId: DEMO_PARTICIPANT_VK_ID, groupId, role: 'member', now }),
    admin: localLaunchUrl(config, { baseUrl, userId: DEMO_ADMIN_VK_ID, groupId, role: 'admin', now }),
  };
}
