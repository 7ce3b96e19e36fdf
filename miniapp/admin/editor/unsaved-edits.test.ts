/** Unsaved editor changes kept on the device (kept-drafts.ts): given back on the version they were made on, and only then. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftsBelongTo } from '../kept-drafts.ts';
import type { CampaignDocument } from '../office-api.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { dropUnsavedEdits, keepUnsavedEdits, takeUnsavedEdits } from './unsaved-edits.ts';

const doc = (id: number, editVersion: number, ru: string) =>
  ({ id, editVersion, title: { ru, en: '' } }) as unknown as CampaignDocument;

beforeEach(() => draftsBelongTo('vk:1'));
afterEach(() => vi.unstubAllGlobals());

describe('unsaved edits', () => {
  it('come back for the campaign and version they were made on, with when they were made', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    keepUnsavedEdits(doc(7, 3, 'правка'), 1_000);
    keepUnsavedEdits(doc(8, 1, 'другая'), 2_000);
    expect(takeUnsavedEdits(7, 3)).toEqual({ document: doc(7, 3, 'правка'), keptAt: 1_000 });
    expect(takeUnsavedEdits(8, 1)?.document.title.ru).toBe('другая');
    dropUnsavedEdits(7);
    expect(takeUnsavedEdits(7, 3)).toBeUndefined();
  });

  it('made on a version saved over since, or unreadable, they are dropped rather than offered', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    keepUnsavedEdits(doc(7, 3, 'правка'), 1_000);
    expect(takeUnsavedEdits(7, 4)).toBeUndefined();
    expect(storage.length).toBe(0);
    storage.setItem('promo.office.draft.vk:1.campaign.9', '{not json');
    expect(takeUnsavedEdits(9, 0)).toBeUndefined();
    storage.setItem('promo.office.draft.vk:1.campaign.9', JSON.stringify({ value: doc(10, 0, 'чужая'), keptAt: 1 }));
    expect(takeUnsavedEdits(9, 0)).toBeUndefined();
  });

  it('storage that is missing or refuses writes keeps nothing and breaks nothing', () => {
    vi.stubGlobal('localStorage', {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(() => keepUnsavedEdits(doc(7, 3, 'правка'))).not.toThrow();
    expect(takeUnsavedEdits(7, 3)).toBeUndefined();
    vi.stubGlobal('localStorage', undefined);
    expect(() => keepUnsavedEdits(doc(7, 3, 'правка'))).not.toThrow();
    expect(takeUnsavedEdits(7, 3)).toBeUndefined();
  });
});
