import { describe, expect, it } from 'vitest';
import { launchSourceText, NO_SOURCE } from './launch-source.ts';

describe('launch sources in words', () => {
  it('words the sources VK documents, in ru and en', () => {
    expect(launchSourceText('group_menu', 'ru')).toBe('Меню сообщества');
    expect(launchSourceText('group_menu', 'en')).toBe('Community menu');
    expect(launchSourceText('catalog_recommendation', 'ru')).toBe('Каталог: рекомендации');
    expect(launchSourceText('other', 'en')).toBe('Other (VK did not say)');
    expect(launchSourceText('menu', 'ru')).toBe('Меню ВКонтакте');
    expect(launchSourceText('widget', 'en')).toBe('Community widget');
    expect(launchSourceText('featuring_discover', 'en')).toBe('VK featuring: discover');
    expect(launchSourceText('notifications_auto', 'ru')).toBe('Автоматическое уведомление');
    expect(launchSourceText('snippet_im', 'en')).toBe('Link card in a message');
    expect(launchSourceText('story', 'ru')).toBe('История');
    expect(launchSourceText('catalog_sport', 'en')).toBe('Catalogue: sports');
    expect(launchSourceText('im_chat', 'ru')).toBe('Чат ВКонтакте');
    expect(launchSourceText('apps_direct_link', 'en')).toBe('Direct link');
  });

  it("words a known family, keeping the value as sent in brackets (a category VK adds later is still the catalogue's)", () => {
    expect(launchSourceText('catalog_games', 'ru')).toBe('Каталог (catalog_games)');
    expect(launchSourceText('ad_12345', 'en')).toBe('Ad (ad_12345)');
    // The demo's own ad source (server/seed/demo-history.ts).
    expect(launchSourceText('ads', 'ru')).toBe('Реклама (ads)');
    expect(launchSourceText('club_42', 'en')).toBe('Community (club_42)');
    expect(launchSourceText('feed_recommended', 'ru')).toBe('Лента новостей (feed_recommended)');
    expect(launchSourceText('featuring_games', 'en')).toBe('VK featuring (featuring_games)');
    expect(launchSourceText('notifications_new', 'en')).toBe('Notifications (notifications_new)');
    expect(launchSourceText('story_reply', 'ru')).toBe('История (story_reply)');
    expect(launchSourceText('snippet_chat', 'en')).toBe('Link card (snippet_chat)');
  });

  it('shows anything unknown as sent (a Telegram start_param, a name VK has not documented)', () => {
    expect(launchSourceText('promo_autumn', 'ru')).toBe('promo_autumn');
    expect(launchSourceText('constructor', 'en')).toBe('constructor');
    expect(launchSourceText('toString', 'en')).toBe('toString');
    // Not a family member by a shared first letters.
    expect(launchSourceText('adventure', 'en')).toBe('adventure');
    expect(launchSourceText('storyteller', 'en')).toBe('storyteller');
  });

  it('says in words when there was no source, and for the report’s «(none)»', () => {
    for (const none of [null, undefined, '', NO_SOURCE]) {
      expect(launchSourceText(none, 'ru')).toBe('Без источника');
      expect(launchSourceText(none, 'en')).toBe('No source');
    }
  });
});
