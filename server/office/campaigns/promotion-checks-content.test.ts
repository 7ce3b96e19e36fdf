/**
 * The server's own promotion at the start time runs the check every launch by hand runs (requireReadyForAir). A
 * scheduled campaign whose stored texts a launch refuses (an earlier release's blank title, in every language) went
 * on the air at its time all the same; now it stays scheduled, invisible to participants, the office reads why (its
 * problems, one audit entry however many rounds pass), and once fixed the next round promotes it.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { DAY } from '../../promo/testing/promo-world.ts';
import { promoteDueCampaigns, REFUSED } from './campaign-lifecycle.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld, PARTICIPANT } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

/** A campaign from a template with codes for its reward, scheduled (checked then: its texts were fine). */
async function scheduled() {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  const id: number = created.body.id;
  await w.codes(id, 'discount15', 10);
  expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'scheduled' })).status).toBe(200);
  return id;
}

/** Texts an earlier release let through: no campaign title in any language, a task title of spaces. */
async function blankTexts(id: number) {
  await w.write(async (tx) => {
    await tx.update(schema.campaigns).set({ title: '', translations: {} }).where(eq(schema.campaigns.id, id));
    const [task] = await tx.select().from(schema.tasks).where(eq(schema.tasks.campaignId, id)).limit(1);
    if (!task) throw new Error('the template has a task');
    await tx
      .update(schema.tasks)
      .set({ title: '   ', translations: {} })
      .where(and(eq(schema.tasks.campaignId, id), eq(schema.tasks.key, task.key)));
  });
}

const statusOf = async (id: number) =>
  (await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)))[0]?.status;
const refusals = async () => (await w.deps.db.select().from(schema.officeAudit)).filter((a) => a.action === REFUSED);

describe('the promotion at the start time checks the content as a launch does', () => {
  it('a scheduled campaign a launch would refuse stays scheduled, the office sees why; fixed, it goes live', async () => {
    w = await createOfficeWorld();
    const id = await scheduled();
    await blankTexts(id);
    w.clock.advance(DAY);

    expect(await promoteDueCampaigns(w.deps)).toEqual([]);
    expect(await statusOf(id)).toBe('scheduled');
    // Participants read only that it has not started (decision 105).
    expect((await w.json('GET', `/api/campaigns/${id}`, PARTICIPANT)).status).toBe(409);
    // What the office opens: still scheduled, the errors a launch names.
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(opened.body.document.status).toBe('scheduled');
    expect(opened.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'title.ru', code: 'title_missing', severity: 'error' }),
        expect.objectContaining({ path: 'tasks.0.title.ru', code: 'title_missing', severity: 'error' }),
        expect.objectContaining({ path: 'startsAt', code: 'start_passed', severity: 'warning' }),
      ]),
    );
    const listed = async () =>
      (await w.json('GET', `/api/admin/campaigns?brandId=${w.brandId}`, EDITOR)).body.campaigns.find(
        (c: { id: number }) => c.id === id,
      );
    expect(await listed()).toMatchObject({ status: 'scheduled', startPassed: true });
    // The log says once that the server did not launch it and why, not once per round.
    expect(await promoteDueCampaigns(w.deps)).toEqual([]);
    await Promise.all([1, 2, 3].map(() => promoteDueCampaigns(w.deps)));
    const refused = await refusals();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actorUserId: 'server',
      entityId: String(id),
      after: { status: 'scheduled', problems: expect.arrayContaining(['title.ru: title_missing']) },
    });
    expect((await w.deps.db.select().from(schema.officeAudit)).filter((a) => a.action === 'campaign.live')).toEqual([]);

    // Fixed through the office (a revision of the scheduled campaign), the next round promotes it.
    const doc = opened.body.document;
    const tasks = doc.tasks.map((t: { title: object }, i: number) =>
      i === 0 ? { ...t, title: { ru: 'Вступить', en: 'Join' } } : t,
    );
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      title: { ru: 'Акция', en: 'Promo' },
      tasks,
    });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    expect(await promoteDueCampaigns(w.deps)).toEqual([id]);
    expect((await w.json('GET', `/api/campaigns/${id}`, PARTICIPANT)).body).toMatchObject({
      status: 'live',
      phase: 'running',
    });
    expect(await refusals()).toHaveLength(1);
    expect(await listed()).toMatchObject({ status: 'live', startPassed: false });
  });

  it('a scheduled campaign ahead of its start is not marked; a launch by hand with its start passed is not refused for it', async () => {
    w = await createOfficeWorld();
    const id = await scheduled();
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(opened.body.problems.map((p: { code: string }) => p.code)).not.toContain('start_passed');
    w.clock.advance(DAY);
    // A warning only: launching by hand what the promotion has not reached yet still works.
    expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
  });
});
