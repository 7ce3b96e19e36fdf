/**
 * Decision 111: the office's «Отменено N» did not say why. The server now counts a broadcast's messages closed unsent by
 * the reason stored when each was closed, the largest first, adding up to the count; a row written with no reason (an
 * earlier release) reads `unrecorded`, never a bare code ("unknown" before). The sender's totals say the same for the
 * rows it closed (the terminal line, bot/sender/progress-bar.ts). Real sender, real claim, real cancel, fake VK;
 * SQLite and PostgreSQL.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { cancelBroadcast } from '../../server/mailing/broadcast.service.ts';
import { broadcastStats } from '../../server/mailing/mailing-stats.ts';
import { broadcastTo, createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const FIRST = 8_610_000;

it('8 messages: 2 sent, 6 not sent — stopped 3, consent withdrawn 2, no reason recorded 1 — counted by reason on the server', async () => {
  world = await createMessagingWorld();
  const w = world;
  await broadcastTo(w, 8, FIRST);
  const rows = await w.deps.db.select().from(schema.outbox).orderBy(schema.outbox.vkUserId);
  expect(rows).toHaveLength(8);
  const ids = (from: number, to: number) => rows.slice(from, to).map((r) => r.id);
  const broadcastId = rows[0]?.broadcastId ?? 0;
  await w.write(async (tx) => {
    // Two recipients turned messages off by a path that closed nothing: the claim closes their rows.
    await tx
      .update(schema.consents)
      .set({ allowed: false })
      .where(
        and(
          eq(schema.consents.vkGroupId, GROUP_ID),
          inArray(
            schema.consents.vkUserId,
            rows.slice(0, 2).map((r) => r.vkUserId),
          ),
        ),
      );
    // One closed by an earlier release that stored no reason.
    await tx
      .update(schema.outbox)
      .set({ status: 'cancelled', errorReason: null })
      .where(inArray(schema.outbox.id, ids(2, 3)));
    // Three not due yet (held for quiet hours): still queued when the broadcast is stopped.
    await tx
      .update(schema.outbox)
      .set({ nextAttemptAt: w.clock.now + 3_600_000 })
      .where(inArray(schema.outbox.id, ids(3, 6)));
  });

  const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
  expect(totals).toMatchObject({ sent: 2, skipped: 2, skippedBy: { consent_revoked: 2 }, remaining: 3 });

  const stopped = await cancelBroadcast(w.deps.db, broadcastId, w.clock.now, w.office);
  expect(stopped.cancelled).toBe(3);

  const stats = await broadcastStats(w.deps.db, broadcastId);
  expect(stats.byStatus).toEqual({ sent: 2, cancelled: 6 });
  expect(stats.cancelledByReason).toEqual({ broadcast_cancelled: 3, consent_revoked: 2, unrecorded: 1 });
  // The largest first: the office lists them in this order.
  expect(Object.keys(stats.cancelledByReason)).toEqual(['broadcast_cancelled', 'consent_revoked', 'unrecorded']);
  const byReason = Object.values(stats.cancelledByReason).reduce((a, n) => a + n, 0);
  expect(byReason).toBe(stats.byStatus.cancelled);
});
