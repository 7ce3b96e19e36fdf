import { describe, expect, it } from 'vitest';
import type { CampaignDocument } from '../office-api.ts';
import { sendable } from './use-campaign-draft.ts';

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
