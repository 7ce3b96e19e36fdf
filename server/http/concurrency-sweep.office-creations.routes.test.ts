/**
 * The office's creations sent 2 and 8 times at once with one `clientKey` (a double click, a retry racing the first
 * send), over the real adapter on 127.0.0.1 with the demo world and its brand admin: every answer is the one thing
 * the first wrote, and the database holds one row and one audit row; the key sent again with something else is a 409.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { hashToken } from '../office/team/invitation.service.ts';
import { DEMO_ADMIN_VK_ID, DEMO_AGENCY_OWNER_VK_ID } from '../seed/demo-ids.ts';
import { type Answer, type BurstWorld, burstProblems, createBurstWorld, errorCode } from './testing/burst.ts';

let w: BurstWorld;
beforeAll(async () => {
  w = await createBurstWorld();
}, 30_000);
afterAll(async () => w?.stop());

const ADMIN = DEMO_ADMIN_VK_ID;
const TIMES = [2, 8] as const;
const { officeAudit, campaigns, invitations, cannedAnswers, brands, kbArticles, messageRules, prizeMoments } = schema;

const idOf = (a: Answer) => (a.body as { id?: number }).id;
const auditsOf = (action: string, ids: (number | undefined)[]) =>
  w.deps.db
    .select()
    .from(officeAudit)
    .where(eq(officeAudit.action, action))
    .then((rows) => rows.filter((r) => ids.includes(Number(r.entityId))));

describe.each(TIMES)('the same office creation %i times at once with one key', (n) => {
  it('a campaign duplicated: one copy, one audit row, every answer the copy', async () => {
    const id = w.campaign('brand-quiz');
    const body = { clientKey: `duplicate-${n}-${id}` };
    const answers = await w.burst(n, 'POST', `/api/admin/campaigns/${id}/duplicate`, ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const copies = await w.deps.db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.brandId, w.brandId), like(campaigns.slug, 'brand-quiz-copy%')));
    expect(copies.map((c) => c.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'campaign.duplicate',
        copies.map((c) => c.id),
      ),
    ).toHaveLength(1);
    // Deleted for the next size's count; the key with another campaign is another composition.
    const other = await w.send('POST', `/api/admin/campaigns/${w.campaign('summer-tasks')}/duplicate`, ADMIN, body);
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
    await w.write((tx) =>
      tx
        .update(campaigns)
        .set({ slug: `gone-${n}` })
        .where(eq(campaigns.id, copies[0]?.id as number)),
    );
  });

  it('a campaign from a template: one draft, one audit row, every answer the draft', async () => {
    const body = { brandId: w.brandId, templateKey: 'tasks-reward', clientKey: `template-${n}` };
    const before = new Set((await w.deps.db.select({ id: campaigns.id }).from(campaigns)).map((c) => c.id));
    const answers = await w.burst(n, 'POST', '/api/admin/campaigns', ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const made = (await w.deps.db.select({ id: campaigns.id }).from(campaigns)).filter((c) => !before.has(c.id));
    expect(made.map((c) => c.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'campaign.create',
        made.map((c) => c.id),
      ),
    ).toHaveLength(1);
    const other = await w.send('POST', '/api/admin/campaigns', ADMIN, { ...body, templateKey: 'pack-code' });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it('an invitation link: one invitation, one audit row, every answer the same link', async () => {
    const body = { brandId: w.brandId, role: 'brand_member', sections: ['mailings'], clientKey: `invite-${n}-key` };
    const answers = await w.burst(n, 'POST', '/api/admin/team/invitations', ADMIN, body);
    const link = (a: Answer) => [(a.body as { id?: number }).id, (a.body as { token?: string }).token];
    expect(burstProblems(answers, { winners: n, sameAnswer: link })).toEqual([]);
    const made = await w.deps.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(String(link(answers[0] as Answer)[1]))));
    expect(made).toHaveLength(1);
    const all = await w.deps.db.select({ id: invitations.id }).from(invitations);
    expect(
      await auditsOf(
        'invitation.create',
        all.map((i) => i.id),
      ),
    ).toHaveLength(all.length);
    expect(Math.max(...all.map((i) => i.id))).toBe(made[0]?.id);
    const other = await w.send('POST', '/api/admin/team/invitations', ADMIN, { ...body, sections: ['support'] });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
    // The link it answers is the one that works.
    const accepted = await w.send(
      'POST',
      `/api/office/invitations/${link(answers[0] as Answer)[1]}/accept`,
      990_000 + n,
    );
    expect(accepted.status).toBeLessThan(300);
  });

  it('a canned answer added: one answer, one audit row, every answer the same', async () => {
    const body = { title: `Код ${n}`, bodyRu: 'Код придёт в течение часа', clientKey: `canned-${n}-key` };
    const path = `/api/admin/support/brands/${w.brandId}/canned`;
    const answers = await w.burst(n, 'POST', path, ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const made = await w.deps.db
      .select({ id: cannedAnswers.id })
      .from(cannedAnswers)
      .where(and(eq(cannedAnswers.brandId, w.brandId), eq(cannedAnswers.title, body.title)));
    expect(made.map((c) => c.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'canned.create',
        made.map((c) => c.id),
      ),
    ).toHaveLength(1);
    const other = await w.send('POST', path, ADMIN, { ...body, bodyRu: 'Другой текст' });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it('a knowledge-base article added: one article, one audit row, every answer the same', async () => {
    const body = { titleRu: `Где код ${n}`, bodyRu: 'Код придёт в течение часа', clientKey: `article-${n}-key` };
    const path = `/api/admin/support/brands/${w.brandId}/articles`;
    const answers = await w.burst(n, 'POST', path, ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const made = await w.deps.db
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(and(eq(kbArticles.brandId, w.brandId), eq(kbArticles.titleRu, body.titleRu)));
    expect(made.map((a) => a.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'kb_article.create',
        made.map((a) => a.id),
      ),
    ).toHaveLength(1);
    const other = await w.send('POST', path, ADMIN, { ...body, published: true });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it('a funnel rule created: one rule, one audit row, every answer the same', async () => {
    const id = w.campaign('summer-tasks');
    const body = {
      name: `Напоминание ${n}`,
      stage: 'opened',
      notStage: 'task_done',
      minHours: 24,
      channel: 'message',
      variants: [{ key: 'A', text: 'Задание ждёт', texts: { ru: 'Задание ждёт' } }],
      segment: { tags: ['vip'], languages: ['ru'] },
      clientKey: `rule-${n}-key`,
    };
    const path = `/api/admin/mailing/campaigns/${id}/rules`;
    const answers = await w.burst(n, 'POST', path, ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const made = await w.deps.db
      .select({ id: messageRules.id })
      .from(messageRules)
      .where(and(eq(messageRules.campaignId, id), eq(messageRules.name, body.name)));
    expect(made.map((r) => r.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'rule.create',
        made.map((r) => r.id),
      ),
    ).toHaveLength(1);
    const other = await w.send('POST', path, ADMIN, { ...body, minHours: 48 });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it("the calendar's moments generated: one generation, one audit row, every answer the same", async () => {
    const id = w.campaign('lucky-wheel');
    const calendar = await w.send('GET', `/api/admin/campaigns/${id}/calendar`, ADMIN);
    const prize = (calendar.body as { prizes: { key: string }[] }).prizes[0]?.key as string;
    const body = { mode: 'spread', rewards: [{ rewardKey: prize, count: 3 }], clientKey: `generate-${n}-key` };
    const moments = () =>
      w.deps.db
        .select({ id: prizeMoments.id })
        .from(prizeMoments)
        .where(eq(prizeMoments.campaignId, id))
        .then((rows) => rows.length);
    const audits = () => auditsOf('calendar.generate', [id]).then((rows) => rows.length);
    const [momentsBefore, auditsBefore] = [await moments(), await audits()];
    const path = `/api/admin/campaigns/${id}/calendar/generate`;
    const answers = await w.burst(n, 'POST', path, ADMIN, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: (a) => JSON.stringify(a.body) })).toEqual([]);
    expect(((answers[0] as Answer).body as { created?: number }).created).toBe(3);
    expect(await moments()).toBe(momentsBefore + 3);
    expect(await audits()).toBe(auditsBefore + 1);
    const other = await w.send('POST', path, ADMIN, { ...body, mode: 'per_day' });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it('a brand made by the agency: one brand, one audit row, every answer the same', async () => {
    const [agency] = await w.deps.db.select({ id: brands.agencyId }).from(brands).where(eq(brands.id, w.brandId));
    const body = { agencyId: agency?.id, name: `Бренд ${n}`, clientKey: `brand-${n}-key` };
    const answers = await w.burst(n, 'POST', '/api/admin/agency/brands', DEMO_AGENCY_OWNER_VK_ID, body);
    expect(burstProblems(answers, { winners: n, sameAnswer: idOf })).toEqual([]);
    const made = await w.deps.db.select({ id: brands.id }).from(brands).where(eq(brands.name, body.name));
    expect(made.map((b) => b.id)).toEqual([idOf(answers[0] as Answer)]);
    expect(
      await auditsOf(
        'brand.create',
        made.map((b) => b.id),
      ),
    ).toHaveLength(1);
    const other = await w.send('POST', '/api/admin/agency/brands', DEMO_AGENCY_OWNER_VK_ID, {
      ...body,
      name: 'Другой',
    });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
  });

  it('campaigns from a template without a key: one draft per request, each with its own slug, no 5xx', async () => {
    const before = (await w.deps.db.select({ id: campaigns.id }).from(campaigns)).length;
    const body = { brandId: w.brandId, templateKey: 'pack-code' };
    const answers = await w.burst(n, 'POST', '/api/admin/campaigns', ADMIN, body);
    expect(burstProblems(answers, { winners: n })).toEqual([]);
    expect(new Set(answers.map(idOf)).size).toBe(n);
    expect((await w.deps.db.select({ id: campaigns.id }).from(campaigns)).length).toBe(before + n);
  });
});
