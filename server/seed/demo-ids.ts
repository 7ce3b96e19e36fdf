/**
 * @module Where the demo world lives. It never takes the configured real app, community or bot: a launch that the real
 * client signed must not land in demo campaigns, and the demo admin (a fixed VK user id, i.e. some real person) must
 * not gain rights that a real launch of this server's app could use. See docs/decisions/015-demo-seeding.md.
 */
import type { Config } from '../config.ts';

/** The demo's own VK app id (also `VK_APP_ID`'s default, so `npm start` launches reach the demo). */
export const DEMO_VK_APP_ID = 51000001;
export const DEMO_GROUP_ID = 200000001;
export const DEMO_PARTICIPANT_VK_ID = 100001;
/** A second demo participant, for the invite task (a friend opens the first one's invite link). */
export const DEMO_FRIEND_VK_ID = 100003;
export const DEMO_ADMIN_VK_ID = 100002;
/** The demo agency's owner: opens the agency office (brands, the agency's team, white label, every brand's audit). */
export const DEMO_AGENCY_OWNER_VK_ID = 100004;

export interface DemoBinding {
  vkAppId: number;
  vkGroupId: number;
  okAppKey: string | null;
  telegramBotId: string | null;
  /** The VK user made brand admin, or null when a real person with that id could launch this server's app. */
  adminVkId: number | null;
  /** The VK user made the agency's owner, null on the same terms as `adminVkId`. */
  agencyOwnerVkId: number | null;
}

/**
 * The demo's ids under this configuration. A platform whose launch secret this server generated (local-secrets.json)
 * can only see launches we signed ourselves, so the demo may sit on its configured app there (that is what the printed
 * local launch URLs are signed for); with a supplied, real secret the demo keeps its own ids and gets no admin.
 * The community is always the demo's: the bot's token and Callback API act for `VK_GROUP_ID`, and a demo admin must not
 * mail its real subscribers.
 * @example demoBinding(loadConfig({})) // { vkAppId: 51000001, vkGroupId: 200000001, ..., adminVkId: 100002, agencyOwnerVkId: 100004 }
 */
export function demoBinding(config: Config): DemoBinding {
  const own = config.generatedSecrets;
  return {
    vkAppId: own.vk ? config.VK_APP_ID : DEMO_VK_APP_ID,
    vkGroupId: DEMO_GROUP_ID,
    okAppKey: own.ok ? config.OK_APP_KEY || null : null,
    telegramBotId: own.telegram ? config.TELEGRAM_BOT_TOKEN.split(':')[0] || null : null,
    adminVkId: own.vk ? DEMO_ADMIN_VK_ID : null,
    agencyOwnerVkId: own.vk ? DEMO_AGENCY_OWNER_VK_ID : null,
  };
}

/**
 * For a throwaway world whose secrets were made up for one run (the packaging checks' API): the demo on exactly what
 * it is configured with, since no real client can sign for it.
 */
export function throwawayBinding(config: Config): DemoBinding {
  return {
    vkAppId: config.VK_APP_ID,
    vkGroupId: config.VK_GROUP_ID ?? DEMO_GROUP_ID,
    okAppKey: config.OK_APP_KEY || null,
    telegramBotId: config.TELEGRAM_BOT_TOKEN.split(':')[0] || null,
    adminVkId: DEMO_ADMIN_VK_ID,
    agencyOwnerVkId: DEMO_AGENCY_OWNER_VK_ID,
  };
}
