/**
 * The web entry's VK ID words (its sign-in screen, its sign-out, the refusals of its VK ID login) are the `web`
 * build's only: the OK and Telegram builds shipped them in their first-screen chunk and the office's refusal table,
 * though neither signs in with VK ID. Now they leave them out when built (miniapp/build-contents.ts); the web build
 * still holds each, so the check cannot pass by looking at the wrong thing. Real Vite builds of each variant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL_WORDING } from '../../miniapp/admin/refusal-text.ts';
import { webEntryMessages } from '../../miniapp/screens/web-sign-in/i18n-web-entry.ts';
import { buildDemo } from './support.ts';

const LOGIN_REFUSALS = ['web_entry_disabled', 'login_not_started', 'login_expired', 'login_state_mismatch'];

/** Every text of the web entry as written (outside a build each is present), but «Выйти» / "Sign out": too common. */
const WORDS = [
  ...new Set(
    [
      ...(['ru', 'en'] as const).flatMap((language) => {
        const { webSignOut: _common, ...own } = webEntryMessages?.[language] ?? { webSignOut: '' };
        return Object.values(own);
      }),
      ...LOGIN_REFUSALS.flatMap((code) => [REFUSAL_WORDING.ru[code], REFUSAL_WORDING.en[code]]),
    ].filter((text): text is string => typeof text === 'string'),
  ),
];

/** The web entry's texts found in the build's scripts: `file: text`. */
function wordsIn(dir: string): string[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .flatMap((file) => {
      const text = readFileSync(join(assets, file), 'utf8');
      return WORDS.filter((w) => text.includes(w)).map((w) => `${file.replace(/-[\w-]+\.js$/, '')}: ${w}`);
    });
}

describe("the web entry's words are in the web build only", () => {
  it('markers: every sign-in text and login refusal', () => {
    expect(WORDS).toHaveLength(13);
  });

  it('the web build holds every one', async () => {
    const found = wordsIn(await buildDemo('web'));
    for (const w of WORDS)
      expect(
        found.some((f) => f.endsWith(`: ${w}`)),
        w,
      ).toBe(true);
  });

  it.each(['ok', 'telegram'] as const)('the %s build holds none', async (variant) => {
    expect(wordsIn(await buildDemo(variant))).toEqual([]);
  });
});
