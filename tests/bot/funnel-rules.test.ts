/**
 * Funnel rules with a fake clock, sent through the fake VK API: users stuck at a stage get the reminder once,
 * holdout users get nothing (and are tracked), quiet hours hold messages until morning, the community's frequency
 * cap holds a second rule back, and a user who moves on before the send gets nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { recordEvent } from '../../server/funnel/record-event.ts';
import { ruleStats } from '../../server/mailing/mailing-stats.ts';
import { ruleDecorator } from '../../server/mailing/open-app-button.ts';
import { createRule, setFrequencyCap } from '../../server/mailing/rule.service.ts';
import { evaluateRule } from '../../server/mailing/rule-evaluation.ts';
import { createMessagingWorld, deliveriesByPeer, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

const HOUR = 3_600_000;
// 09:00 UTC = 12:00 in Moscow: outside the default quiet hours (22–9 local).
const NOON_MSK = Date.UTC(2026, 5, 1, 9);

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
});
afterEach(async () => {
  await w.shutdown();
});

const decorate = () => ruleDecorator(w.deps);
const send = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
const reminder = (over: Partial<Parameters<typeof createRule>[2]> = {}) =>
  createRule(
    w.deps.db,
    w.campaignId,
    {
      name: 'Напомнить о задании',
      stage: 'opened',
      notStage: 'task_done',
      minHours: 24,
      maxHours: 72,
      channel: 'message',
      variants: [
        { key: 'A', text: 'Вы почти у цели — осталось одно задание!' },
        { key: 'B', text: 'Приз ждёт: выполните задание.' },
      ],
      ...over,
    },
    w.office,
    w.clock.now,
  );

describe('funnel rules', () => {
  it('reminds stuck users once; holdout, fresh, expired, unconsented and moved-on users get nothing', async () => {
    const stuck = await w.addParticipants({ count: 200, firstUserId: 10_000, reachedAt: NOON_MSK - 30 * HOUR });
    await w.addParticipants({ count: 10, firstUserId: 20_000, reachedAt: NOON_MSK - 2 * HOUR });
    await w.addParticipants({ count: 10, firstUserId: 21_000, reachedAt: NOON_MSK - 100 * HOUR });
    await w.addParticipants({ count: 10, firstUserId: 22_000, reachedAt: NOON_MSK - 30 * HOUR, consent: false });
    await w.addParticipants({ count: 10, firstUserId: 23_000, stage: 'task_done', reachedAt: NOON_MSK - 30 * HOUR });
    const rule = await reminder({ holdoutPercent: 20 });

    const run = await evaluateRule(w.deps.db, rule, w.clock.now, decorate());
    expect(run.candidates).toBe(210);
    expect(run.noConsent).toBe(10);
    expect(run.queued + run.holdout).toBe(200);
    expect(run.holdout).toBeGreaterThan(20);
    expect(run.holdout).toBeLessThan(65);

    // Five treated users complete the task before the sender runs.
    const rows = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.ruleId, rule.id));
    const treated = rows.filter((r) => r.status === 'queued');
    const movedOn = treated.slice(0, 5);
    for (const r of movedOn) {
      await inTransaction(w.deps.db, (tx) =>
        recordEvent(tx, {
          campaignId: w.campaignId,
          participantId: r.participantId,
          type: 'task_done',
          at: w.clock.now,
        }),
      );
    }
    await send();

    const byPeer = deliveriesByPeer(w.fake);
    expect(byPeer.size).toBe(treated.length - 5);
    for (const r of rows) {
      const expected = r.status === 'queued' && !movedOn.includes(r) ? 1 : undefined;
      expect(byPeer.get(r.vkUserId)).toBe(expected);
    }
    expect(new Set(w.fake.delivered.map((d) => d.text)).size).toBe(2);
    expect(w.fake.delivered[0]?.keyboard?.buttons[0]?.[0]?.action.type).toBe('open_app');

    // Evaluated again later: nobody gets it twice.
    w.clock.advance(2 * HOUR);
    expect((await evaluateRule(w.deps.db, rule, w.clock.now, decorate())).queued).toBe(0);
    await send();
    expect(w.fake.delivered.length).toBe(treated.length - 5);

    const stats = await ruleStats(w.deps.db, rule.id);
    expect(stats.byStatus.sent).toBe(treated.length - 5);
    expect(stats.cancelledByReason).toEqual({ moved_on: 5 });
    expect(stats.holdout.users).toBe(run.holdout);
    expect(stats.treated.converted).toBe(0);
    // Conversion: two treated users finish the task after the message.
    const sentRows = await w.deps.db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.ruleId, rule.id), eq(schema.outbox.status, 'sent')));
    for (const r of sentRows.slice(0, 2)) {
      await inTransaction(w.deps.db, (tx) =>
        recordEvent(tx, {
          campaignId: w.campaignId,
          participantId: r.participantId,
          type: 'task_done',
          at: w.clock.now,
        }),
      );
    }
    expect((await ruleStats(w.deps.db, rule.id)).treated.converted).toBe(2);
    expect(stuck.length).toBe(200);
  }, 30_000);

  it('holds messages during quiet hours in the campaign time zone', async () => {
    const lateEvening = Date.UTC(2026, 5, 1, 20); // 23:00 in Moscow
    w.clock.set(lateEvening);
    await w.addParticipants({ count: 5, firstUserId: 30_000, reachedAt: lateEvening - 30 * HOUR });
    const rule = await reminder();
    const run = await evaluateRule(w.deps.db, rule, w.clock.now, decorate());
    expect(run.queued).toBe(5);
    expect(run.delayedUntil).toBe(Date.UTC(2026, 5, 2, 6)); // 09:00 in Moscow
    await send();
    expect(w.fake.delivered).toHaveLength(0);
    w.clock.set(Date.UTC(2026, 5, 2, 6));
    await send();
    expect(w.fake.delivered).toHaveLength(5);
  }, 30_000);

  it('respects the per-user frequency cap across the community rules', async () => {
    await setFrequencyCap(w.deps.db, GROUP_ID, 1, 24, w.office);
    await w.addParticipants({ count: 20, firstUserId: 40_000, reachedAt: NOON_MSK - 30 * HOUR });
    const first = await reminder();
    const second = await reminder({
      name: 'Второе',
      notStage: 'reward_issued',
      variants: [{ key: 'X', text: 'Второе напоминание' }],
    });
    expect((await evaluateRule(w.deps.db, first, w.clock.now, decorate())).queued).toBe(20);
    const capped = await evaluateRule(w.deps.db, second, w.clock.now, decorate());
    expect(capped).toMatchObject({ queued: 0, capped: 20 });
    await send();
    expect([...deliveriesByPeer(w.fake).values()].every((n) => n === 1)).toBe(true);

    w.clock.advance(25 * HOUR);
    expect((await evaluateRule(w.deps.db, second, w.clock.now, decorate())).queued).toBe(20);
    await send();
    expect([...deliveriesByPeer(w.fake).values()].every((n) => n === 2)).toBe(true);
  }, 30_000);
});
