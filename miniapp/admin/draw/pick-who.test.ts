import { describe, expect, it } from 'vitest';
import { profileUrl } from '../../../server/promo/draw/draw-views.ts';
import { drawOfficeEn, drawOfficeRu } from '../i18n-draw.ts';
import { pickWho } from './pick-who.ts';

const pick = (platform: string, userId: string) => ({ platform, userId, profileUrl: profileUrl(platform, userId) });

describe('the winner cell', () => {
  it('item 2: a VK winner links to vk.com/id<id>; OK and Telegram winners show their platform and no link', () => {
    expect(pickWho(pick('vk', '123'), drawOfficeEn)).toEqual({
      platform: 'VK',
      text: 'id123',
      href: 'https://vk.com/id123',
    });
    expect(pickWho(pick('ok', '5550001'), drawOfficeRu)).toEqual({
      platform: 'Одноклассники',
      text: '5550001',
      href: undefined,
    });
    expect(pickWho(pick('telegram', '42'), drawOfficeEn)).toEqual({
      platform: 'Telegram',
      text: '42',
      href: undefined,
    });
    // A link the server did not give is never made up, and an id that is not a VK number gives none.
    expect(profileUrl('vk', 'abc')).toBeNull();
    expect(
      pickWho({ platform: 'ok', userId: '7', profileUrl: 'https://vk.com/id7' }, drawOfficeEn).href,
    ).toBeUndefined();
  });
});
