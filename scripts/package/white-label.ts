/**
 * @module White label baked into index.html at build time: the client's name as the title, its logo as the
 * icon (inlined as a data: URL, never fetched), and its accent colours over VKUI's tokens for light and dark.
 * The selectors outrank VKUI's `.vkui--*--light` / `:root` rules, so the order of stylesheets does not matter.
 */
import type { Plugin } from 'vite';
import type { BundleSettings } from './client-config.ts';

const ACCENT_TOKENS = [
  '--vkui--color_background_accent',
  '--vkui--color_background_accent_themed',
  '--vkui--color_text_accent',
  '--vkui--color_text_accent_themed',
  '--vkui--color_icon_accent',
  '--vkui--color_icon_accent_themed',
  '--vkui--color_stroke_accent',
  '--vkui--color_stroke_accent_themed',
];

export function brandCss(settings: Pick<BundleSettings, 'accent' | 'accentDark'>): string {
  const declare = (colour: string) => ACCENT_TOKENS.map((t) => `${t}:${colour}`).join(';');
  return `html[class*="--light"],html:not([class*="--dark"]){${declare(settings.accent)}}html[class*="--dark"]{${declare(settings.accentDark)}}`;
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
