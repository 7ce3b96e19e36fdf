/**
 * @module The bot's keyboards, built with vk-io's `Keyboard` builder (it enforces VK's limits: 40-char labels,
 * 5 buttons a row, 255-byte payloads). Text buttons carry a `command` payload so wording can change freely.
 * The `open_app` deep-link button is the mailing domain's (server/mailing/open-app-button.ts).
 */
import { Keyboard } from 'vk-io';
import type { ContentLanguage } from '../server/campaigns/content-language.ts';
import { BOT_TEXTS } from './replies.ts';

export type BotCommand = 'start' | 'prizes' | 'progress' | 'support' | 'unsubscribe' | 'subscribe';

/** The main menu under the message field. */
export function mainMenu(language: ContentLanguage): string {
  const label = BOT_TEXTS[language].menu;
  return Keyboard.builder()
    .textButton({ label: label.progress, payload: { command: 'progress' }, color: Keyboard.PRIMARY_COLOR })
    .textButton({ label: label.prizes, payload: { command: 'prizes' }, color: Keyboard.POSITIVE_COLOR })
    .row()
    .textButton({ label: label.support, payload: { command: 'support' }, color: Keyboard.SECONDARY_COLOR })
    .callbackButton({ label: label.help, payload: { command: 'start' }, color: Keyboard.SECONDARY_COLOR })
    .toString();
}
