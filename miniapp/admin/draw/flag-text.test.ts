import { describe, expect, it } from 'vitest';
import { drawEntrantsEn, drawEntrantsRu } from '../i18n-draw-entrants.ts';
import { flagTexts } from './flag-text.ts';

describe('the fraud flags in words', () => {
  it('item 1: each flag says why, with the facts from the server, in ru and en', () => {
    const entrant = {
      flags: ['deactivated', 'no_photo', 'closed_profile', 'referral_burst', 'verification_failed'] as const,
      why: {
        deactivated: { state: 'banned' },
        referral_burst: { referrerUserId: '101', entries: 3, windowMinutes: 10 },
        verification_failed: { tasks: ['join', 'share'] },
      },
    };
    expect(flagTexts({ ...entrant, flags: [...entrant.flags] }, drawEntrantsEn)).toEqual([
      'VK page banned',
      'No profile photo',
      'Closed profile',
      '3 entries from one referrer (id101) in 10 minutes',
      'Task check failed: join, share',
    ]);
    expect(flagTexts({ flags: ['referral_burst', 'deactivated'], why: entrant.why }, drawEntrantsRu)).toEqual([
      'Записей от одного пригласившего (id101) за 10 мин: 3',
      'Страница заблокирована во ВКонтакте',
    ]);
    expect(flagTexts({ flags: [], why: {} }, drawEntrantsEn)).toEqual([]);
  });
});
