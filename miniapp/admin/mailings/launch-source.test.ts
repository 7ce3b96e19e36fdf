/** Launch sources in the audience picker: VK's values by name, new ones still recognisable by their raw value. */
import { describe, expect, it } from 'vitest';
import { sourceLabel } from './launch-source.ts';

describe('sourceLabel', () => {
  it('names the sources VK documents, in the office language, without the raw value', () => {
    expect(sourceLabel('catalog_recent', 'ru')).toBe('Каталог: недавние');
    expect(sourceLabel('catalog_recent', 'en')).toBe('Catalog: recent');
    expect(sourceLabel('im_chat', 'ru')).toBe('Чат ВКонтакте');
    expect(sourceLabel('snippet_im', 'en')).toBe('A link in a message');
  });

  it('names a value of a known family and keeps the value beside it', () => {
    expect(sourceLabel('catalog_games', 'ru')).toBe('Каталог (catalog_games)');
    expect(sourceLabel('ad_12345', 'en')).toBe('Ad (ad_12345)');
    // The demo's own sources (server/seed/demo-history.ts).
    expect(sourceLabel('group_menu', 'ru')).toBe('Сообщество (group_menu)');
    expect(sourceLabel('ads', 'en')).toBe('Ad (ads)');
    expect(sourceLabel('story', 'ru')).toBe('Истории (story)');
  });

  it('says an unknown source is unknown and shows its raw value', () => {
    expect(sourceLabel('mystery_ref', 'ru')).toBe('Неизвестный источник (mystery_ref)');
    expect(sourceLabel('mystery_ref', 'en')).toBe('Unknown source (mystery_ref)');
    // An inherited name is not a source's name.
    expect(sourceLabel('constructor', 'en')).toBe('Unknown source (constructor)');
  });
});
