/**
 * @module White label baked into index.html at build time: the client's name as the title, its logo as the
 * icon (inlined as a data: URL, never fetched), and its accent colours over VKUI's tokens for light and dark.
 */
import type { Plugin } from 'vite';
import { accentTokens } from '../../miniapp/accent-style.ts';
import { themeStyle } from '../../miniapp/theme-sheet.ts';
import type { BundleSettings } from './client-config.ts';

/**
 * The client's accent for light and dark as theme-sheet.ts's rules: on VKUI's theme-class elements, which define every
 * token again (set on <html>, as before, the colours never showed: VKUI's own accent did), with a label picked by
 * contrast and hover and press shades (accent-style.ts). A campaign's accent and Telegram's theme, set at run time
 * by the same rule later in the page, go over it.
 */
export function brandCss(settings: Pick<BundleSettings, 'accent' | 'accentDark'>): string {
  return themeStyle(accentTokens(settings.accent), 'light') + themeStyle(accentTokens(settings.accentDark), 'dark');
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function whiteLabelPlugin(settings: BundleSettings, logoDataUrl?: string): Plugin {
  return {
    name: 'promo-white-label',
    transformIndexHtml(html) {
      let out = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(settings.name)}</title>`);
      if (logoDataUrl) out = out.replace(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${logoDataUrl}"`);
      return out.replace('</head>', `<style id="brand">${brandCss(settings)}</style></head>`);
    },
  };
}
