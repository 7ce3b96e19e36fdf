import { describe, expect, it } from 'vitest';
import { CampaignContentSchema } from '../campaigns/campaign-document.ts';
import { findTemplate } from './index.ts';

describe('pack-code template', () => {
  it('item 3: the catalogue lists "pack-code": a valid code-mechanic document with an entry pool and calendar prizes', () => {
    const template = findTemplate('pack-code');
    expect(template?.mechanic).toBe('code');
    const now = Date.UTC(2026, 5, 1, 12);
    const doc = CampaignContentSchema.parse(template?.document(now));
    expect(doc.startsAt).toBeGreaterThan(now);
    expect(doc.settings.instantWin?.mode).toBe('calendar');
    const entry = doc.pools.find((p) => p.key === doc.settings.packCode?.poolKey);
    expect(entry?.purpose).toBe('entry');
    expect(doc.rewards.every((r) => 'code' in r.unlock)).toBe(true);
    for (const text of [doc.title, doc.description, doc.rulesText, template?.title, template?.purpose]) {
      expect(text?.ru).not.toBe('');
      expect(text?.en).not.toBe('');
    }
  });
});
