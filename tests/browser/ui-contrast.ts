/**
 * Text contrast as a user sees it, computed in the page: for each visible text node, its colour (with the opacity of
 * its element and ancestors) over the first opaque background behind it (semi-transparent layers on the way composed
 * over it), against WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled controls are exempt
 * (WCAG 1.4.3), and so is text over an image or a gradient (its background is not one colour).
 *
 * VKUI's own palette is VKUI's: a text token other than tertiary (secondary text, a primary button's label, a link)
 * over a background token, both as VKUI resolves them where the text is, is not ours to recolour (VKUI's dark vkcom
 * secondary text is 4.1:1, its light primary button 3.6:1). What is ours, and fails here: a custom colour, tertiary
 * text (VKUI's colour for what is not meant to be read: placeholders, disabled), faded text, a token on the wrong
 * background.
 *
 * Measured at rest, so what a check finds does not hang on what ran before it: the mouse is parked where it hovers
 * nothing (a click that opened a dialog left it on a button, whose hover colour was caught mid-transition: the editor's
 * pause confirmation read 4.38:1 in one sweep order and passed in another), and every finite animation and transition
 * is played to its end (a dialog caught while fading in reads as faint text). The resting colours are all checked;
 * none is skipped.
 */
import type { Page } from 'playwright-core';
import { relativeLuminance } from '../../miniapp/contrast.ts';

export interface LowContrast {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/** The app's own luminance maths (`miniapp/contrast.ts`), its source sent into the page with the measuring code. */
export async function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  await atRest(page);
  return page.evaluate(`(${measureInPage.toString()})(${relativeLuminance.toString()})`);
}

/**
 * The page in its resting state: the mouse on a corner with nothing to hover (a control there would change colour
 * under it), then every finite animation and transition finished, twice, with two frames between: leaving a hover
 * starts a transition of its own a frame later. Frames, not a timer: the state reached does not depend on speed.
 */
export async function atRest(page: Page): Promise<void> {
  const [x, y] = await page.evaluate(() => {
    const w = window.innerWidth - 1;
    const h = window.innerHeight - 1;
    const corners: [number, number][] = [
      [0, 0],
      [w, 0],
      [0, h],
      [w, h],
    ];
    const hovers = (el: Element | null) =>
      Boolean(el?.closest('a, button, input, select, textarea, label, [role], [tabindex], [class*="Tappable"]'));
    return corners.find(([cx, cy]) => !hovers(document.elementFromPoint(cx, cy))) ?? [0, 0];
  });
  await page.mouse.move(x, y);
  await page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let round = 0; round < 2; round++) {
      await frames();
      for (const animation of document.getAnimations()) {
        if (Number.isFinite(animation.effect?.getComputedTiming().endTime)) animation.finish();
      }
    }
    await frames();
  });
}

function measureInPage(relativeLuminance: (rgb: readonly [number, number, number]) => number): LowContrast[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return [0, 0, 0, 0];
    const [r = 0, g = 0, b = 0, a = 1] = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = (c: Rgba) => relativeLuminance([c[0], c[1], c[2]]);
  const found: {
    text: string;
    ratio: number;
    needed: number;
    color: string;
    background: string;
  }[] = [];
  // VKUI's colour tokens by name, from its style sheets (read once), resolved where each text sits.
  const tokenNames = [
    ...new Set(
      [...document.styleSheets].flatMap((sheet) => {
        try {
          return [...sheet.cssRules].flatMap((rule) =>
            rule instanceof CSSStyleRule ? [...rule.style].filter((p) => p.startsWith('--vkui--color_')) : [],
          );
        } catch {
          return [];
        }
      }),
    ),
  ];
  const textTokens = tokenNames.filter((n) => n.startsWith('--vkui--color_text_') && !n.includes('tertiary'));
  const backgroundTokens = tokenNames.filter((n) => n.startsWith('--vkui--color_background'));
  const resolved = (where: Element, names: string[], property: 'color' | 'backgroundColor') => {
    const probe = document.createElement('span');
    where.appendChild(probe);
    const values = new Set(
      names.map((n) => {
        probe.style[property] = `var(${n})`;
        return getComputedStyle(probe)[property];
      }),
    );
    probe.remove();
    return values;
  };
  // An element's background, or the one its ::before paints over the whole of it (VKUI's Alert paints its card so).
  const ownBackground = (at: Element, s: CSSStyleDeclaration) => {
    if (parse(s.backgroundColor)[3] > 0) return s.backgroundColor;
    const before = getComputedStyle(at, '::before');
    if (before.content === 'none' || before.position !== 'absolute') return s.backgroundColor;
    const box = at.getBoundingClientRect();
    const covers =
      Number.parseFloat(before.width) >= box.width - 1 && Number.parseFloat(before.height) >= box.height - 1;
    return covers ? before.backgroundColor : s.backgroundColor;
  };
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || seen.has(el) || !/[\p{L}\p{N}]/u.test(text)) continue;
    seen.add(el);
    if (el.closest('script, style, noscript, svg, [disabled], [aria-disabled="true"]')) continue;
    // A disabled form field shows its value faded (VKUI): exempt as a disabled control.
    if (el.closest('[class*="FormField__host"]')?.querySelector(':disabled')) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right < 0 || rect.left > window.innerWidth) continue;
    const style = getComputedStyle(el);
    let color = parse(style.color);
    // Layers from the text down to the first opaque background; opacity fades the text and the layers above it.
    const layers: Rgba[] = [];
    let opacity = 1;
    let base: Rgba | null = null;
    let painted: Element = document.documentElement;
    let paintedColor = '';
    let unknown = false;
    for (let at: Element | null = el; at; at = at.parentElement) {
      const s = getComputedStyle(at);
      opacity *= Number(s.opacity);
      if (s.backgroundImage !== 'none') {
        unknown = true;
        break;
      }
      const own = ownBackground(at, s);
      const bg = parse(own);
      if (bg[3] > 0 && layers.length === 0 && !base) {
        painted = at;
        paintedColor = own;
      }
      if (bg[3] >= 0.99) {
        base = bg;
        break;
      }
      if (bg[3] > 0) layers.push(bg);
    }
    if (unknown) continue;
    let background: Rgba = base ?? [255, 255, 255, 1];
    for (const layer of layers.reverse()) background = over(layer, background);
    color = over([color[0], color[1], color[2], color[3] * opacity], background);
    const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio >= needed) continue;
    // The background judged is the one right behind the text (a translucent token over another is VKUI's too).
    const vkuiPair =
      opacity === 1 &&
      resolved(el, textTokens, 'color').has(style.color) &&
      resolved(painted, backgroundTokens, 'backgroundColor').has(paintedColor);
    if (!vkuiPair) {
      found.push({
        text: text.slice(0, 60),
        ratio: Math.round(ratio * 100) / 100,
        needed,
        color: `rgb(${color.slice(0, 3).map(Math.round).join(', ')})`,
        background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
      });
    }
  }
  return found;
}
