/**
 * @module Each task kind's honest verification level and where it can be done. `server_verified` means the
 * server itself established the fact (VK API, its own referral or code records, its own scoring);
 * `client_confirmed` means we only have the client's word (a story was shown, a link was opened).
 */
import type { Platform } from '../../auth/identity.ts';
import type { TaskKind, VerificationLevel } from '../../db/schema/promo.ts';

export interface TaskKindInfo {
  level: VerificationLevel;
  /** Platforms where the action exists; elsewhere the task is shown as not available. */
  platforms: readonly Platform[];
}

const ALL: readonly Platform[] = ['vk', 'ok', 'telegram'];
const VK: readonly Platform[] = ['vk'];

export const TASK_KIND_INFO: Record<TaskKind, TaskKindInfo> = {
  join_community: { level: 'server_verified', platforms: VK },
  allow_messages: { level: 'server_verified', platforms: VK },
  allow_notifications: { level: 'server_verified', platforms: VK },
  share_story: { level: 'client_confirmed', platforms: VK },
  visit_link: { level: 'client_confirmed', platforms: ALL },
  invite_friends: { level: 'server_verified', platforms: ALL },
  enter_code: { level: 'server_verified', platforms: ALL },
  quiz: { level: 'server_verified', platforms: ALL },
};

export function availableOn(kind: TaskKind, platform: Platform): boolean {
  return TASK_KIND_INFO[kind].platforms.includes(platform);
}
