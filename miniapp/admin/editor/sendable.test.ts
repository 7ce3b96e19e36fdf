import { describe, expect, it } from 'vitest';
import type { CampaignDocument } from '../office-api.ts';
import { datesLockedFor, sendable } from './use-campaign-draft.ts';

const server = { id: 1, status: 'live', startsAt: 1_000, endsAt: 9_000, title: { ru: 'Было', en: 'Was' } };
const working = { ...server, startsAt: 2_000, endsAt: 8_000, title: { ru: 'Стало', en: 'Now' } };
const doc = (d: object) => d as unknown as CampaignDocument;

describe('sendable: a published campaign saved by a member without launch (decision 116)', () => {
  it('keeps the server’s start and end, sends the rest as edited', () => {
    expect(sendable(doc(working), doc(server), true)).toEqual({ ...working, startsAt: 1_000, endsAt: 9_000 });
  });
  it('sends the working copy as it is when the dates are not locked', () => {
    expect(sendable(doc(working), doc(server), false)).toBe(working);
  });
});

describe('datesLockedFor: start, end and zone of a published campaign open only to a member known to hold launch', () => {
  it('locked without launch, and while the rights are unknown (asked, or their request failed): fail closed', () => {
    for (const status of ['scheduled', 'live', 'paused'] as const) {
      expect(datesLockedFor(false, status), status).toBe(true);
      expect(datesLockedFor(undefined, status), status).toBe(true);
      expect(datesLockedFor(true, status), status).toBe(false);
    }
  });
  it('a draft’s dates reach no one: open whatever the rights; nothing loaded yet, nothing to lock', () => {
    for (const may of [true, false, undefined]) expect(datesLockedFor(may, 'draft')).toBe(false);
    expect(datesLockedFor(undefined, undefined)).toBe(false);
  });
});
