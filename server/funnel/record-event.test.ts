import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { openCampaign } from '../promo/participation/participation.service.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { type FunnelEvent, recordEvent } from './record-event.ts';

let w: PromoWorld;
afterEach(() => w.close());

async function setup() {
  w = await createPromoWorld();
  const campaignId = await w.campaign({ stages: ['opened', 'task_started', 'task_done', 'reward_issued'] });
  const { participant } = await openCampaign(w.deps, w.identity(1), campaignId, {});
  const read = async () =>
    (await w.deps.db.select().from(schema.participants).where(eq(schema.participants.id, participant.id)))[0];
  const record = (event: FunnelEvent) => inTransaction(w.deps.db, (tx) => recordEvent(tx, event));
  return { campaignId, participantId: participant.id, read, record };
}

describe('recordEvent', () => {
  it('appends the event and moves the stage forward with the time it was reached', async () => {
    const { campaignId, participantId, read, record } = await setup();
    const r = await record({ campaignId, participantId, type: 'task_done', at: 5000 });
    expect(r.stageChanged).toBe(true);
    expect(await read()).toMatchObject({ stage: 'task_done', stageIndex: 2, stageReachedAt: 5000 });
  });

  it('never moves the stage backwards, and events outside the stage list leave it alone', async () => {
    const { campaignId, participantId, read, record } = await setup();
    await record({ campaignId, participantId, type: 'reward_issued', at: 10 });
    expect((await record({ campaignId, participantId, type: 'task_started', at: 20 })).stageChanged).toBe(false);
    await record({ campaignId, participantId, type: 'sold_out_seen', at: 30 });
    expect(await read()).toMatchObject({ stage: 'reward_issued', stageIndex: 3, stageReachedAt: 10 });
    const types = (
      await w.deps.db
        .select({ t: schema.events.type })
        .from(schema.events)
        .where(eq(schema.events.participantId, participantId))
        .orderBy(schema.events.id)
    ).map((e) => e.t);
    expect(types).toEqual(['opened', 'reward_issued', 'task_started', 'sold_out_seen']);
  });

  it('is part of the caller transaction: a rollback removes both the event and the stage change', async () => {
    const { campaignId, participantId, read } = await setup();
    await expect(
      inTransaction(w.deps.db, async (tx) => {
        await recordEvent(tx, { campaignId, participantId, type: 'task_done', at: 99 });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect((await read())?.stage).toBe('opened');
    expect(await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'task_done'))).toHaveLength(0);
  });

  it('records anonymous events without touching any participant', async () => {
    const { campaignId, record } = await setup();
    expect((await record({ campaignId, type: 'rules_viewed', at: 1 })).stageChanged).toBe(false);
  });

  it('refuses to write outside a transaction: the domain handle reads only', async () => {
    const { campaignId } = await setup();
    const error = await recordEvent(w.deps.db, { campaignId, type: 'rules_viewed', at: 1 }).then(
      () => undefined,
      (e: Error) => e,
    );
    // SQLite: "attempt to write a readonly database"; PostgreSQL (drizzle's error, the driver's as its cause):
    // "cannot execute INSERT in a read-only transaction".
    expect(`${error?.message} ${(error?.cause as Error | undefined)?.message}`).toMatch(/readonly|read-only/);
  });
});
