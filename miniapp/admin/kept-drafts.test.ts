/** Office drafts kept on the device are the member's own: another member on the same device is not offered them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftsBelongTo, dropDraft, keepDraft, readDraft } from './kept-drafts.ts';
import { memoryStorage } from './testing/memory-storage.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  draftsBelongTo(undefined);
});

describe('kept drafts', () => {
  it("are kept per member: one member's draft is not another's, and each gets their own back", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    draftsBelongTo('vk:100002');
    keepDraft('campaign.1', { title: 'правка админа' }, 1_000);
    draftsBelongTo('vk:100004');
    expect(readDraft('campaign.1')).toBeUndefined();
    keepDraft('campaign.1', { title: 'правка агентства' }, 2_000);
    dropDraft('campaign.1');
    draftsBelongTo('vk:100002');
    expect(readDraft('campaign.1')).toEqual({ value: { title: 'правка админа' }, keptAt: 1_000 });
  });

  it('with no member known, nothing is kept or offered', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    draftsBelongTo(undefined);
    keepDraft('campaign.1', { title: 'правка' });
    expect(storage.length).toBe(0);
    expect(readDraft('campaign.1')).toBeUndefined();
  });
});
