/** The giveaway template: a valid document that the office could publish as is, with a working draw. */
import { describe, expect, it } from 'vitest';
import { drawProblems } from '../../promo/draw/draw-problems.ts';
import { CampaignContentSchema } from '../campaigns/campaign-document.ts';
import { campaignProblems } from '../campaigns/campaign-problems.ts';
import { giveawayDraw } from './giveaway-draw.ts';
import { findTemplate } from './index.ts';

const NOW = Date.UTC(2026, 5, 1, 9);

describe('giveaway-draw template', () => {
  it('item 1: is in the catalogue, parses as a document, and has no error problems (office and draw)', () => {
    expect(findTemplate('giveaway-draw')).toBe(giveawayDraw);
    const doc = CampaignContentSchema.parse(giveawayDraw.document(NOW));
    expect(doc).toMatchObject({ mechanic: 'tasks', legalType: 'giveaway' });
    expect(doc.settings.draw?.requiredTaskKeys).toEqual(['join', 'messages', 'share']);
    expect(doc.settings.draw?.drawAt).toBeGreaterThan(doc.endsAt);
    const ctx = { now: NOW, community: { vkGroupId: 1 }, botToken: { configured: true, groupId: 1 } };
    expect(campaignProblems(doc, ctx).filter((p) => p.severity === 'error')).toEqual([]);
    expect(drawProblems(doc)).toEqual([]);
  });

  it('item 1: a draw naming a task the campaign lacks, on a wheel, is an error', () => {
    const doc = CampaignContentSchema.parse(giveawayDraw.document(NOW));
    const broken = { ...doc, mechanic: 'wheel', tasks: doc.tasks.filter((t) => t.key !== 'share') };
    expect(drawProblems(broken).map((p) => [p.path, p.code])).toEqual([
      ['settings.draw', 'draw_wrong_mechanic'],
      ['settings.draw.requiredTaskKeys.2', 'draw_unknown_task'],
    ]);
  });
});
