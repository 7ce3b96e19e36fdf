/**
 * Issue 13 (scale-out), item 5: the Callback API's `event_id` dedupe holds across API instances. VK delivers one
 * event to one instance and, when it thinks the answer was lost, again to whichever instance the balancer picks. Two
 * `scripts/start.ts` processes on one PostgreSQL database get the same events at the same moment, and again later as
 * a retry: every delivery is answered `ok`, each event has one journal row (claimed once, `attempts` 1) and is handled
 * once: one reply queued per `message_new`, one consent and one task completion for a `message_allow`. PostgreSQL only.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { markTaskStarted } from '../../server/promo/tasks/task-records.ts';
import {
  CALLBACK_SECRET,
  CONFIRMATION,
  createMessagingWorld,
  GROUP_ID,
  type MessagingWorld,
} from '../bot/messaging-world.ts';
import { until } from '../crash/process-watch.ts';
import {
  type ApiProcess,
  killStartedApiProcesses,
  send,
  startApiProcesses,
  worldServerEnv,
} from '../support/api-processes.ts';
import { testsOnPostgres } from '../support/world-database.ts';

const EVENTS = 20;
const COPIES = 3;
const FIRST_USER = 8_100;

const messageNew = (eventId: string, from: number) => ({
  type: 'message_new',
  event_id: eventId,
  object: {
    message: { date: 1780000000, from_id: from, id: 0, out: 0, peer_id: from, text: 'Начать', attachments: [] },
    client_info: { button_actions: ['text', 'callback'], keyboard: true, inline_keyboard: true, lang_id: 0 },
  },
});

describe.skipIf(!testsOnPostgres())('Callback API event_id dedupe across two API processes on PostgreSQL', () => {
  let w: MessagingWorld;
  let api: ApiProcess[];

  beforeAll(async () => {
    w = await createMessagingWorld();
    api = await startApiProcesses(
      2,
      worldServerEnv(w, {
        VK_GROUP_ID: String(GROUP_ID),
        VK_GROUP_TOKEN: `group:${GROUP_ID}`,
        VK_API_BASE_URL: w.fake.url,
        VK_CALLBACK_SECRET: CALLBACK_SECRET,
        VK_CONFIRMATION_CODE: CONFIRMATION,
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all((api ?? []).map((p) => p.stop()));
    killStartedApiProcesses();
    await w?.shutdown();
  });

  const logs = () => api.map((p, i) => `--- API process ${i}\n${p.output()}`).join('\n');

  async function deliver(p: ApiProcess, body: Record<string, unknown>) {
    const res = await send(`${p.base}/vk/callback`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ group_id: GROUP_ID, v: '5.199', secret: CALLBACK_SECRET, ...body }),
    });
    return { status: res.status, text: res.text };
  }

  /** Every copy to both processes at once: COPIES to each. */
  const toBoth = (body: Record<string, unknown>) =>
    Promise.all(Array.from({ length: 2 * COPIES }, (_, i) => deliver(api[i % 2] as ApiProcess, body)));

  const journal = () => w.deps.db.select().from(schema.callbackEvents);

  it('item 5: the same event at two processes at once, and again later, is journaled and handled once', async () => {
    const events = Array.from({ length: EVENTS }, (_, i) => messageNew(`dup-${i}`, FIRST_USER + i));
    const [pid] = await w.addParticipants({ count: 1, firstUserId: 8_999, consent: false });
    const { task, started } = await inTransaction(w.deps.db, async (tx) => {
      const [task] = await tx
        .insert(schema.tasks)
        .values({ campaignId: w.campaignId, key: 'allow', kind: 'allow_messages', title: 'Разрешить сообщения' })
        .returning();
      if (!task) throw new Error('no task');
      const who = { campaignId: w.campaignId, participantId: pid as number };
      return { task, started: await markTaskStarted(tx, who, task, w.clock.now) };
    });
    const allow = { type: 'message_allow', event_id: 'dup-allow', object: { user_id: 8_999, key: started.consentKey } };

    const first = (await Promise.all([...events, allow].map(toBoth))).flat();
    expect(
      first.filter((a) => a.status !== 200 || a.text !== 'ok'),
      logs(),
    ).toEqual([]);
    await until(
      async () => (await journal()).every((e) => e.status === 'handled') && (await journal()).length === EVENTS + 1,
      30_000,
      'every event handled',
      logs,
    );
    // VK's retry, later, to either instance.
    const retried = await Promise.all([...events, allow].map((e, i) => deliver(api[(i + 1) % 2] as ApiProcess, e)));
    expect(retried.filter((a) => a.status !== 200 || a.text !== 'ok')).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));

    const rows = await journal();
    expect(rows).toHaveLength(EVENTS + 1);
    expect(rows.filter((r) => r.status !== 'handled' || r.attempts !== 1)).toEqual([]);
    const replies = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'reply'));
    expect(replies.map((r) => r.vkUserId).sort()).toEqual(events.map((_, i) => FIRST_USER + i).sort());
    const consents = await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 8_999));
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ allowed: true, source: 'message_allow' });
    const [completion] = await w.deps.db
      .select()
      .from(schema.taskCompletions)
      .where(and(eq(schema.taskCompletions.taskId, task.id), eq(schema.taskCompletions.participantId, pid as number)));
    expect(completion?.status).toBe('done');
    const done = await w.deps.db
      .select()
      .from(schema.events)
      .where(and(eq(schema.events.type, 'task_done'), eq(schema.events.participantId, pid as number)));
    expect(done).toHaveLength(1);
  }, 120_000);
});
