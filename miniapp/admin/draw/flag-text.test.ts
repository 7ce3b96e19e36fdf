import { describe, expect, it } from 'vitest';
import { drawEntrantsEn, drawEntrantsRu } from '../i18n-draw-entrants.ts';
import { flagTexts } from './flag-text.ts';

describe('the fraud flags in words', () => {
  it('item 1: each flag says why, with the facts from the server, in ru and en', () => {
    const entrant = {
      flags: ['deactivated', 'no_photo', 'closed_profile', 'referral_burst', 'verification_failed'] as const,
      why: {
        deactivated: { state: 'banned' },
        referral_burst: {
          referrer: { platform: 'vk', userId: '101', profileUrl: null },
          entries: 3,
          windowMinutes: 10,
        },
        verification_failed: { tasks: ['join', 'share'] },
      },
    };
    expect(flagTexts({ ...entrant, flags: [...entrant.flags] }, drawEntrantsEn, 'en')).toEqual([
      'VK page banned',
      'No profile photo',
      'Closed profile',
      '3 entries from one referrer (VK · id101) in 10 minutes',
      'Task check failed: join, share',
    ]);
    expect(flagTexts({ flags: ['referral_burst', 'deactivated'], why: entrant.why }, drawEntrantsRu, 'ru')).toEqual([
      'Записей от одного пригласившего (ВКонтакте · id101) за 10 мин: 3',
      'Страница заблокирована во ВКонтакте',
    ]);
    expect(flagTexts({ flags: [], why: {} }, drawEntrantsEn, 'en')).toEqual([]);
  });

  it('an OK or Telegram referrer is named by their platform, never as a VK id (ru, en)', () => {
    const burst = (platform: string, userId: string) => ({
      flags: ['referral_burst' as const],
      why: { referral_burst: { referrer: { platform, userId, profileUrl: null }, entries: 4, windowMinutes: 10 } },
    });
    expect(flagTexts(burst('ok', '5550001'), drawEntrantsRu, 'ru')).toEqual([
      'Записей от одного пригласившего (Одноклассники · 5550001) за 10 мин: 4',
    ]);
    expect(flagTexts(burst('telegram', '42'), drawEntrantsEn, 'en')).toEqual([
      '4 entries from one referrer (Telegram · 42) in 10 minutes',
    ]);
  });
});
