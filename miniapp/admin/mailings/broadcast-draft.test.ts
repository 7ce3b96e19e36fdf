/** The composer's kept draft (kept-drafts.ts): back as typed, never an untouched or unreadable one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftsBelongTo } from '../kept-drafts.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import {
  type BroadcastForm,
  dropBroadcastDraft,
  EMPTY_BROADCAST,
  keepBroadcastDraft,
  takeBroadcastDraft,
} from './broadcast-draft.ts';

const typed: BroadcastForm = {
  ...EMPTY_BROADCAST,
  name: 'Новости',
  segment: { languages: ['ru'] },
  texts: { ru: 'Привет', en: '' },
  link: '#/campaign/1',
};

beforeEach(() => draftsBelongTo('vk:1'));
afterEach(() => vi.unstubAllGlobals());

describe('broadcast draft', () => {
  it('comes back as typed for its campaign only, and not once dropped', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    keepBroadcastDraft(1, typed);
    expect(takeBroadcastDraft(1)?.form).toEqual(typed);
    expect(takeBroadcastDraft(2)).toBeUndefined();
    dropBroadcastDraft(1);
    expect(takeBroadcastDraft(1)).toBeUndefined();
  });

  it('an untouched form is not kept, and an unreadable draft is not offered', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    keepBroadcastDraft(1, typed);
    keepBroadcastDraft(1, EMPTY_BROADCAST);
    expect(storage.length).toBe(0);
    for (const value of [{ ...typed, channel: 'sms' }, { ...typed, texts: { ru: 'x' } }, 'text', null]) {
      storage.setItem('promo.office.draft.vk:1.broadcast.1', JSON.stringify({ value, keptAt: 1 }));
      expect(takeBroadcastDraft(1), JSON.stringify(value)).toBeUndefined();
      expect(storage.length).toBe(0);
    }
  });
});
