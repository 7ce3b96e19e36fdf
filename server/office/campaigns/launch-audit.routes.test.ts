/**
 * Decision 117: what the launch right does is filed under `launch` in the audit log — every status change (the
 * server's own promotion too) and a published campaign's dates moved in a save (an entry of its own beside the
 * revision, which stays under `campaigns`). Old status changes, written under `campaigns`, read as `launch`. Who reads
 * them: a member holding `campaigns` and `launch`; one with `campaigns` alone sees the revisions, not the launches; one
 * with `launch` alone (an old row) nothing of either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { DAY } from '../../promo/testing/promo-world.ts';
import { promoteDueCampaigns } from './campaign-lifecycle.ts';
import {
  type Body,
  CAMPAIGNS_ONLY,
  createOfficeWorld,
  EDITOR,
  LAUNCH_ONLY,
  type OfficeWorld,
} from './office-campaign.test-world.ts';

let w: OfficeWorld;
beforeAll(async () => {
  w = await createOfficeWorld();
}, 60_000);
afterAll(async () => w?.close());

async function newCampaign(): Promise<number> {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  await w.codes(created.body.id, 'discount15', 10);
  return created.body.id;
}
const setStatus = async (id: number, to: string) =>
  expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to })).status).toBe(200);

/** The entries of one campaign a member reads, oldest first, as `action@section`, optionally filtered by section. */
async function read(user: number, id: number, section?: string): Promise<string[]> {
  const q = new URLSearchParams({ brandId: String(w.brandId), limit: '100', ...(section ? { section } : {}) });
  const res = await w.json('GET', `/api/admin/audit?${q}`, user);
  expect(res.status).toBe(200);
  return (res.body.entries as Body[])
    .filter((e) => e.entityId === String(id))
    .reverse()
    .map((e) => `${e.action}@${e.section}`);
}

describe('the launch section of the audit log', () => {
  it('status changes are filed under launch, read by who may launch and found by its filter', async () => {
    const id = await newCampaign();
    for (const to of ['live', 'paused', 'live', 'ended', 'archived']) await setStatus(id, to);
    const launches = [
      'campaign.live@launch',
      'campaign.paused@launch',
      'campaign.resume@launch',
      'campaign.ended@launch',
      'campaign.archived@launch',
    ];
    expect(await read(EDITOR, id)).toEqual(['campaign.create@campaigns', ...launches]);
    expect(await read(EDITOR, id, 'launch')).toEqual(launches);
    expect(await read(EDITOR, id, 'campaigns')).toEqual(['campaign.create@campaigns']);
    expect(await read(CAMPAIGNS_ONLY, id)).toEqual(['campaign.create@campaigns']);
    expect(await read(CAMPAIGNS_ONLY, id, 'launch')).toEqual([]);
    expect(await read(LAUNCH_ONLY, id)).toEqual([]);
    expect(await read(LAUNCH_ONLY, id, 'launch')).toEqual([]);
  });

  it('a published campaign’s dates moved: the revision under campaigns, the dates under launch', async () => {
    const id = await newCampaign();
    await setStatus(id, 'live');
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const endsAt = w.clock.now + 3 * DAY;
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, { ...doc, endsAt });
    expect(saved.status).toBe(200);
    expect(await read(EDITOR, id)).toEqual([
      'campaign.create@campaigns',
      'campaign.live@launch',
      'campaign.revise@campaigns',
      'campaign.move_dates@launch',
    ]);
    const q = new URLSearchParams({ brandId: String(w.brandId), section: 'launch', limit: '1' });
    const [moved] = (await w.json('GET', `/api/admin/audit?${q}`, EDITOR)).body.entries;
    expect(moved).toMatchObject({
      action: 'campaign.move_dates',
      before: { startsAt: doc.startsAt, endsAt: doc.endsAt },
      after: { startsAt: doc.startsAt, endsAt },
    });
    expect(await read(CAMPAIGNS_ONLY, id)).toEqual(['campaign.create@campaigns', 'campaign.revise@campaigns']);

    // A text alone changed: a revision, no dates entry.
    const retitled = { ...saved.body.document, title: { ...doc.title, ru: 'Другое имя' } };
    expect((await w.json('PUT', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY, retitled)).status).toBe(200);
    expect((await read(EDITOR, id, 'launch')).filter((e) => e.startsWith('campaign.move_dates'))).toHaveLength(1);
  });

  it('the server’s own promotion at the start is filed under launch', async () => {
    const id = await newCampaign();
    await setStatus(id, 'scheduled');
    w.clock.advance(DAY);
    expect(await promoteDueCampaigns(w.deps)).toContain(id);
    expect(await read(EDITOR, id, 'launch')).toEqual(['campaign.scheduled@launch', 'campaign.live@launch']);
  });

  it('a status change written under campaigns before decision 117 reads as launch', async () => {
    const id = await newCampaign();
    await w.write((tx) =>
      tx.insert(schema.officeAudit).values({
        brandId: w.brandId,
        agencyId: w.agencyId,
        actorPlatform: 'vk',
        actorUserId: String(EDITOR),
        section: 'campaigns',
        action: 'campaign.paused',
        entity: 'campaign',
        entityId: String(id),
        before: { status: 'live' },
        after: { status: 'paused' },
      }),
    );
    expect(await read(EDITOR, id, 'launch')).toEqual(['campaign.paused@launch']);
    expect(await read(EDITOR, id, 'campaigns')).toEqual(['campaign.create@campaigns']);
    expect(await read(CAMPAIGNS_ONLY, id)).toEqual(['campaign.create@campaigns']);
  });
});
