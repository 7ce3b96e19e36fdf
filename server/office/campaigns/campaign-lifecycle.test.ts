/** The server's own promotion of scheduled campaigns: at the start, exactly once however many processes try. */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { DAY } from '../../promo/testing/promo-world.ts';
import { promoteDueCampaigns, startScheduledPromotion } from './campaign-lifecycle.ts';
import { TRANSITIONS } from './campaign-transitions.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
// The pure test runs first, before any world exists: each world is closed once, by the test after its own.
afterEach(async () => w?.close());

describe('scheduled campaigns', () => {
  it('item 4: the transitions table is the one of the lifecycle, and archived is final', () => {
    expect(TRANSITIONS).toEqual({
      draft: ['scheduled', 'live'],
      scheduled: ['draft', 'live'],
      live: ['paused', 'ended'],
      paused: ['live', 'ended'],
      ended: ['archived'],
      archived: [],
    });
  });

  it('item 4: a scheduled campaign goes live at its start, promoted exactly once by concurrent promoters', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    const id = created.body.id;
    await w.codes(id, 'discount15', 10);
    const scheduled = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'scheduled' });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', revision: 1 });
    expect(await promoteDueCampaigns(w.deps)).toEqual([]);
    // Not yet open: participants read only that it has not started (decision 105).
    expect((await w.json('GET', `/api/campaigns/${id}`, 30)).status).toBe(409);

    w.clock.advance(DAY);
    const rounds = await Promise.all([1, 2, 3, 4].map(() => promoteDueCampaigns(w.deps)));
    expect(rounds.flat()).toEqual([id]);
    const audit = (await w.deps.db.select().from(schema.officeAudit)).filter((a) => a.action === 'campaign.live');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: 'server',
      before: { status: 'scheduled' },
      after: { status: 'live' },
    });
    expect((await w.json('GET', `/api/campaigns/${id}`, 30)).body).toMatchObject({
      status: 'live',
      phase: 'running',
    });
  });

  it('item 4: the timer promotes without being asked, and stops when told', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    await w.codes(created.body.id, 'discount15', 10);
    await w.json('POST', `/api/admin/campaigns/${created.body.id}/status`, EDITOR, { to: 'scheduled' });
    w.clock.advance(DAY);
    const stop = startScheduledPromotion(w.deps, 20);
    try {
      for (let i = 0; i < 100; i++) {
        const [row] = await w.deps.db.select({ status: schema.campaigns.status }).from(schema.campaigns);
        if (row?.status === 'live') break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      stop();
    }
    const [row] = await w.deps.db.select({ status: schema.campaigns.status }).from(schema.campaigns);
    expect(row?.status).toBe('live');
  });
});
