/**
 * The office's main writes sent 2 and 8 times at once (a double click, two tabs, a retry racing the first send), over
 * the real adapter on 127.0.0.1 with the demo world and its brand admin: the answer is never a 5xx, a loser gets the
 * one error shape with a code that says why or the winner's answer again, and the database holds exactly one effect
 * where one is due: one settings save (one revision, one audit row), each uploaded code once, one reply (one outbox
 * row, one audit row), one cancel, one membership from one invitation link.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { recordConsent } from '../mailing/consent.ts';
import { DEMO_ADMIN_VK_ID, DEMO_GROUP_ID } from '../seed/demo-ids.ts';
import { type Answer, type BurstWorld, burstProblems, createBurstWorld, errorCode } from './testing/burst.ts';

let w: BurstWorld;
beforeAll(async () => {
  w = await createBurstWorld();
}, 30_000);
afterAll(async () => w?.stop());

const ADMIN = DEMO_ADMIN_VK_ID;
const TIMES = [2, 8] as const;
let nextUser = 400_000;

const { officeAudit, poolCodes, codePools, ticketMessages, outbox, memberships, broadcasts } = schema;

const audits = (action: string, entityId: number) =>
  w.deps.db
    .select()
    .from(officeAudit)
    .where(and(eq(officeAudit.action, action), eq(officeAudit.entityId, String(entityId))));

async function ok(method: string, path: string, user: number, body?: unknown): Promise<Answer> {
  const a = await w.send(method, path, user, body);
  expect(a.status, JSON.stringify(a.body)).toBeLessThan(300);
  return a;
}

/** The user allowed the community's messages (what the bot records from VK's message_allow). */
const allowMessages = (user: number) =>
  w.write((tx) =>
    recordConsent(tx, {
      vkGroupId: DEMO_GROUP_ID,
      vkUserId: user,
      channel: 'message',
      allowed: true,
      source: 'message_allow',
      at: w.clock.now,
    }),
  );

