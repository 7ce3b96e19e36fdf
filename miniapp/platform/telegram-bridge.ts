/**
 * The part of the Telegram adapter that talks to the client through @telegram-apps/bridge (events in, methods out).
 * Loaded by telegram.ts as its own chunk once the first screen is shown, so the bridge and the schema library under it
 * are neither downloaded with nor run before the first screen; the launch itself is read without it
 * (telegram-launch.ts).
 */
import { on, postEvent } from '@telegram-apps/bridge';
import type { TelegramTheme } from './telegram-launch.ts';

export interface TelegramBridge {
  post(method: string, params?: Record<string, unknown>): void;
}

/** Starts listening (theme changes, the BackButton) and tells the client the app is ready. */
export function connectTelegram(handlers: {
  onTheme: (theme: TelegramTheme) => void;
  onBack: () => void;
}): TelegramBridge {
  on('theme_changed', ({ theme_params }) => handlers.onTheme(theme_params as TelegramTheme));
  on('back_button_pressed', () => handlers.onBack());
  const post: TelegramBridge['post'] = (method, params) =>
    (postEvent as (m: string, p?: Record<string, unknown>) => void)(method, params);
  post('web_app_ready');
  post('web_app_expand');
  return { post };
}
