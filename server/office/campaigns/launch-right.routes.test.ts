/**
 * Decision 116: every status change of a campaign needs `campaigns` and `launch`. A permission matrix over each change
 * × {campaigns+launch, campaigns only, launch only, no campaign section, another brand}: the refused get 403 `forbidden`
 * naming the launch right (404 for another brand), the campaign keeps its status and no status entry reaches the audit
 * log; the one with both rights makes the change. Saving a published campaign's text stays on `campaigns`; moving its
 * dates (whether participants can take part) needs `launch` too.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import type { CampaignStatus } from '../../db/schema/campaign.ts';
import {
  CAMPAIGNS_ONLY,
  createOfficeWorld,
  EDITOR,
  LAUNCH_ONLY,
  NO_SECTION,
  type OfficeWorld,
  OTHER_BRAND,
} from './office-campaign.test-world.ts';

let w: OfficeWorld;
beforeAll(async () => {
  w = await createOfficeWorld();
}, 60_000);
afterAll(async () => w?.close());

/** Each status change the lifecycle allows, and the way there from a new draft. */
const CHANGES: Array<{ name: string; path: CampaignStatus[]; to: CampaignStatus }> = [
  { name: 'publish and go live', path: [], to: 'live' },
  { name: 'schedule', path: [], to: 'scheduled' },
  { name: 'launch a scheduled one', path: ['scheduled'], to: 'live' },
  { name: 'take off the schedule', path: ['scheduled'], to: 'draft' },
  { name: 'pause', path: ['live'], to: 'paused' },
  { name: 'resume', path: ['live', 'paused'], to: 'live' },
  { name: 'end a live one', path: ['live'], to: 'ended' },
  { name: 'end a paused one', path: ['live', 'paused'], to: 'ended' },
  { name: 'archive', path: ['live', 'ended'], to: 'archived' },
];
const REFUSED: Array<{ who: string; user: number; status: number }> = [
  { who: 'campaigns only', user: CAMPAIGNS_ONLY, status: 403 },
  { who: 'launch only', user: LAUNCH_ONLY, status: 403 },
  { who: 'no campaign section', user: NO_SECTION, status: 403 },
  { who: 'another brand', user: OTHER_BRAND, status: 404 },
];

const setStatus = (id: number, user: number, to: string) =>
  w.json('POST', `/api/admin/campaigns/${id}/status`, user, { to });
const statusOf = async (id: number) =>
  (await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)))[0]?.status;
const statusEntries = async (id: number) =>
  (await w.deps.db.select().from(schema.officeAudit)).filter(
    (a) => a.entityId === String(id) && a.action !== 'campaign.create',
  ).length;

/** A campaign from the catalogue, ready for air, moved along `path` by the member who may launch. */
async function campaignAt(path: CampaignStatus[]): Promise<number> {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  const id: number = created.body.id;
  await w.codes(id, 'discount15', 10);
  for (const step of path) expect((await setStatus(id, EDITOR, step)).status).toBe(200);
  return id;
}

describe('the launch right', () => {
  for (const change of CHANGES) {
    it(`${change.name}: only campaigns + launch may`, async () => {
      const id = await campaignAt(change.path);
      const from = await statusOf(id);
      const entries = await statusEntries(id);
      for (const r of REFUSED) {
        const res = await setStatus(id, r.user, change.to);
        expect(res.status, `${r.who}`).toBe(r.status);
        if (r.user === CAMPAIGNS_ONLY) {
          expect(res.body.error.code).toBe('forbidden');
          expect(res.body.error.message).toContain('launch');
        }
        expect(await statusOf(id), r.who).toBe(from);
        expect(await statusEntries(id), r.who).toBe(entries);
      }
      const ok = await setStatus(id, EDITOR, change.to);
      expect(ok.status).toBe(200);
      expect(await statusOf(id)).toBe(change.to);
    });
  }

  it('saving a live campaign’s text needs campaigns alone; moving its dates needs launch', async () => {
    const id = await campaignAt(['live']);
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY);
    expect(opened.status).toBe(200);
    const doc = opened.body.document;
    const retitled = { ...doc, title: { ...doc.title, ru: 'Новое имя' } };
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY, retitled);
    expect(saved.status).toBe(200);
    const current = saved.body.document;

    const ended = { ...current, endsAt: w.clock.now + 3_600_000 };
    const refused = await w.json('PUT', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY, ended);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('launch');
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    expect(row?.endsAt).toBe(current.endsAt);
    expect(row?.editVersion).toBe(current.editVersion);

    expect((await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, ended)).status).toBe(200);
  });

  it('a draft’s dates, preview, duplicate and revisions stay on campaigns alone', async () => {
    const id = await campaignAt([]);
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY)).body.document;
    const moved = { ...doc, endsAt: doc.endsAt + 86_400_000 };
    expect((await w.json('PUT', `/api/admin/campaigns/${id}`, CAMPAIGNS_ONLY, moved)).status).toBe(200);
    expect((await w.json('POST', `/api/admin/campaigns/${id}/preview`, CAMPAIGNS_ONLY, doc)).status).toBe(200);
    expect((await w.json('POST', `/api/admin/campaigns/${id}/duplicate`, CAMPAIGNS_ONLY)).status).toBe(201);
    expect((await w.json('GET', `/api/admin/campaigns/${id}/revisions`, CAMPAIGNS_ONLY)).status).toBe(200);
  });
});
