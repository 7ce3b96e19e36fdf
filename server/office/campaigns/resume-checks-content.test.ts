/**
 * Going live again is checked as going live the first time. A paused campaign whose texts an earlier release left
 * blank (rows written directly) was resumed with a 200 and shown to participants with no title, while its first launch
 * with the same content was a 422 `not_publishable`. Now resuming (and launching a scheduled campaign) runs the same
 * check: the same 422 naming the fields, and nothing changes — still paused, no audit entry — until they are fixed.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld, PARTICIPANT } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const status = (id: number, to: string) => w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to });

/** A campaign from a template, with codes for its reward, launched: 200 once, as every first launch is checked. */
async function launched(to: 'live' | 'scheduled' = 'live') {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  expect(created.status).toBe(201);
  const id: number = created.body.id;
  await w.codes(id, 'discount15', 10);
  expect((await status(id, to)).status).toBe(200);
  return id;
}

/** Texts an earlier release let through: a blank campaign title and a task title of spaces. */
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

const refusedPaths = (body: { error: { issues: { path: string }[] } }) => body.error.issues.map((i) => i.path);

describe('going live again checks the content as the first launch does', () => {
  it('a paused campaign with blank required texts is not resumed: the first launch’s 422, nothing changed', async () => {
    w = await createOfficeWorld();
    const id = await launched();
    expect((await status(id, 'paused')).status).toBe(200);
    await blankTexts(id);
    const audited = (await w.deps.db.select().from(schema.officeAudit)).length;

    const resumed = await status(id, 'live');
    expect(resumed.status, JSON.stringify(resumed.body).slice(0, 300)).toBe(422);
    expect(resumed.body.error.code).toBe('not_publishable');
    expect(refusedPaths(resumed.body)).toEqual(expect.arrayContaining(['title.ru', 'tasks.0.title.ru']));
    expect(resumed.body.problems).toContainEqual(expect.objectContaining({ path: 'title.ru', code: 'title_missing' }));
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    expect(row?.status).toBe('paused');
    expect(await w.deps.db.select().from(schema.officeAudit)).toHaveLength(audited);
    expect((await w.json('GET', `/api/campaigns/${id}`, PARTICIPANT)).body).toMatchObject({ phase: 'paused' });

    // Fixed through the office, it resumes.
    const opened = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const tasks = opened.tasks.map((t: { title: object }, i: number) =>
      i === 0 ? { ...t, title: { ru: 'Вступить', en: 'Join' } } : t,
    );
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...opened,
      title: { ru: 'Акция', en: 'Promo' },
      tasks,
    });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    expect((await status(id, 'live')).status).toBe(200);
  });

  it('a scheduled campaign with blank required texts is not launched by hand either', async () => {
    w = await createOfficeWorld();
    const id = await launched('scheduled');
    await blankTexts(id);
    const launch = await status(id, 'live');
    expect(launch.status).toBe(422);
    expect(refusedPaths(launch.body)).toEqual(expect.arrayContaining(['title.ru', 'tasks.0.title.ru']));
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    expect(row?.status).toBe('scheduled');
  });
});
