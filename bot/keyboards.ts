/**
 * @module The bot's keyboards, built with vk-io's `Keyboard` builder (it enforces VK's limits: 40-char labels,
 * 5 buttons a row, 255-byte payloads). Text buttons carry a `command` payload so wording can change freely.
 * The `open_app` deep-link button is the mailing domain's (server/mailing/open-app-button.ts).
 */
import { Keyboard } from 'vk-io';

export type BotCommand = 'start' | 'prizes' | 'progress' | 'support' | 'unsubscribe';

/** The main menu under the message field. */
export function mainMenu(): string {
  return Keyboard.builder()
    .textButton({ label: 'Мой прогресс', payload: { command: 'progress' }, color: Keyboard.PRIMARY_COLOR })
    .textButton({ label: 'Мои призы', payload: { command: 'prizes' }, color: Keyboard.POSITIVE_COLOR })
    .row()
    .textButton({ label: 'Поддержка', payload: { command: 'support' }, color: Keyboard.SECONDARY_COLOR })
    .callbackButton({ label: 'Помощь', payload: { command: 'start' }, color: Keyboard.SECONDARY_COLOR })
    .toString();
}
