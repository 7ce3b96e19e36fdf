import { describe, expect, it } from 'vitest';
import { CampaignContentSchema } from '../campaigns/campaign-document.ts';
import { campaignProblems } from '../campaigns/campaign-problems.ts';
import { findTemplate, TEMPLATES } from './index.ts';

describe('calculator template', () => {
  it('item 3: the catalogue lists "calculator-lead": a valid calculator document, publishable without prizes', () => {
    const template = findTemplate('calculator-lead');
    expect(template?.mechanic).toBe('calculator');
    expect(TEMPLATES.filter((t) => t.mechanic === 'calculator')).toHaveLength(1);
    const now = Date.UTC(2026, 10, 1, 12);
    const doc = CampaignContentSchema.parse(template?.document(now));
    expect(doc.mechanic).toBe('calculator');
    expect(doc.startsAt).toBeGreaterThan(now);
    const ctx = { now, community: { vkGroupId: 1 }, botToken: { configured: true, groupId: 1 } };
    // No prizes is right for a calculator: not even the "no rewards" warning.
    expect(campaignProblems(doc, ctx)).toEqual([]);
    for (const text of [doc.title, doc.description, doc.rulesText, template?.title, template?.purpose]) {
      expect(text?.ru).not.toBe('');
      expect(text?.en).not.toBe('');
    }
  });
});
