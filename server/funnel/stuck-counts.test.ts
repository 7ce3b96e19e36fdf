/**
 * «Who is stuck where» counts every stage in one answer (`GET …/stuck/counts?minHours=N`), with the list's own condition:
 * each count equals the list's total for that stage, a person is counted at exactly one stage (their current one), a
 * beta tester and a person who reached the stage too recently not at all; `stats` is the right, as for the list.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld, STAGES } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { usesIndex } from '../db/query-plan.ts';
import { inTransaction } from '../db/transactions.ts';
import { explainStuckCounts } from './stuck-participants.ts';

const ADMIN = 900_011;
const TEAM_ONLY = 900_012;
const HOUR = 3_600_000;

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
  await grantBrandAdmin(w, ADMIN, ['stats']);
  await grantBrandAdmin(w, TEAM_ONLY, ['team']);
});
afterEach(async () => {
  await w.shutdown();
});

async function get(path: string, user = ADMIN) {
  const res = await createApp(w.deps).request(`/api/admin/funnel/campaigns/${path}`, {
    headers: { Authorization: w.vkAuth(user) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('stuck counts, one answer for every stage', () => {
  it('counts each person once, at their stage, as the list totals them; testers and recent arrivals not at all', async () => {
    const old = w.clock.now - 30 * HOUR;
    await w.addParticipants({ count: 3, firstUserId: 80_000, reachedAt: old });
    await w.addParticipants({ count: 2, firstUserId: 80_100, reachedAt: w.clock.now - HOUR });
    await w.addParticipants({ count: 4, firstUserId: 80_200, reachedAt: old, stage: 'task_done' });
    await w.addParticipants({ count: 1, firstUserId: 80_300, reachedAt: old, stage: 'reward_issued' });
    const [tester] = await w.addParticipants({ count: 1, firstUserId: 80_400, reachedAt: old, stage: 'task_done' });
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.participants)
        .set({ isTester: true })
        .where(eq(schema.participants.id, tester as number)),
    );

    const day = await get(`${w.campaignId}/stuck/counts?minHours=24`);
    expect(day.status).toBe(200);
    expect(day.body).toEqual({
      minHours: 24,
      stages: [
        { stage: 'opened', count: 3 },
        { stage: 'task_done', count: 4 },
        { stage: 'reward_issued', count: 1 },
      ],
    });
    const none = await get(`${w.campaignId}/stuck/counts?minHours=0`);
    expect((none.body.stages as { count: number }[]).map((s) => s.count)).toEqual([5, 4, 1]);
    // Every participant but the tester, exactly once.
    expect((none.body.stages as { count: number }[]).reduce((a, s) => a + s.count, 0)).toBe(10);
    for (const hours of [0, 24]) {
      const counts = (await get(`${w.campaignId}/stuck/counts?minHours=${hours}`)).body.stages as {
        stage: string;
        count: number;
      }[];
      for (const stage of STAGES) {
        const list = await get(`${w.campaignId}/stuck?stage=${stage}&minHours=${hours}&limit=1`);
        expect(counts.find((c) => c.stage === stage)?.count, `${stage} ${hours}h`).toBe(list.body.total);
      }
    }
  });

  it('reads one range of the stage index per stage, not every participant of the campaign', async () => {
    const plan = await explainStuckCounts(
      w.deps.db,
      { campaignId: w.campaignId, minHours: 24, now: w.clock.now },
      STAGES,
    );
    expect(usesIndex(plan, 'participants_stage_idx'), plan.join('\n')).toBe(true);
  });

  it('refuses a member without `stats` (403), an unknown campaign (404) and bad hours (422), with reasons', async () => {
    const refused = await get(`${w.campaignId}/stuck/counts?minHours=24`, TEAM_ONLY);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBeTruthy();
    expect((await get(`${w.campaignId + 999}/stuck/counts`)).status).toBe(404);
    const bad = await get(`${w.campaignId}/stuck/counts?minHours=-1`);
    expect(bad.status).toBe(422);
    expect((await get(`${w.campaignId}/stuck/counts`)).body.minHours).toBe(24);
  });
});
