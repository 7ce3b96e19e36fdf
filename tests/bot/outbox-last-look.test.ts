/**
 * The sender's last look and the claim ask one question (server/mailing/outbox-stale.ts): a row claimed before a change
 * is closed by the look with the reason the claim closes a queued twin with, and a row nothing changed for goes on.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { recordConsent } from '../../server/mailing/consent.ts';
import { enqueue, type OutboxDraft } from '../../server/mailing/outbox.ts';
import { claimRequests } from '../../server/mailing/outbox-claim.ts';
import { closeStaleClaims } from '../../server/mailing/outbox-stale.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const USER = 9_400_000;

describe('the last look closes what the claim closes', () => {
  it('moved on, rule stopped, consent withdrawn, campaign paused: same reasons as the claim; a reply goes on', async () => {
    world = await createMessagingWorld();
    const w = world;
    const db = w.deps.db;
    const [p0, p1, p2, p3] = await w.addParticipants({ count: 4, firstUserId: USER });
    const rule = (name: string) =>
      inTransaction(db, async (tx) => {
        const [r] = await tx
          .insert(schema.messageRules)
          .values({
            campaignId: w.campaignId,
            name,
            stage: 'opened',
            notStage: 'task_done',
            minHours: 0,
            variants: [{ key: 'a', text: 'Вернитесь' }],
          })
          .returning();
        if (!r) throw new Error('no rule');
        return r.id;
      });
    const [kept, stopped] = [await rule('kept'), await rule('stopped')];
    const drafts = (twin: string): OutboxDraft[] => {
      const ruleRow = (i: number, ruleId: number, participantId: number | undefined) => ({
        dedupeKey: `${twin}:rule:${i}`,
        kind: 'rule' as const,
        ruleId,
        campaignId: w.campaignId,
        participantId,
        vkGroupId: GROUP_ID,
        vkUserId: USER + i,
        channel: 'message' as const,
        text: `rule ${twin} ${i}`,
      });
      return [
        ruleRow(0, kept, p0),
        ruleRow(1, stopped, p1),
        { ...ruleRow(2, kept, p2), kind: 'broadcast' as const, ruleId: undefined, participantId: undefined },
        {
          dedupeKey: `${twin}:reply`,
          kind: 'reply' as const,
          vkGroupId: GROUP_ID,
          vkUserId: USER + 3,
          channel: 'message' as const,
          text: `reply ${twin}`,
        },
      ];
    };
    const claim = () =>
      claimRequests(db, { now: w.clock.now, maxRequests: 10, leaseMs: 60_000, channels: ['message'] });
    await inTransaction(db, (tx) => enqueue(tx, drafts('claimed'), w.clock.now));
    const claimed = (await claim()).flatMap((r) => r.rows);
    expect(claimed).toHaveLength(4);
    expect(p3).toBeDefined();

    // After the claim: participant 0 moves on, the second rule is switched off, user 2 withdraws the consent.
    await inTransaction(db, async (tx) => {
      await tx
        .update(schema.participants)
        .set({ stageIndex: 1, stage: 'task_done' })
        .where(eq(schema.participants.id, p0 as number));
      await tx.update(schema.messageRules).set({ active: false }).where(eq(schema.messageRules.id, stopped));
      await recordConsent(tx, {
        vkGroupId: GROUP_ID,
        vkUserId: USER + 2,
        channel: 'message',
        allowed: false,
        source: 'miniapp_deny',
        at: w.clock.now,
      });
    });
    const left = await closeStaleClaims(db, claimed, w.clock.now);
    expect(left.map((r) => r.kind)).toEqual(['reply']);
    await inTransaction(db, (tx) => enqueue(tx, drafts('queued'), w.clock.now));
    const taken = (await claim()).flatMap((r) => r.rows);
    expect(taken.map((r) => r.kind)).toEqual(['reply']);

    const rows = await db.select().from(schema.outbox).where(eq(schema.outbox.status, 'cancelled'));
    const reasonOf = (twin: string) =>
      Object.fromEntries(
        rows
          .filter((r) => r.dedupeKey.startsWith(twin))
          .map((r) => [r.dedupeKey.split(':').slice(1).join(':'), r.errorReason]),
      );
    const expected = { 'rule:0': 'moved_on', 'rule:1': 'rule_or_campaign_not_live', 'rule:2': 'consent_revoked' };
    expect(reasonOf('claimed')).toEqual(expected);
    expect(reasonOf('queued')).toEqual(expected);
    // Closed by the look as if never claimed.
    expect(
      rows.filter((r) => r.dedupeKey.startsWith('claimed')).every((r) => r.attempts === 0 && r.claimedAt === null),
    ).toBe(true);

    // A paused campaign stops the rule that was still running, at the look as at the claim.
    await inTransaction(db, (tx) =>
      tx
        .update(schema.participants)
        .set({ stageIndex: 0, stage: 'opened' })
        .where(eq(schema.participants.id, p0 as number)),
    );
    await inTransaction(db, (tx) => enqueue(tx, [drafts('paused')[0] as OutboxDraft], w.clock.now));
    const again = (await claim()).flatMap((r) => r.rows);
    expect(again.map((r) => r.dedupeKey)).toEqual(['paused:rule:0']);
    await inTransaction(db, (tx) =>
      tx.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.id, w.campaignId)),
    );
    expect(await closeStaleClaims(db, again, w.clock.now)).toEqual([]);
    const [paused] = await db
      .select()
      .from(schema.outbox)
      .where(inArray(schema.outbox.dedupeKey, ['paused:rule:0']));
    expect(paused).toMatchObject({ status: 'cancelled', errorReason: 'rule_or_campaign_not_live', attempts: 0 });
  });

  it('a reply (no campaign) is its community brand’s: switched off after the claim, the look closes it (decision 069)', async () => {
    world = await createMessagingWorld();
    const w = world;
    const reply = {
      dedupeKey: 'reply',
      kind: 'reply' as const,
      vkGroupId: GROUP_ID,
      vkUserId: USER,
      channel: 'message' as const,
      text: 'Здравствуйте',
    };
    await inTransaction(w.deps.db, (tx) => enqueue(tx, [reply], w.clock.now));
    const claimed = (
      await claimRequests(w.deps.db, { now: w.clock.now, maxRequests: 1, leaseMs: 60_000, channels: ['message'] })
    ).flatMap((r) => r.rows);
    expect(claimed.map((r) => r.dedupeKey)).toEqual(['reply']);
    // Nothing changed: it goes on.
    expect(await closeStaleClaims(w.deps.db, claimed, w.clock.now)).toEqual(claimed);
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    expect(await closeStaleClaims(w.deps.db, claimed, w.clock.now)).toEqual([]);
    const [row] = await w.deps.db.select().from(schema.outbox);
    expect(row).toMatchObject({ status: 'cancelled', errorReason: 'brand_switched_off', attempts: 0 });
  });
});
