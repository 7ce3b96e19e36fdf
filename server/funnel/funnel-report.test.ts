/** Funnel report on hand-built event histories: same-timestamp events, re-entry, window expiry, missing identity. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { schema } from '../db/client.ts';
import { usesIndex } from '../db/query-plan.ts';
import { inserted } from '../db/rows.ts';
import { funnelReport } from './funnel-report.ts';
import { explainStuck, stuckCsv, stuckParticipants } from './stuck-participants.ts';

const H = 3_600_000;
const D = 24 * H;
const D0 = Date.UTC(2026, 5, 1);
const t0 = D0 + 2 * D;

let w: TestWorld;
let campaignId: number;
beforeEach(async () => {
  w = createTestWorld({}, t0 + 20 * D);
  campaignId = await w.write(async (tx) => {
    const agency = inserted(await tx.insert(schema.agencies).values({ name: 'A' }).returning());
    const brand = inserted(await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'B' }).returning());
    const app = inserted(await tx.insert(schema.apps).values({ brandId: brand.id, name: 'a', vkAppId: 1 }).returning());
    const campaign = inserted(
      await tx
        .insert(schema.campaigns)
        .values({
          brandId: brand.id,
          appId: app.id,
          slug: 's',
          title: 'T',
          mechanic: 'tasks',
          status: 'live',
          startsAt: D0,
          endsAt: D0 + 60 * D,
          stages: ['opened', 'task_done', 'reward_issued'],
        })
        .returning(),
    );
    return campaign.id;
  });
});
afterEach(async () => w.close());

async function participant(
  userId: number,
  source: string | null = null,
  stage = 'opened',
  reachedAt = t0,
): Promise<number> {
  const stages = ['opened', 'task_done', 'reward_issued'];
  const row = await w.write(async (tx) =>
    inserted(
      await tx
        .insert(schema.participants)
        .values({
          campaignId,
          platform: 'vk',
          platformUserId: String(userId),
          stage,
          stageIndex: stages.indexOf(stage),
          stageReachedAt: reachedAt,
          source,
          referralCode: `r${userId}`,
        })
        .returning(),
    ),
  );
  return row.id;
}

async function events(pid: number | null, list: Array<[string, number]>) {
  await w.write(async (tx) => {
    for (const [type, at] of list) await tx.insert(schema.events).values({ campaignId, participantId: pid, type, at });
  });
}

describe('funnelReport', () => {
  beforeEach(async () => {
    const p1 = await participant(1, 'group_menu');
    const p2 = await participant(2, 'group_menu');
    const p3 = await participant(3);
    const p4 = await participant(4);
    const p5 = await participant(5);
    const p6 = await participant(6);
    const p7 = await participant(7);
    await events(p1, [
      ['opened', t0],
      ['task_done', t0 + H],
      ['reward_issued', t0 + 3 * H],
    ]);
    // Same timestamp for all three steps, recorded in reverse order: still in order.
    await events(p2, [
      ['reward_issued', t0],
      ['task_done', t0],
      ['opened', t0],
    ]);
    // Re-entry: the window runs from the first open and is not restarted by the second.
    await events(p3, [
      ['opened', t0],
      ['opened', t0 + 8 * D],
      ['task_done', t0 + 8 * D + H],
    ]);
    // Window expiry: the task inside the 7-day window, the reward 1 ms outside it.
    await events(p4, [
      ['opened', t0],
      ['task_done', t0 + 6 * D],
      ['reward_issued', t0 + 7 * D + 1],
    ]);
    // A step before step 1 does not count.
    await events(p5, [
      ['task_done', t0 - H],
      ['opened', t0],
    ]);
    // Opened before the date range: not in this cohort.
    await events(p6, [
      ['opened', D0 - D],
      ['task_done', t0],
    ]);
    // Skipping a step: ordered funnels need task_done before reward_issued.
    await events(p7, [
      ['opened', t0 + D],
      ['reward_issued', t0 + D + H],
    ]);
    // Missing identity: stage events without a participant are left out and counted.
    await events(null, [
      ['opened', t0],
      ['task_done', t0 + H],
    ]);
  });

  const query = { from: D0, to: D0 + 10 * D, windowMs: 7 * D };

  it('counts uniques in order within the window', async () => {
    const r = await funnelReport(w.deps.db, { campaignId, ...query });
    expect(r.stages.map((s) => [s.stage, s.count, s.pctOfFirst, s.pctOfPrevious, s.dropOff])).toEqual([
      ['opened', 6, 100, 100, 0],
      ['task_done', 3, 50, 50, 3],
      ['reward_issued', 2, 33.33, 66.67, 1],
    ]);
    expect(r.eventsWithoutIdentity).toBe(2);
    expect(r.stages[1]?.medianMsFromPrevious).toBe(H);
    expect(r.stages[2]?.medianMsFromPrevious).toBe(H);
    expect(r.stages[0]?.medianMsFromPrevious).toBeNull();
  });

  it('a longer window lets the late reward count; a narrower date range shrinks the cohort', async () => {
    const longer = await funnelReport(w.deps.db, { campaignId, ...query, windowMs: 9 * D });
    expect(longer.stages.map((s) => s.count)).toEqual([6, 4, 3]);
    const firstDay = await funnelReport(w.deps.db, { campaignId, from: t0, to: t0 + 1, windowMs: 7 * D });
    expect(firstDay.stages.map((s) => s.count)).toEqual([5, 3, 2]);
  });

  it('breaks down by launch source', async () => {
    const r = await funnelReport(w.deps.db, { campaignId, ...query, breakdown: 'source' });
    expect(r.breakdown?.map((b) => [b.value, b.stages.map((s) => s.count)])).toEqual([
      ['(none)', [4, 1, 0]],
      ['group_menu', [2, 2, 2]],
    ]);
  });

  it('breaks down by message variant (holdout and users without a message apart)', async () => {
    const [p1, p3, p4] = [1, 3, 4];
    const rows: Array<[number, string, 'sent' | 'holdout']> = [
      [p1, 'A', 'sent'],
      [p3, 'A', 'sent'],
      [p4, 'holdout', 'holdout'],
    ];
    for (const [pid, variant, status] of rows) {
      await w.write((tx) =>
        tx.insert(schema.outbox).values({
          dedupeKey: `rule:1:${pid}`,
          kind: 'rule',
          ruleId: 1,
          campaignId,
          participantId: pid,
          vkGroupId: 1,
          vkUserId: pid,
          channel: 'message',
          variant,
          text: 't',
          contentKey: 'c',
          randomId: pid,
          status,
          nextAttemptAt: 0,
          createdAt: 0,
          updatedAt: 0,
        }),
      );
    }
    const r = await funnelReport(w.deps.db, { campaignId, ...query, breakdown: 'variant', ruleId: 1 });
    expect(r.breakdown?.map((b) => [b.value, b.stages.map((s) => s.count)])).toEqual([
      ['no_message', [3, 1, 1]],
      ['A', [2, 1, 1]],
      ['holdout', [1, 1, 0]],
    ]);
  });

  it('rejects an empty range', async () => {
    await expect(funnelReport(w.deps.db, { campaignId, from: D0, to: D0, windowMs: D })).rejects.toThrow(/after/);
  });
});

describe('stuck participants', () => {
  it('lists who is stuck where through the stage index, with keyset paging and CSV', async () => {
    const now = t0 + 20 * D;
    await participant(11, 'ads', 'opened', now - 30 * H);
    await participant(12, null, 'opened', now - 50 * H);
    await participant(13, null, 'opened', now - 2 * H);
    await participant(14, null, 'task_done', now - 50 * H);
    const q = { campaignId, stage: 'opened', minHours: 24, now, limit: 1 };
    const first = await stuckParticipants(w.deps.db, q);
    expect(first.total).toBe(2);
    expect(first.rows.map((r) => r.userId)).toEqual(['12']);
    const last = first.rows[0];
    const next = await stuckParticipants(w.deps.db, {
      ...q,
      after: { reachedAt: last?.stageReachedAt ?? 0, id: last?.participantId ?? 0 },
    });
    expect(next.rows.map((r) => r.userId)).toEqual(['11']);
    const csv = stuckCsv([...first.rows, ...next.rows], now, 'ru');
    expect(csv.split('\r\n')[0]).toBe(
      'ID участника;Платформа;ID пользователя;Этап;Этап достигнут (UTC);Часов на этапе;Источник',
    );
    expect(csv).toContain(';11;Открыли акцию;');
    expect(csv).toContain(';30;ads');
    expect(usesIndex(await explainStuck(w.deps.db, q), 'participants_stage_idx')).toBe(true);
  });
});
