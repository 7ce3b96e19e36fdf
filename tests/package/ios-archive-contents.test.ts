/**
 * Issue 17, the iOS single file within its size goal (docs/decisions/036): it holds every participant screen, but not
 * what only other builds can use — VKUI's vk.com theme (only the VK iOS client opens the archive), the web entry's
 * VK ID sign-in, the office, the modulepreload polyfill. The vk build is checked beside it, so a marker that is in
 * neither cannot make a check pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, REPO_ROOT } from './support.ts';

/** One participant screen each (their `data-testid`s): calculator, catalogue, help, wheel, and the invitation. */
const PARTICIPANT_SCREENS = ['calc-calculate', 'offer-search', 'help-write', 'wheel-spin', 'invite-agency'];
/** The web entry's sign-in and sign-out words (screens/web-sign-in/i18n-web-entry.ts). */
const WEB_ENTRY_WORDS = ['Вход через VK ID', 'Sign in with VK ID', 'web-sign-out'];
const VKCOM_THEME = '.vkui--vkCom--';
/** Vite's modulepreload polyfill: it feature-tests `relList.supports('modulepreload')` (quotes as the minifier writes). */
const PRELOAD_POLYFILL = /supports\(\W?modulepreload\W?\)/;
/**
 * A logical property (`inset-inline-start`) lowered for browsers without it (Chrome < 87; Safari has it since 14.1):
 * one copy of the rule per text direction, the right-to-left one picked out by language codes (`:is(:lang(ae),…)`).
 */
const LOWERED_LOGICAL_PROPERTY = /:(?:is|-webkit-any)\(:lang\(ae\)/;

/** The contents of every `<style>` of a page. */
function styles(html: string): string {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

/** Every text file of a build, concatenated. */
function allText(dir: string): string {
  const files = ['index.html', ...readdirSync(join(dir, 'assets'), { recursive: false }).map((f) => `assets/${f}`)];
  return files
    .filter((f) => /\.(html|js|css)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

let archive: string;
let vk: string;

beforeAll(async () => {
  archive = readFileSync(join(await buildDemo('vk-ios'), 'index.html'), 'utf8');
  vk = allText(await buildDemo('vk'));
});

describe('issue 17: what the iOS single file holds', () => {
  it('every participant screen, as the vk build has them', () => {
    for (const marker of PARTICIPANT_SCREENS) {
      expect(vk).toContain(marker);
      expect(archive).toContain(marker);
    }
  });

  it("no rule of VKUI's vk.com theme in its styles; the vk build keeps them", () => {
    expect(styles(archive).length).toBeGreaterThan(100_000);
    expect(styles(archive)).not.toContain(VKCOM_THEME);
    expect(vk).toContain(`${VKCOM_THEME}light`);
  });

  it("none of the web entry's sign-in (the words are the web build's own)", () => {
    const source = readFileSync(join(REPO_ROOT, 'miniapp/screens/web-sign-in/i18n-web-entry.ts'), 'utf8');
    for (const words of WEB_ENTRY_WORDS) {
      if (!words.includes('-')) expect(source).toContain(words);
      expect(archive).not.toContain(words);
    }
  });

  it('no modulepreload polyfill: the one inline module has no preload to load (the vk build has it)', () => {
    expect(vk).toMatch(PRELOAD_POLYFILL);
    expect(archive).not.toMatch(PRELOAD_POLYFILL);
  });

  it("styles for the VK iOS client's WebKit: no logical property lowered into a copy per text direction", () => {
    expect(vk).toMatch(LOWERED_LOGICAL_PROPERTY);
    expect(styles(archive)).not.toMatch(LOWERED_LOGICAL_PROPERTY);
    expect(styles(archive)).toContain('inset-inline-start:');
  });
});
