/**
 * Every wheel sector's label against its fill, by WCAG, with VKUI's own token values (read from the VKUI package's
 * theme CSS, not copied): android/iOS (vkBase) and vkcom, light and dark, with VKUI's default accent and with
 * campaign accents (accent-style.ts sets their tokens). Labels are 13 px semibold: small text, 4.5:1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { accentStyle } from '../../accent-style.ts';
import { AA_TEXT, contrastRatio, hexToRgb, type Rgb } from '../../contrast.ts';
import { sectorColours } from './wheel-colours.ts';

const themesCss = readFileSync(
  createRequire(import.meta.url).resolve('@vkontakte/vkui/dist/cssm/styles/themes.css'),
  'utf8',
);

/** The tokens a theme class gets: `:root`'s, then each block naming the class (later blocks win, as in CSS). */
function themeTokens(themeClass: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [, selector = '', body = ''] of themesCss.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const names = selector.split(',').map((s) => s.trim());
    if (!names.includes(':root') && !names.includes(`.${themeClass}`)) continue;
    for (const [, name = '', value = ''] of body.matchAll(/(--vkui--[\w-]+):\s*([^;]+);/g)) tokens[name] = value.trim();
  }
  return tokens;
}

/** A colour as the wheel writes it: a hex, a `var(--token)`, or `color-mix(in srgb, A p%, B)`. */
function resolve(css: string, tokens: Record<string, string>): Rgb {
  const v = css.trim();
  const token = /^var\((--[\w-]+)\)$/.exec(v);
  if (token?.[1]) {
    const value = tokens[token[1]];
    if (!value) throw new Error(`no ${token[1]} in this theme`);
    return resolve(value, tokens);
  }
  const mix = /^color-mix\(in srgb, (.+) (\d+)%, (.+)\)$/.exec(v);
  if (mix?.[1] && mix[2] && mix[3]) {
    const [a, b, p] = [resolve(mix[1], tokens), resolve(mix[3], tokens), Number(mix[2]) / 100];
    return a.map((c, i) => Math.round(c * p + (b[i] ?? 0) * (1 - p))) as unknown as Rgb;
  }
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(v)) return hexToRgb(v);
  throw new Error(`cannot read colour ${v}`);
}

const THEMES = ['vkui--vkBase--light', 'vkui--vkBase--dark', 'vkui--vkCom--light', 'vkui--vkCom--dark'];
// Three sectors: accent, tint, losing.
const SECTORS = [{ rewardKey: 'a' }, { rewardKey: 'b' }, { rewardKey: null }];
const KINDS = ['accent', 'tint', 'lose'] as const;
const ACCENTS = [null, '#2688eb', '#E64646', '#1a7f5a', '#ffcc00', '#ffffff', '#000000', '#7a3df0'];

describe('the wheel labels read on their sectors (WCAG AA, small text)', () => {
  for (const theme of THEMES) {
    for (const accent of ACCENTS) {
      it(`${theme}, accent ${accent ?? 'VKUI default'}`, () => {
        const tokens = { ...themeTokens(theme), ...(accentStyle(accent) as Record<string, string> | undefined) };
        const ratios = sectorColours(SECTORS, accent).map(([fill, label], i) => {
          const ratio = contrastRatio(resolve(fill, tokens), resolve(label, tokens));
          return `${KINDS[i]} ${ratio >= AA_TEXT ? 'passes' : `fails at ${ratio.toFixed(2)}`}`;
        });
        expect(ratios).toEqual(KINDS.map((k) => `${k} passes`));
      });
    }
  }
});
