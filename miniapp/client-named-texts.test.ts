/**
 * A participant on OK or Telegram whose launch the server refused read "Откройте приложение из ВКонтакте заново" /
 * "Open the app from VK again", and "Ваше приложение ВКонтакте этого не умеет" when the client could not do an action:
 * the texts named VK in every build. Now they name the client the build runs in (the variant's platform, set by
 * vite.config.ts), in ru and en; the VK builds and everything outside a build still say VK.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The participant's texts as a build for `platform` holds them (undefined: outside a build). */
async function textsIn(platform: string | undefined) {
  if (platform) vi.stubEnv('VITE_PLATFORM', platform);
  vi.resetModules();
  // The error class of the same fresh module graph: errorText tells a refusal by `instanceof`.
  const { ApiRequestError } = await import('./api/client.ts');
  const { errorText } = await import('./i18n-errors.ts');
  const { promoEn, promoRu } = await import('./i18n-promo.ts');
  const refused = (code: string, language: 'ru' | 'en') => errorText(new ApiRequestError(401, code, 'x'), language);
  return {
    ru: ['missing', 'malformed', 'bad_signature'].map((code) => refused(code, 'ru')),
    en: ['missing', 'malformed', 'bad_signature'].map((code) => refused(code, 'en')),
    unsupported: [promoRu.failure_unsupported, promoEn.failure_unsupported],
  };
}

describe('texts that name the client the app runs in', () => {
  it('an OK build names Odnoklassniki', async () => {
    const texts = await textsIn('ok');
    expect(texts.ru).toEqual(Array(3).fill('Откройте приложение из Одноклассников заново.'));
    expect(texts.en).toEqual(Array(3).fill('Open the app from OK again.'));
    expect(texts.unsupported).toEqual([
      'Эта версия приложения Одноклассников этого не умеет. Обновите его.',
      'Your OK app cannot do this. Please update it.',
    ]);
  });

  it('a Telegram build names Telegram', async () => {
    const texts = await textsIn('telegram');
    expect(texts.ru).toEqual(Array(3).fill('Откройте приложение из Telegram заново.'));
    expect(texts.en).toEqual(Array(3).fill('Open the app from Telegram again.'));
    expect(texts.unsupported.join(' ')).not.toMatch(/VK|ВКонтакте/);
  });

  it('a VK build, and the app outside a build, name VK', async () => {
    for (const platform of ['vk', undefined]) {
      const texts = await textsIn(platform);
      expect(texts.ru).toEqual(Array(3).fill('Откройте приложение из ВКонтакте заново.'));
      expect(texts.en).toEqual(Array(3).fill('Open the app from VK again.'));
      expect(texts.unsupported[0]).toBe('Эта версия приложения ВКонтакте этого не умеет. Обновите его.');
    }
  });
});
