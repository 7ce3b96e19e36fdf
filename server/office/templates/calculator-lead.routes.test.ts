/** The calculator template through the office and participant routes, on either database. */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { INSURANCE } from '../../calculator/testing/calculator-world.ts';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld, PARTICIPANT } from '../campaigns/office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

describe('calculator template in the office', () => {
  it('item 3: cloned from the catalogue, given its calculator and launched, it takes participants through the calculator stages', async () => {
    w = await createOfficeWorld();
    const draft = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'calculator-lead',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.mechanic).toBe('calculator');
    const id = draft.body.id as number;
    // Not before its calculator is saved: participants would meet only 409 no_calculator (found from outside).
    const early = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('no_calculator');
    const calculator = { config: INSURANCE, savedAt: null };
    expect((await w.json('PUT', `/api/admin/campaigns/${id}/calculator`, EDITOR, calculator)).status).toBe(200);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect([live.status, live.body.status]).toEqual([200, 'live']);

    expect((await w.json('POST', `/api/campaigns/${id}/open`, PARTICIPANT)).status).toBe(200);
    const opened = await w.json('POST', `/api/campaigns/${id}/calculator/open`, PARTICIPANT);
    expect(opened.body.inputs.map((i: { name: string }) => i.name)).toEqual(['area', 'price', 'gas', 'months']);
    const result = await w.json('POST', `/api/campaigns/${id}/calculator/calculate`, PARTICIPANT, {
      inputs: { area: 54, price: 12.5, gas: true, months: 7 },
    });
    expect(result.body.result).toBe(492.19);
    const [participant] = await w.deps.db
      .select({ stage: schema.participants.stage })
      .from(schema.participants)
      .where(and(eq(schema.participants.campaignId, id), eq(schema.participants.platformUserId, String(PARTICIPANT))));
    // The mechanic's stages were given to the campaign on cloning, so the funnel records the calculation.
    expect(participant?.stage).toBe('calculated');
  });
});
