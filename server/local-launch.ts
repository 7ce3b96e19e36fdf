/**
 * @module Signed launch URLs for opening the mini app in an ordinary browser, as the VK client would
 * open it: the same `vk_*` parameters and `sign`, made with this server's (local) app secret.
 */
import { signVkLaunch } from './auth/vk-sign.ts';
import type { Config } from './config.ts';
import {
  DEMO_ADMIN_VK_ID,
  DEMO_AGENCY_OWNER_VK_ID,
  DEMO_FRIEND_VK_ID,
  DEMO_PARTICIPANT_VK_ID,
  demoBinding,
} from './seed/demo-ids.ts';

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

/**
 * The URLs `npm start` prints: a participant (Russian and English), a second participant, the community admin (the
 * brand's office is behind the first screen's button) and the agency's owner (its URL opens the agency office).
 */
export function demoLaunchUrls(config: Config, baseUrl: string, groupId: number, now: number) {
  const as = (userId: number, role: 'admin' | 'member', language: 'ru' | 'en' = 'ru') =>
    localLaunchUrl(config, { baseUrl, userId, groupId, role, now, language });
  return {
    participant: as(DEMO_PARTICIPANT_VK_ID, 'member'),
    participantEnglish: as(DEMO_PARTICIPANT_VK_ID, 'member', 'en'),
    friend: as(DEMO_FRIEND_VK_ID, 'member'),
    admin: as(DEMO_ADMIN_VK_ID, 'admin'),
    agencyOwner: `${as(DEMO_AGENCY_OWNER_VK_ID, 'member')}#/admin/agency`,
  };
}

/**
 * What `npm start` prints about opening the app. Signed URLs only while the VK secret is one this server generated: a
 * URL signed with the real app's key would be a working launch of a real VK user (ids 100001–100003 are people).
 */
export function launchInstructions(config: Config, baseUrl: string, now: number): string {
  if (config.NODE_ENV === 'production') return '';
  if (!config.generatedSecrets.vk) {
    return (
      "\nNo launch URLs printed: VK_APP_SECRET is a real app key, and a URL signed with it would be a real user's " +
      'launch. Open the app from VK, or unset VK_APP_SECRET to try the demo locally.\n'
    );
  }
  const urls = demoLaunchUrls(config, baseUrl, demoBinding(config).vkGroupId, now);
  return [
    `\nParticipant launch URL:\n  ${urls.participant}`,
    `\nThe same participant with the app in English:\n  ${urls.participantEnglish}`,
    "\nA second participant, for the invite task (in the first one's app, copy the invite link and add its " +
      `"#/campaigns/…?ref=…" part to the end of this URL):\n  ${urls.friend}`,
    `\nCommunity admin launch URL:\n  ${urls.admin}`,
    `\nAgency owner launch URL (the agency office: brands, the agency's team, white label, every brand's audit):\n  ${urls.agencyOwner}\n`,
  ].join('\n');
}
