/**
 * A participant's writes sent 2 and 8 times at once (a double tap, a retry racing the first send), over the real
 * adapter on 127.0.0.1 with the demo world: the answer is never a 5xx, a loser gets the one error shape with a code
 * that says why or the winner's answer again, and the database holds exactly one effect: one participant, one task
 * completion, one grant, one quiz result, one wheel attempt, one ticket, one message, one lead.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { RATE_LIMITS } from './rate-limit.ts';
import { type Answer, type BurstWorld, burstProblems, createBurstWorld } from './testing/burst.ts';

let w: BurstWorld;
beforeAll(async () => {
  w = await createBurstWorld();
}, 30_000);
afterAll(async () => w?.stop());

const TIMES = [2, 8] as const;
/** A fresh participant per case, so no case meets another's limits. */
let nextUser = 300_000;

const { participants, taskCompletions, grants, quizResults, wheelAttempts, tickets, ticketMessages } = schema;

async function participantId(campaignId: number, user: number): Promise<number> {
  const rows = await w.deps.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.campaignId, campaignId), eq(participants.platformUserId, String(user))));
  expect(rows).toHaveLength(1);
  return rows[0]?.id as number;
}

async function joined(campaignId: number): Promise<{ user: number; pid: number }> {
  const user = nextUser++;
  const opened = await w.send('POST', `/api/campaigns/${campaignId}/open`, user, {});
  expect(opened.status).toBe(200);
  return { user, pid: await participantId(campaignId, user) };
}

const count = async (rows: Promise<unknown[]>) => (await rows).length;

