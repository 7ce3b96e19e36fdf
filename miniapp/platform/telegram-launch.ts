/**
 * Telegram launch data that is ours to interpret: `start_param` deep links and theme parameters.
 * `start_param` may only hold `A-Za-z0-9_-`, so a route's slashes travel as dashes and an inviter's referral code
 * follows `--ref-`: `t.me/<bot>/<app>?startapp=campaign-1-rules` opens `/campaign/1/rules`,
 * `?startapp=campaign-1--ref-aZ3k_Q9x` opens `/campaign/1?ref=aZ3k_Q9x` (the rule's one home is
 * server/promo/participation/deep-link.ts, which also writes the server's share links).
 */
import { deepLinkHash, fromStartParam, toStartParam } from '../../server/promo/participation/deep-link.ts';
import { accentTokens } from '../accent-style.ts';
import type { ColorScheme } from './types.ts';

/** The hash a `start_param` opens: its route, and `?ref=` when it carries a referral code. */
export function startParamToRoute(startParam: string | undefined): string | undefined {
  const link = fromStartParam(startParam);
  return link ? deepLinkHash(link) : undefined;
}

export function routeToStartParam(route: string): string {
  return toStartParam({ route }) ?? '';
}

/** Theme params arrive snake_case from the client and camelCase from the SDK; both are read. */
export type TelegramTheme = Record<string, string | undefined>;

const pick = (theme: TelegramTheme, key: string) =>
  theme[key] ?? theme[key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())];

/** VKUI tokens set from Telegram theme parameters (core.telegram.org/bots/webapps#themeparams). */
const TOKEN_SOURCES: Array<[string, string[]]> = [
  ['--vkui--color_background_accent', ['button_color']],
  ['--vkui--color_background_accent_themed', ['button_color']],
  // A secondary button (Copy link) is accent text on this: VKUI's own is a faint white tint made for VK's blue, under
  // which Telegram's accent read at 3.5:1 on the desktop's dark theme; Telegram's secondary background carries it.
  ['--vkui--color_background_secondary_alpha', ['secondary_bg_color']],
  ['--vkui--color_text_contrast_themed', ['button_text_color']],
  ['--vkui--color_text_accent', ['accent_text_color', 'link_color']],
  ['--vkui--color_text_accent_themed', ['accent_text_color', 'link_color']],
  ['--vkui--color_icon_accent', ['accent_text_color', 'button_color']],
  ['--vkui--color_icon_accent_themed', ['accent_text_color', 'button_color']],
  ['--vkui--color_text_link', ['link_color']],
  ['--vkui--color_text_primary', ['text_color']],
  ['--vkui--color_text_secondary', ['hint_color']],
  ['--vkui--color_text_subhead', ['subtitle_text_color', 'hint_color']],
  ['--vkui--color_background_content', ['section_bg_color', 'bg_color']],
  ['--vkui--color_background', ['secondary_bg_color', 'bg_color']],
  ['--vkui--color_background_page', ['secondary_bg_color', 'bg_color']],
  ['--vkui--color_text_negative', ['destructive_text_color']],
  ['--vkui--color_separator_primary', ['section_separator_color']],
];

/**
 * The tokens for theme-sheet.ts's platform layer. Telegram's button colour is taken as an accent (accent-style.ts), so
 * hover and press shade it away from Telegram's label (or a label picked by contrast when it gives none) instead of
 * staying VKUI's blue; the colours Telegram names itself win over those derived.
 */
export function themeTokens(theme: TelegramTheme): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [token, sources] of TOKEN_SOURCES) {
    const value = sources.map((s) => pick(theme, s)).find((v) => v && /^#[0-9a-fA-F]{3,8}$/.test(v));
    if (value) tokens[token] = value;
  }
  const button = tokens['--vkui--color_background_accent'];
  return { ...accentTokens(button, tokens['--vkui--color_text_contrast_themed']), ...tokens };
}

/** Dark when the background is dark (Telegram's own rule: perceived luminance of `bg_color`). */
export function themeScheme(theme: TelegramTheme, fallback: ColorScheme): ColorScheme {
  const bg = pick(theme, 'bg_color');
  const m = bg?.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!m) return fallback;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h ?? '0', 16));
  const luminance = Math.sqrt(0.299 * (r ?? 0) ** 2 + 0.587 * (g ?? 0) ** 2 + 0.114 * (b ?? 0) ** 2);
  return luminance < 120 ? 'dark' : 'light';
}

/** What the Telegram client puts in the page's fragment (core.telegram.org/bots/webapps#initializing-mini-apps). */
export interface TelegramLaunchParams {
  /** `tgWebAppData`, sent to the server as `tma <initData>` and verified there. */
  initData: string;
  platform: string;
  /** `tgWebAppVersion`, the Bot API version the client supports ("8.0"); empty when the fragment has none. */
  version: string;
  startParam?: string;
  theme: TelegramTheme;
}

/** Whether the client's Bot API `version` is `least` or later ("6.10" after "6.9": parts compared as numbers). */
export function versionAtLeast(version: string, least: string): boolean {
  if (!/^\d+(\.\d+)*$/.test(version)) return false;
  const have = version.split('.').map(Number);
  const want = least.split('.').map(Number);
  for (let i = 0; i < want.length; i++) {
    const diff = (have[i] ?? 0) - (want[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/**
 * Reads the launch from the fragment's query (`tgWebAppData=…&tgWebAppThemeParams=…`) with URLSearchParams, as the
 * inline first-screen script does: no schema library on the first screen's path. Nothing here is trusted — the
 * server verifies `initData`; a malformed theme is ignored.
 */
export function parseTelegramLaunch(fragment: string): TelegramLaunchParams {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const initData = params.get('tgWebAppData') ?? '';
  let theme: TelegramTheme = {};
  try {
    const parsed = JSON.parse(params.get('tgWebAppThemeParams') ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) theme = parsed as TelegramTheme;
  } catch {}
  const startParam = params.get('tgWebAppStartParam') ?? new URLSearchParams(initData).get('start_param') ?? undefined;
  return {
    initData,
    platform: params.get('tgWebAppPlatform') ?? '',
    version: params.get('tgWebAppVersion') ?? '',
    ...(startParam ? { startParam } : {}),
    theme,
  };
}
