/**
 * VKUI's colour tokens as we set them: one style element, one rule. VKUI defines every token again on the element
 * that carries its theme class (AppRoot's container and its portals' root: `vkui--vkCom--dark`,
 * `vkui--vkBase--light`…), so tokens set on <html> or on a subtree never reach all of the app; the rule names those
 * elements, with more specificity than VKUI's one class. Two layers share it: the platform's theme (Telegram's
 * parameters) and, over it, the open campaign's accent (accent-style.ts), so a brand's colour reaches every screen of
 * its campaign, its snackbars and popouts, on every client. A white-label build's colours (scripts/package/
 * white-label.ts) are rules of the same shape per scheme, in index.html, which these outrank by coming later
 * (decision 121).
 */

type Tokens = Record<string, string>;

/**
 * Tokens as one rule, for every scheme or for one (`light`/`dark`, matched on VKUI's theme class). Values must be
 * colours the caller has checked (hex, or a color-mix of one).
 * @example themeStyle({ '--vkui--color_text_primary': '#ffffff' })
 * // ':root:root,:root:root [class*="vkui--vk"]{--vkui--color_text_primary:#ffffff}'
 */
export function themeStyle(tokens: Tokens | undefined, scheme?: 'light' | 'dark'): string {
  const body = Object.entries(tokens ?? {})
    .map(([token, value]) => `${token}:${value}`)
    .join(';');
  if (!body) return '';
  return scheme
    ? `:root [class*="vkui--vk"][class*="--${scheme}"]{${body}}`
    : `:root:root,:root:root [class*="vkui--vk"]{${body}}`;
}

const layers: { platform?: Tokens | undefined; campaign?: Tokens | undefined } = {};

/** Sets one layer and rewrites the rule whole, so a colour a layer no longer gives goes back to what is under it. */
export function setThemeLayer(layer: keyof typeof layers, tokens: Tokens | undefined): void {
  layers[layer] = tokens;
  let sheet = document.getElementById('theme-tokens');
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.id = 'theme-tokens';
    document.head.append(sheet);
  }
  sheet.textContent = themeStyle({ ...layers.platform, ...layers.campaign });
}
