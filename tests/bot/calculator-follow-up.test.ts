/**
 * Issue 17, item 4: a funnel rule follows up people who calculated but left no lead. The calculator's stages are
 * offered by the office's stage picker, the rule API accepts "reached `calculated`, not `lead_sent`, for N hours", and
 * the rule queues one message through the outbox for exactly those participants; the sender delivers it.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { CALCULATOR_STAGES } from '../../server/calculator/calculator.service.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { recordEvent } from '../../server/funnel/record-event.ts';
import { createMessagingWorld, deliveriesByPeer, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const MAILER = 920_001;
const HOUR = 3_600_000;
const NOON_MSK = Date.UTC(2026, 5, 1, 9);
const STAGES = ['opened', ...CALCULATOR_STAGES];

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
  app = createApp(w.deps);
  await grantBrandAdmin(w, MAILER, ['mailings']);
  await inTransaction(w.deps.db, (tx) =>
    tx.update(schema.campaigns).set({ stages: STAGES }).where(eq(schema.campaigns.id, w.campaignId)),
  );
});
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(MAILER) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The calculator's events as its service records them, at the given times. */
async function walk(participantId: number, steps: [string, number][]): Promise<void> {
  await inTransaction(w.deps.db, async (tx) => {
    for (const [type, at] of steps) {
      await recordEvent(tx, { campaignId: w.campaignId, participantId, type, at }, STAGES);
    }
  });
}

it('item 4: a rule "calculated, not lead_sent, for 24 h" reaches only those who calculated and sent no lead', async () => {
  const base = `/api/admin/mailing/campaigns/${w.campaignId}`;
  const options = await call('GET', `${base}/options`);
  expect(options.body.stages).toEqual(['opened', 'calculator_opened', 'calculated', 'lead_sent']);

  const [stuckA = 0, stuckB = 0, sent = 0, fresh = 0, onlyOpened = 0] = await w.addParticipants({
    count: 5,
    firstUserId: 40_000,
    reachedAt: NOON_MSK - 40 * HOUR,
  });
  for (const id of [stuckA, stuckB, sent]) {
    await walk(id, [
      ['calculator_opened', NOON_MSK - 31 * HOUR],
      ['calculated', NOON_MSK - 30 * HOUR],
    ]);
  }
  await walk(sent, [['lead_sent', NOON_MSK - 29 * HOUR]]);
  await walk(fresh, [
    ['calculator_opened', NOON_MSK - 3 * HOUR],
    ['calculated', NOON_MSK - 2 * HOUR],
  ]);
  await walk(onlyOpened, [['calculator_opened', NOON_MSK - 30 * HOUR]]);

  const backwards = await call('POST', `${base}/rules`, {
    name: 'x',
    stage: 'lead_sent',
    notStage: 'calculated',
    minHours: 24,
    channel: 'message',
    variants: [{ key: 'A', text: 'x' }],
  });
  expect(backwards.status).toBe(422);

  const created = await call('POST', `${base}/rules`, {
    name: 'Расчёт без заявки',
    stage: 'calculated',
    notStage: 'lead_sent',
    minHours: 24,
    channel: 'message',
    holdoutPercent: 0,
    variants: [{ key: 'A', text: 'Вы рассчитали стоимость — оставьте заявку, мы перезвоним.' }],
  });
  expect(created.status).toBe(201);
  await runSchedulesOnce(w.deps);
  const queued = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.ruleId, created.body.id));
  expect(queued.map((r) => r.participantId).sort()).toEqual([stuckA, stuckB].sort());

  await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
  const got = deliveriesByPeer(w.fake);
  expect([...got.entries()].sort()).toEqual([
    [40_000, 1],
    [40_001, 1],
  ]);
});
