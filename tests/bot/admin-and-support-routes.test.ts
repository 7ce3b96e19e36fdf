/**
 * The HTTP side of mailing, funnel and support: membership checks, validation (422 with reasons), rule dry run,
 * broadcast preview / dry run / send with its stats, the stuck CSV, and support tickets from the mini app with
 * agent replies reaching the user through the bot only with consent.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const ADMIN = 900_001;
const STRANGER = 900_002;
const HOUR = 3_600_000;

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['mailings', 'stats', 'support']);
});
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, user: number | null, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (user !== null) headers.Authorization = w.vkAuth(user);
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.text() };
}

const base = () => `/api/admin/mailing/campaigns/${w.campaignId}`;
const rule = {
  name: 'r',
  stage: 'opened',
  notStage: 'task_done',
  minHours: 24,
  channel: 'message',
  variants: [{ key: 'A', text: 'Вернитесь к заданию' }],
};

describe('admin mailing and funnel routes', () => {
  it('require launch data and the section on the brand', async () => {
    expect((await call('GET', `${base()}/rules`, null)).status).toBe(401);
    expect((await call('GET', `${base()}/rules`, STRANGER)).status).toBe(404);
    expect((await call('GET', '/api/admin/mailing/campaigns/999/rules', ADMIN)).status).toBe(404);
    expect((await call('GET', `${base()}/rules`, ADMIN)).body).toEqual({ rules: [] });
  });

  it('validate rules against the campaign stages', async () => {
    const bad = await call('POST', `${base()}/rules`, ADMIN, { ...rule, notStage: 'opened' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([{ path: 'notStage', message: 'must come after stage' }]);
    const shape = await call('POST', `${base()}/rules`, ADMIN, { ...rule, holdoutPercent: 150 });
    expect(shape.status).toBe(422);
    expect(shape.body.error.issues[0].path).toBe('holdoutPercent');
  });

  it('create a rule, dry-run it, switch it off', async () => {
    await w.addParticipants({ count: 7, firstUserId: 50_000, reachedAt: w.clock.now - 30 * HOUR });
    const created = await call('POST', `${base()}/rules`, ADMIN, rule);
    expect(created.status).toBe(201);
    const dry = await call('POST', `${base()}/rules/${created.body.id}/dry-run`, ADMIN);
    expect(dry.body).toMatchObject({ candidates: 7, queued: 7, holdout: 0 });
    expect(await w.deps.db.select().from(schema.outbox)).toHaveLength(0);
    const off = await call('PATCH', `${base()}/rules/${created.body.id}`, ADMIN, { active: false });
    expect(off.body.active).toBe(false);
    const stats = await call('GET', `${base()}/rules/${created.body.id}/stats`, ADMIN);
    expect(stats.body).toMatchObject({ total: 0, targetStage: 'task_done' });
  });

  it("keep a rule's clientKey to itself: no answer and no audit row carries it, as canned answers and drafts do", async () => {
    // Before: the create, its retry, the list, the summaries, the switch, the edit and the audit row all carried it.
    const keyed = { ...rule, clientKey: 'rule-key-0001' };
    const created = await call('POST', `${base()}/rules`, ADMIN, keyed);
    expect(created.status).toBe(201);
    const again = await call('POST', `${base()}/rules`, ADMIN, keyed);
    expect([again.status, again.body.id]).toEqual([201, created.body.id]);
    const off = await call('PATCH', `${base()}/rules/${created.body.id}`, ADMIN, { active: false });
    const edited = await call('PUT', `${base()}/rules/${created.body.id}`, ADMIN, {
      ...rule,
      name: 'r2',
      savedAt: created.body.updatedAt,
    });
    expect(edited.status).toBe(200);
    const listed = await call('GET', `${base()}/rules`, ADMIN);
    const summaries = await call('GET', `${base()}/rule-summaries`, ADMIN);
    expect(summaries.status).toBe(200);
    const answers = [
      created.body,
      again.body,
      off.body,
      edited.body,
      listed.body.rules[0],
      summaries.body.rules[0].rule,
    ];
    for (const answer of answers) expect(answer).not.toHaveProperty('clientKey');
    const audit = await w.deps.db.select().from(schema.officeAudit);
    expect(audit.map((a) => a.action)).toEqual(['rule.create', 'rule.disable', 'rule.update']);
    expect(JSON.stringify(audit)).not.toContain('rule-key-0001');
    // Kept where it works: a retry is still the rule it created.
    const [row] = await w.deps.db.select().from(schema.messageRules);
    expect(row?.clientKey).toBe('rule-key-0001');
  });

  it('preview, dry-run and send a broadcast; its messages through stats', async () => {
    await w.addParticipants({ count: 5, firstUserId: 60_000, stage: 'task_done' });
    await w.addParticipants({ count: 3, firstUserId: 61_000, stage: 'task_done', consent: false });
    await w.addParticipants({ count: 4, firstUserId: 62_000 });
    const segment = { stage: 'task_done' };
    const preview = await call('POST', `${base()}/broadcasts/preview`, ADMIN, { segment, channel: 'message' });
    expect(preview.body).toMatchObject({ total: 8, withConsent: 5 });
    const payload = { name: 'b', segment, channel: 'message', text: 'Заберите приз', targetStage: 'reward_issued' };
    const dry = await call('POST', `${base()}/broadcasts`, ADMIN, { ...payload, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.preview.withConsent).toBe(5);
    const sent = await call('POST', `${base()}/broadcasts`, ADMIN, payload);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ enqueued: 5, broadcast: { status: 'enqueued', enqueuedCount: 5 } });
    const stats = await call('GET', `${base()}/broadcasts/${sent.body.broadcast.id}/stats`, ADMIN);
    expect(stats.body).toMatchObject({ total: 5, byStatus: { queued: 5 } });
    expect(stats.body).not.toHaveProperty('progress');
    const later = await call('POST', `${base()}/broadcasts`, ADMIN, { ...payload, scheduledAt: w.clock.now + HOUR });
    expect(later.body).toMatchObject({ enqueued: 0, broadcast: { status: 'scheduled' } });
    expect((await call('PUT', `${base()}/frequency-cap`, ADMIN, { capCount: 2, capHours: 48 })).status).toBe(200);
  });

  it("keep a broadcast's clientKey to itself, as rules, canned answers and drafts do", async () => {
    // Before: the create and its retry, the list, the broadcast's page, the cancel and the audit row all carried it.
    await w.addParticipants({ count: 2, firstUserId: 63_000, stage: 'task_done' });
    const payload = {
      name: 'b',
      segment: { stage: 'task_done' },
      channel: 'message',
      text: 'Новости акции',
      scheduledAt: w.clock.now + HOUR,
      clientKey: 'broadcast-key-0001',
    };
    const created = await call('POST', `${base()}/broadcasts`, ADMIN, payload);
    expect(created.status).toBe(201);
    const again = await call('POST', `${base()}/broadcasts`, ADMIN, payload);
    expect([again.status, again.body.broadcast.id]).toEqual([201, created.body.broadcast.id]);
    const id = created.body.broadcast.id;
    const listed = await call('GET', `${base()}/broadcasts`, ADMIN);
    const one = await call('GET', `${base()}/broadcasts/${id}`, ADMIN);
    const cancelled = await call('DELETE', `${base()}/broadcasts/${id}`, ADMIN);
    expect([listed.status, one.status, cancelled.status]).toEqual([200, 200, 200]);
    const answers = [created, again, listed, one, cancelled].map((a) => JSON.stringify(a.body));
    for (const answer of answers) expect(answer).not.toContain('clientKey');
    const audit = await w.deps.db.select().from(schema.officeAudit);
    expect(audit.map((a) => a.action)).toEqual(['broadcast.create', 'broadcast.cancel']);
    expect(JSON.stringify(audit)).not.toContain('broadcast-key-0001');
  });

  it('answer a broadcast sent again with its clientKey as the first, though the brand was switched off since', async () => {
    // Before: the retry of a send whose answer was lost was a 409 brand_switched_off, not telling it had gone out.
    await w.addParticipants({ count: 2, firstUserId: 64_000, stage: 'task_done' });
    // The agency's admin: a brand switched off is still theirs to open (its own members see it no more).
    const AGENCY_ADMIN = 900_003;
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(AGENCY_ADMIN),
        agencyId: w.agencyId,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      }),
    );
    const payload = {
      name: 'b',
      segment: { stage: 'task_done' },
      channel: 'message',
      text: 'Новости',
      clientKey: 'broadcast-key-0002',
    };
    const first = await call('POST', `${base()}/broadcasts`, AGENCY_ADMIN, payload);
    expect(first.status).toBe(201);
    const [campaign] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, w.campaignId));
    await w.write((tx) =>
      tx
        .update(schema.brands)
        .set({ disabledAt: w.clock.now })
        .where(eq(schema.brands.id, campaign?.brandId ?? 0)),
    );
    const again = await call('POST', `${base()}/broadcasts`, AGENCY_ADMIN, payload);
    expect([again.status, again.body.broadcast?.id, again.body.enqueued]).toEqual([201, first.body.broadcast.id, 2]);
    const fresh = await call('POST', `${base()}/broadcasts`, AGENCY_ADMIN, {
      ...payload,
      clientKey: 'broadcast-key-0003',
    });
    expect([fresh.status, fresh.body.error?.code]).toEqual([409, 'brand_switched_off']);
    const other = await call('POST', `${base()}/broadcasts`, AGENCY_ADMIN, { ...payload, text: 'Другое' });
    expect([other.status, other.body.error?.code]).toEqual([409, 'client_key_reused']);
    expect(await w.deps.db.select().from(schema.broadcasts)).toHaveLength(1);
  });

  it('funnel report and stuck list (JSON and CSV)', async () => {
    await w.addParticipants({ count: 3, firstUserId: 70_000, reachedAt: w.clock.now - 48 * HOUR, source: 'ads' });
    const from = w.clock.now - 10 * 24 * HOUR;
    const report = await call(
      'GET',
      `/api/admin/funnel/campaigns/${w.campaignId}/report?from=${from}&to=${w.clock.now}&breakdown=source`,
      ADMIN,
    );
    expect(report.status).toBe(200);
    expect(report.body.stages.map((s: { stage: string }) => s.stage)).toEqual(['opened', 'task_done', 'reward_issued']);
    const stuck = `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24`;
    expect((await call('GET', stuck, ADMIN)).body.total).toBe(3);
    const csv = await call('GET', `${stuck}&format=csv`, ADMIN);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.split('\r\n')).toHaveLength(5);
    expect((await call('GET', `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=nope`, ADMIN)).status).toBe(422);
    expect((await call('GET', stuck, STRANGER)).status).toBe(404);
  });
});

describe('support tickets', () => {
  it('from the mini app, answered by an agent; the bot delivers only with consent; a reply re-opens', async () => {
    const [withConsent] = [80_001];
    await w.addParticipants({ count: 1, firstUserId: withConsent });
    const opened = await call('POST', '/api/support/tickets', withConsent, {
      campaignId: w.campaignId,
      subject: 'Код не работает',
      body: 'Пишет «код уже использован»',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.ticket.id;
    expect(opened.body.ticket.status).toBe('new');
    expect((await call('GET', `/api/support/tickets/${id}`, STRANGER)).status).toBe(404);

    const admin = `/api/admin/support/campaigns/${w.campaignId}/tickets`;
    expect((await call('GET', `${admin}?status=new`, ADMIN)).body.tickets).toHaveLength(1);
    const inbox = `/api/admin/support/brands/${w.brandId}/tickets`;
    const answered = await call('POST', `${inbox}/${id}/replies`, ADMIN, {
      body: 'Выдали новый код',
      clientKey: 'answer-1',
    });
    expect(answered.body).toMatchObject({ delivery: 'bot', ticket: { status: 'waiting_on_user' } });
    const row = (await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'support')).limit(1))[0];
    expect(row?.text).toContain('Выдали новый код');

    await call('PATCH', `${admin}/${id}`, ADMIN, { status: 'resolved' });
    const again = await call('POST', `/api/support/tickets/${id}/messages`, withConsent, { body: 'Снова не работает' });
    expect(again.body.ticket.status).toBe('waiting_on_us');
    expect(again.body.messages.map((m: { author: string }) => m.author)).toEqual(['user', 'agent', 'user']);

    // Without consent the answer stays in the mini app.
    await w.addParticipants({ count: 1, firstUserId: 80_002, consent: false });
    const other = await call('POST', '/api/support/tickets', 80_002, {
      campaignId: w.campaignId,
      subject: 's',
      body: 'b',
    });
    const r2 = await call('POST', `${inbox}/${other.body.ticket.id}/replies`, ADMIN, {
      body: 'ok',
      clientKey: 'answer-2',
    });
    expect(r2.body.delivery).toBe('miniapp');
    expect((await call('POST', '/api/support/tickets', 80_002, { subject: '', body: 'x' })).status).toBe(422);
    const byCommunity = await call('GET', '/api/admin/support/communities/1/tickets?status=waiting_on_us', ADMIN);
    expect(byCommunity.body.tickets.map((t: { id: number }) => t.id)).toEqual([id]);
    expect((await call('GET', '/api/admin/support/communities/1/tickets', STRANGER)).status).toBe(404);
  });
});
