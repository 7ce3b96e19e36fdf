/**
 * @module The `open_app` button that takes a message's reader into the mini app on a given screen: built with vk-io's
 * `Keyboard` (it enforces VK's limits), attached to rule messages and broadcasts with a deep link. Notifications carry
 * the same hash as `fragment`. Used by the mailing routes (send now, dry run) and the bot's schedule and replies.
 */
import { Keyboard } from 'vk-io';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import type { Deps } from '../deps.ts';
import { taskHash } from './deep-link.ts';
import type { Decorate } from './rule-evaluation.ts';

/** The button's label in the recipient's language. */
export const OPEN_APP_LABEL: Record<ContentLanguage, string> = { ru: 'Открыть приложение', en: 'Open the app' };

/** An inline `open_app` button deep-linking to a screen of the mini app. */
export function openAppKeyboard(label: string, appId: number, groupId: number, hash: string): string {
  return Keyboard.builder()
    .applicationButton({ label: label.slice(0, 40), appId, ownerId: -groupId, hash })
    .inline()
    .toString();
}

/** A rule's message gets an `open_app` button to the rule's screen; its notification carries it as `fragment`. */
export function ruleDecorator(deps: Pick<Deps, 'config'>, groupId: () => number): Decorate {
  return (rule, variant, language) => {
    const hash = variant.fragment ?? taskHash(rule.campaignId);
    if (rule.channel === 'notification') return { fragment: hash };
    return {
      keyboard: openAppKeyboard(OPEN_APP_LABEL[language], deps.config.VK_APP_ID, groupId(), hash),
      fragment: hash,
    };
  };
}

/** A broadcast with a deep link gets an `open_app` button (community messages) or carries it as `fragment`. */
export function broadcastKeyboard(
  deps: Pick<Deps, 'config'>,
  b: { fragment: string | null },
): ((language: ContentLanguage) => string) | undefined {
  const groupId = deps.config.VK_GROUP_ID ?? 0;
  const { fragment } = b;
  return fragment
    ? (language) => openAppKeyboard(OPEN_APP_LABEL[language], deps.config.VK_APP_ID, groupId, fragment)
    : undefined;
}