describe.each(TIMES)('the same participant write %i times at once', (n) => {
  it('the first open: one participant, every open answered', async () => {
    const id = w.campaign('summer-tasks');
    const user = nextUser++;
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/open`, user, {});
    expect(burstProblems(answers, { winners: n })).toEqual([]);
    await participantId(id, user);
  });

  it('a task completion: one completion; the others are the same answer or a refusal that says done', async () => {
    const id = w.campaign('summer-tasks');
    const { user, pid } = await joined(id);
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/tasks/messages/complete`, user, {});
    expect(burstProblems(answers, { refusals: ['task_already_done'] })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const done = w.deps.db.select().from(taskCompletions).where(eq(taskCompletions.participantId, pid));
    expect(await count(done)).toBe(1);
  });

  it('a code from the pack entered at once: the code is taken once, by one completion', async () => {
    const id = w.campaign('summer-tasks');
    const { user, pid } = await joined(id);
    const code = `PACK-${String(n === 2 ? 11 : 18).padStart(4, '0')}`;
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/tasks/pack-code/complete`, user, { code });
    expect(burstProblems(answers, { refusals: ['task_already_done', 'code_already_used'] })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const done = w.deps.db.select().from(taskCompletions).where(eq(taskCompletions.participantId, pid));
    expect(await count(done)).toBe(1);
  });

  it('a reward claim: one grant, every 2xx shows the same code', async () => {
    const id = w.campaign('summer-tasks');
    const { user, pid } = await joined(id);
    for (const task of ['join', 'messages']) {
      expect((await w.send('POST', `/api/campaigns/${id}/tasks/${task}/complete`, user, {})).status).toBe(200);
    }
    const code = `PACK-${String(n === 2 ? 21 : 28).padStart(4, '0')}`;
    const entered = await w.send('POST', `/api/campaigns/${id}/tasks/pack-code/complete`, user, { code });
    expect(entered.status).toBe(200);
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/rewards/stickers/claim`, user);
    const grant = (a: Answer) => (a.body as { grant?: unknown }).grant;
    expect(burstProblems(answers, { refusals: ['already_claimed'], sameAnswer: grant })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(await count(w.deps.db.select().from(grants).where(eq(grants.participantId, pid)))).toBe(1);
  });

  it('quiz answers: one result, one reward', async () => {
    const id = w.campaign('brand-quiz');
    const { user, pid } = await joined(id);
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/quiz/answers`, user, {
      answers: { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] },
    });
    expect(burstProblems(answers, { refusals: ['quiz_already_finished'] })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(await count(w.deps.db.select().from(quizResults).where(eq(quizResults.participantId, pid)))).toBe(1);
    expect(await count(w.deps.db.select().from(grants).where(eq(grants.participantId, pid)))).toBe(1);
  });

  it('a wheel spin with one attempt left: one spin; the others are told no attempts are left', async () => {
    const id = w.campaign('lucky-wheel');
    const { user, pid } = await joined(id);
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/wheel/spin`, user);
    expect(burstProblems(answers, { refusals: ['no_attempts'], winners: 1 })).toEqual([]);
    expect(await count(w.deps.db.select().from(wheelAttempts).where(eq(wheelAttempts.participantId, pid)))).toBe(1);
  });

  it('a wheel spin with two attempts left (one free, one earned): two spins, never more', async () => {
    const id = w.campaign('lucky-wheel');
    const { user, pid } = await joined(id);
    expect((await w.send('POST', `/api/campaigns/${id}/tasks/join/complete`, user, {})).status).toBe(200);
    const answers = await w.burst(n, 'POST', `/api/campaigns/${id}/wheel/spin`, user);
    expect(burstProblems(answers, { refusals: ['no_attempts'], winners: 2 })).toEqual([]);
    expect(await count(w.deps.db.select().from(wheelAttempts).where(eq(wheelAttempts.participantId, pid)))).toBe(2);
  });

  it('a support request with its key: one ticket, every answer the same ticket', async () => {
    const id = w.campaign('summer-tasks');
    const { user } = await joined(id);
    const answers = await w.burst(n, 'POST', '/api/support/tickets', user, {
      campaignId: id,
      subject: 'Код не пришёл',
      body: 'Выполнил задания, а кода нет',
      clientKey: `ticket-${n}-${user}`,
    });
    const ticketId = (a: Answer) => (a.body as { ticket?: { id?: number } }).ticket?.id;
    // One request sent n times spends one unit of the hourly limit (five): no repeat is refused.
    expect(burstProblems(answers, { winners: n, sameAnswer: ticketId })).toEqual([]);
    const mine = await w.deps.db
      .select()
      .from(tickets)
      .where(eq(tickets.platformUserId, String(user)));
    expect(mine).toHaveLength(1);
    const messages = w.deps.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, mine[0]?.id as number));
    expect(await count(messages)).toBe(1);
    // The burst spent one unit: the rest of the hour's requests are still there.
    for (let i = 1; i < RATE_LIMITS.support_ticket.limit; i++) {
      const next = { campaignId: id, subject: `Ещё ${i}`, body: 'Другое', clientKey: `next-${i}-${n}-${user}` };
      expect((await w.send('POST', '/api/support/tickets', user, next)).status).toBe(201);
    }
  });

  it('support requests with fresh keys each at once: the hourly limit still holds', async () => {
    const id = w.campaign('summer-tasks');
    const { user } = await joined(id);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        w.send('POST', '/api/support/tickets', user, {
          campaignId: id,
          subject: `Вопрос ${i}`,
          body: 'Выполнил задания, а кода нет',
          clientKey: `fresh-${i}-${n}-${user}`,
        }),
      ),
    );
    const limit = RATE_LIMITS.support_ticket.limit;
    expect(burstProblems(answers, { refusals: ['rate_limited'], winners: Math.min(n, limit) })).toEqual([]);
    const mine = w.deps.db
      .select()
      .from(tickets)
      .where(eq(tickets.platformUserId, String(user)));
    expect(await count(mine)).toBe(Math.min(n, limit));
  });

  it('a message to a support request with its key: one message, every answer the same', async () => {
    const id = w.campaign('summer-tasks');
    const { user } = await joined(id);
    const opened = await w.send('POST', '/api/support/tickets', user, { campaignId: id, subject: 'Код', body: 'Где?' });
    expect(opened.status).toBeLessThan(300);
    const ticket = (opened.body as { ticket: { id: number } }).ticket.id;
    const answers = await w.burst(n, 'POST', `/api/support/tickets/${ticket}/messages`, user, {
      body: 'Ещё вопрос',
      clientKey: `message-${n}-${user}`,
    });
    const last = (a: Answer) => (a.body as { messages?: { id: number }[] }).messages?.at(-1)?.id;
    expect(burstProblems(answers, { winners: n, sameAnswer: last })).toEqual([]);
    expect(await count(w.deps.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket)))).toBe(2);
  });
});
