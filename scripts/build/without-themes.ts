/**
 * @module PostCSS plugin: drops a VKUI theme's tokens from the build's CSS. VKUI's `themes.css` carries every theme
 * (vkBase, vkIOS, vkCom; light and dark), each a set of rules selected by `.vkui--<theme>--<scheme>`; a build that
 * can never show one of them (the iOS single file never runs on vk.com: docs/decisions/036) need not carry its
 * ≈ 27 KB. A selector list loses only that theme's selectors; a rule left with none is removed. The app must not
 * ask VKUI for that theme either (miniapp/build-contents.ts `HAS_VKCOM_THEME`).
 */
import type { Plugin } from 'postcss';

export function withoutThemes(theme: string): Plugin {
  const marker = `.vkui--${theme}--`;
  return {
    postcssPlugin: `promo-without-theme-${theme}`,
    Rule(rule) {
      if (!rule.selector.includes(marker)) return;
      const kept = rule.selectors.filter((selector) => !selector.includes(marker));
      if (kept.length === 0) rule.remove();
      else rule.selectors = kept;
    },
  };
}
