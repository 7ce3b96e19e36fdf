import { describe, expect, it } from 'vitest';
import { CampaignContentSchema } from '../campaigns/campaign-document.ts';
import { campaignProblems } from '../campaigns/campaign-problems.ts';
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
    const ctx = { now, community: { vkGroupId: 1 }, botToken: { configured: true, groupId: 1 } };
    // A fresh template's only errors are its pools waiting for codes (uploaded in the office before publishing).
    const errors = campaignProblems(doc, ctx).filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.path, p.code])).toEqual([
      ['rewards.1.poolKey', 'pool_without_codes'],
      ['settings.packCode.poolKey', 'pool_without_codes'],
    ]);
    const loaded = { ...doc, pools: doc.pools.map((p) => ({ ...p, total: 100, free: 100 })) };
    expect(campaignProblems(loaded, ctx).filter((p) => p.severity === 'error')).toEqual([]);
    // Without its entry pool or its prizes the document cannot be published, and says where.
    const broken = { ...doc, pools: [], rewards: [] };
    expect(campaignProblems(broken, ctx).map((p) => p.code)).toEqual(
      expect.arrayContaining(['pack_code_pool_missing', 'pack_code_without_prizes']),
    );
    for (const text of [doc.title, doc.description, doc.rulesText, template?.title, template?.purpose]) {
      expect(text?.ru).not.toBe('');
      expect(text?.en).not.toBe('');
    }
  });
});
