import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { openCampaign } from '../promo/participation/participation.service.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { recordEvent } from './record-event.ts';

let w: PromoWorld;
afterEach(() => w.close());

function setup() {
  w = createPromoWorld();
  const campaignId = w.campaign({ stages: ['opened', 'task_started', 'task_done', 'reward_issued'] });
  const { participant } = openCampaign(w.deps, w.identity(1), campaignId, {});
  const read = () =>
    w.deps.db.select().from(schema.participants).where(eq(schema.participants.id, participant.id)).get();
  return { campaignId, participantId: participant.id, read };
}

describe('recordEvent', () => {
  it('appends the event and moves the stage forward with the time it was reached', () => {
    const { campaignId, participantId, read } = setup();
    const r = recordEvent(w.deps.db, { campaignId, participantId, type: 'task_done', at: 5000 });
    expect(r.stageChanged).toBe(true);
    expect(read()).toMatchObject({ stage: 'task_done', stageIndex: 2, stageReachedAt: 5000 });
  });

  it('never moves the stage backwards, and events outside the stage list leave it alone', () => {
    const { campaignId, participantId, read } = setup();
    recordEvent(w.deps.db, { campaignId, participantId, type: 'reward_issued', at: 10 });
    expect(recordEvent(w.deps.db, { campaignId, participantId, type: 'task_started', at: 20 }).stageChanged).toBe(
      false,
    );
    recordEvent(w.deps.db, { campaignId, participantId, type: 'sold_out_seen', at: 30 });
    expect(read()).toMatchObject({ stage: 'reward_issued', stageIndex: 3, stageReachedAt: 10 });
    const types = w.deps.db
      .select({ t: schema.events.type })
      .from(schema.events)
      .where(eq(schema.events.participantId, participantId))
      .orderBy(schema.events.id)
      .all()
      .map((e) => e.t);
    expect(types).toEqual(['opened', 'reward_issued', 'task_started', 'sold_out_seen']);
  });

  it('is part of the caller transaction: a rollback removes both the event and the stage change', () => {
    const { campaignId, participantId, read } = setup();
    expect(() =>
      w.deps.db.transaction((tx) => {
        recordEvent(tx, { campaignId, participantId, type: 'task_done', at: 99 });
        throw new Error('later step failed');
      }),
    ).toThrow('later step failed');
    expect(read()?.stage).toBe('opened');
    expect(w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'task_done')).all()).toHaveLength(0);
  });

  it('records anonymous events without touching any participant', () => {
    const { campaignId } = setup();
    expect(recordEvent(w.deps.db, { campaignId, type: 'rules_viewed', at: 1 }).stageChanged).toBe(false);
  });
});
