/**
 * @module The `open_app` button that takes a message's reader into the mini app on a given screen: built with vk-io's
 * `Keyboard` (it enforces VK's limits), attached to rule messages and broadcasts with a deep link. Notifications carry
 * the same hash as `fragment`. Used by the mailing routes (send now, dry run) and the bot's schedule and replies.
 */
import { eq } from 'drizzle-orm';
import { Keyboard } from 'vk-io';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { taskHash } from './deep-link.ts';
import type { Decorate } from './rule-evaluation.ts';

const { apps, campaigns, communities } = schema;

/** The button's label in the recipient's language. */
export const OPEN_APP_LABEL: Record<ContentLanguage, string> = { ru: 'Открыть приложение', en: 'Open the app' };

/** An inline `open_app` button deep-linking to a screen of the mini app. */
export function openAppKeyboard(label: string, appId: number, groupId: number, hash: string): string {
  return Keyboard.builder()
    .applicationButton({ label: label.slice(0, 40), appId, ownerId: -groupId, hash })
    .inline()
    .toString();
}

/**
 * Where a campaign's `open_app` button leads: the campaign's own community and its brand's VK app (`vkAppId` null:
 * the app has no VK id stored, the configured `VK_APP_ID` is used). The process's configured community and app led
 * another brand's participants into the wrong app (found from outside).
 */
export interface AppTarget {
  groupId: number;
  vkAppId: number | null;
}

/** A campaign's button target in one read; undefined when the campaign has no community to send from. */
export async function campaignAppTarget(db: Db | Tx, campaignId: number): Promise<AppTarget | undefined> {
  const [row] = await db
    .select({ groupId: communities.vkGroupId, vkAppId: apps.vkAppId })
    .from(campaigns)
    .innerJoin(communities, eq(communities.id, campaigns.communityId))
    .leftJoin(apps, eq(apps.id, campaigns.appId))
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  return row && { groupId: row.groupId, vkAppId: row.vkAppId ?? null };
}

/** An inline `open_app` button into a campaign's app, from its community. */
export function campaignAppKeyboard(
  deps: Pick<Deps, 'config'>,
  label: string,
  target: AppTarget,
  hash: string,
): string {
  return openAppKeyboard(label, target.vkAppId ?? deps.config.VK_APP_ID, target.groupId, hash);
}

/** A rule's message gets an `open_app` button to the rule's screen; its notification carries it as `fragment`. */
export function ruleDecorator(deps: Pick<Deps, 'config'>): Decorate {
  return (rule, variant, language, target) => {
    const hash = variant.fragment ?? taskHash(rule.campaignId);
    if (rule.channel === 'notification') return { fragment: hash };
    return { keyboard: campaignAppKeyboard(deps, OPEN_APP_LABEL[language], target, hash), fragment: hash };
  };
}

/** A broadcast with a deep link gets an `open_app` button (community messages) or carries it as `fragment`. */
export function broadcastKeyboard(
  deps: Pick<Deps, 'config'>,
  b: { fragment: string | null },
): ((language: ContentLanguage, target: AppTarget) => string) | undefined {
  const { fragment } = b;
  return fragment
    ? (language, target) => campaignAppKeyboard(deps, OPEN_APP_LABEL[language], target, fragment)
    : undefined;
}