describe.each(TIMES)('the same office write %i times at once', (n) => {
  it('a campaign settings save from one copy: one save, one audit row; the others are told it was saved meanwhile', async () => {
    const id = w.campaign('brand-quiz');
    const opened = (await ok('GET', `/api/admin/campaigns/${id}`, ADMIN)).body as { document: { title: object } };
    const before = (await w.deps.db.select().from(officeAudit)).length;
    const document = { ...opened.document, title: { ...opened.document.title, ru: `Сохранено ${n} раз` } };
    const answers = await w.burst(n, 'PUT', `/api/admin/campaigns/${id}`, ADMIN, document);
    expect(burstProblems(answers, { refusals: ['edited_meanwhile'], winners: 1 })).toEqual([]);
    expect((await w.deps.db.select().from(officeAudit)).length).toBe(before + 1);
  });

  it('a prize pool upload: every code stored once', async () => {
    const id = w.campaign('summer-tasks');
    const pool = await ok('POST', `/api/admin/campaigns/${id}/pools`, ADMIN, { key: `burst${n}`, name: `Burst ${n}` });
    const { poolId } = pool.body as { poolId: number };
    const csv = Array.from({ length: 20 }, (_, i) => `BURST${n}-${i}`).join('\n');
    const answers = await w.burst(n, 'POST', `/api/admin/campaigns/${id}/pools/${poolId}/codes`, ADMIN, { csv });
    expect(burstProblems(answers, { refusals: ['import_running', 'invalid_csv'] })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const stored = await w.deps.db.select().from(poolCodes).where(eq(poolCodes.poolId, poolId));
    expect(stored.map((c) => c.code).sort()).toEqual(csv.split('\n').sort());
    const [row] = await w.deps.db.select().from(codePools).where(eq(codePools.id, poolId));
    expect(row).toBeDefined();
  });

  it('a support reply with its key: one message, one outbox row, one audit row; every answer the same', async () => {
    const id = w.campaign('summer-tasks');
    const user = nextUser++;
    await ok('POST', `/api/campaigns/${id}/open`, user, {});
    // Allowed the community's messages: the reply also goes out by the outbox.
    await allowMessages(user);
    const opened = await ok('POST', '/api/support/tickets', user, { campaignId: id, subject: 'Код', body: 'Где код?' });
    const ticket = (opened.body as { ticket: { id: number } }).ticket.id;
    const answers = await w.burst(
      n,
      'POST',
      `/api/admin/support/brands/${w.brandId}/tickets/${ticket}/replies`,
      ADMIN,
      {
        body: 'Код придёт сегодня',
        clientKey: `reply-${n}-${ticket}`,
      },
    );
    const last = (a: Answer) => (a.body as { messages?: { id: number }[] }).messages?.at(-1)?.id;
    expect(burstProblems(answers, { winners: n, sameAnswer: last })).toEqual([]);
    const messages = await w.deps.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket));
    expect(messages.map((m) => m.author)).toEqual(['user', 'agent']);
    const sent = await w.deps.db.select().from(outbox).where(eq(outbox.vkUserId, user));
    expect(sent.filter((o) => o.kind === 'support')).toHaveLength(1);
    expect(await audits('ticket.reply', ticket)).toHaveLength(1);
  });

  it.each([
    ['the brand inbox', (_id: number, ticket: number) => `/api/admin/support/brands/${w.brandId}/tickets/${ticket}`],
    ["the campaign's requests", (id: number, ticket: number) => `/api/admin/support/campaigns/${id}/tickets/${ticket}`],
  ])('a support request resolved at once from %s: one change, one audit row', async (_, path) => {
    const id = w.campaign('summer-tasks');
    const user = nextUser++;
    await ok('POST', `/api/campaigns/${id}/open`, user, {});
    const opened = await ok('POST', '/api/support/tickets', user, { campaignId: id, subject: 'Код', body: 'Где код?' });
    const ticket = (opened.body as { ticket: { id: number } }).ticket.id;
    const answers = await w.burst(n, 'PATCH', path(id, ticket), ADMIN, { status: 'resolved' });
    const status = (a: Answer) => (a.body as { ticket?: { status?: string } }).ticket?.status;
    expect(burstProblems(answers, { winners: n, sameAnswer: status })).toEqual([]);
    expect(await audits('ticket.status', ticket)).toHaveLength(1);
  });

  it('a broadcast sent now with its key: one broadcast, each subscriber messaged once, one audit row each', async () => {
    const id = w.campaign('summer-tasks');
    const user = nextUser++;
    await ok('POST', `/api/campaigns/${id}/open`, user, {});
    await allowMessages(user);
    const clientKey = `news-${n}-${user}`;
    const answers = await w.burst(n, 'POST', `/api/admin/mailing/campaigns/${id}/broadcasts`, ADMIN, {
      name: `Новости ${clientKey}`,
      segment: {},
      channel: 'message',
      text: 'Новости недели',
      clientKey,
    });
    expect(burstProblems(answers, { winners: n, sameAnswer: (a) => a.body })).toEqual([]);
    const sent = await w.deps.db
      .select()
      .from(broadcasts)
      .where(eq(broadcasts.name, `Новости ${clientKey}`));
    expect(sent).toHaveLength(1);
    const messages = await w.deps.db.select().from(outbox).where(eq(outbox.vkUserId, user));
    expect(messages.filter((o) => o.kind === 'broadcast')).toHaveLength(1);
    const broadcast = sent[0]?.id as number;
    expect(await audits('broadcast.create', broadcast)).toHaveLength(1);
    expect(await audits('broadcast.send', broadcast)).toHaveLength(1);
    // The key with another broadcast is refused, nothing written: the office makes a key per composition.
    const other = await w.send('POST', `/api/admin/mailing/campaigns/${id}/broadcasts`, ADMIN, {
      name: `Новости ${clientKey}`,
      segment: {},
      channel: 'message',
      text: 'Другие новости',
      clientKey,
    });
    expect([other.status, errorCode(other)]).toEqual([409, 'client_key_reused']);
    expect(
      await w.deps.db
        .select()
        .from(broadcasts)
        .where(eq(broadcasts.name, `Новости ${clientKey}`)),
    ).toHaveLength(1);
  });

  it('a broadcast cancelled at once: cancelled once, one audit row', async () => {
    const id = w.campaign('summer-tasks');
    const created = await ok('POST', `/api/admin/mailing/campaigns/${id}/broadcasts`, ADMIN, {
      name: `Новости ${n}`,
      segment: {},
      channel: 'message',
      text: 'Новости',
      scheduledAt: w.clock.now + 86_400_000,
    });
    const broadcast = (created.body as { broadcast: { id: number } }).broadcast.id;
    const answers = await w.burst(n, 'DELETE', `/api/admin/mailing/campaigns/${id}/broadcasts/${broadcast}`, ADMIN);
    expect(burstProblems(answers, { refusals: ['already_cancelled', 'not_scheduled'] })).toEqual([]);
    const [row] = await w.deps.db.select().from(broadcasts).where(eq(broadcasts.id, broadcast));
    expect(row?.status).toBe('cancelled');
    expect(await audits('broadcast.cancel', broadcast)).toHaveLength(1);
  });

  it('a member invitation accepted at once: one membership', async () => {
    const invited = await ok('POST', '/api/admin/team/invitations', ADMIN, {
      brandId: w.brandId,
      role: 'brand_member',
      sections: ['mailings'],
    });
    const { token } = invited.body as { token: string };
    const user = nextUser++;
    const answers = await w.burst(n, 'POST', `/api/office/invitations/${token}/accept`, user);
    expect(burstProblems(answers, { refusals: ['invitation_used', 'already_member'] })).toEqual([]);
    expect(answers.some((a) => a.status < 300)).toBe(true);
    const rows = await w.deps.db
      .select()
      .from(memberships)
      .where(inArray(memberships.platformUserId, [String(user)]));
    expect(rows).toHaveLength(1);
  });
});
