/**
 * Revision semantics at every reader of tasks and rewards outside the office: a task a published revision removed
 * (`removed_at`) can no longer be completed by any path (VK membership update, referral, consent key) and grants
 * nothing new; a removed reward is issued to nobody new; what was earned before stays valid and is not re-granted.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { quizSettings } from '../seed/demo-promo.ts';
import { recordMembershipChange } from '../vk/community-membership.ts';
import { taskProgressIn } from '../vk/community-participations.ts';
import { openCampaign } from './participation/participation.service.ts';
import { submitQuiz } from './quiz/quiz.service.ts';
import { findGrant } from './rewards/issue-reward.ts';
import { confirmMessagesAllowedByKey } from './tasks/allow-messages-key.ts';
import { markTaskStarted } from './tasks/task-records.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from './testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

async function taskOf(campaignId: number, key: string) {
  const [task] = await w.deps.db
    .select()
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, campaignId), eq(schema.tasks.key, key)));
  if (!task) throw new Error(`no task ${key}`);
  return task;
}

const removeTask = (id: number) =>
  w.write((tx) => tx.update(schema.tasks).set({ removedAt: w.clock.now }).where(eq(schema.tasks.id, id)));

async function doneKeys(participantId: number): Promise<string[]> {
  const rows = await w.deps.db
    .select({ key: schema.tasks.key })
    .from(schema.taskCompletions)
    .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
    .where(and(eq(schema.taskCompletions.participantId, participantId), eq(schema.taskCompletions.status, 'done')));
  return rows.map((r) => r.key).sort();
}

describe('removed tasks and rewards', () => {
  it('item 1: a removed join task is not completed by a VK group_join, and the bot lists it only where it was done', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'join', 'join_community');
    await w.task(id, 'join-live', 'join_community');
    const early = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const late = (await openCampaign(w.deps, w.identity(2), id, {})).participant;
    await recordMembershipChange(w.deps.db, { vkGroupId: GROUP_ID, vkUserId: 1, left: false, at: w.clock.now });
    await removeTask((await taskOf(id, 'join')).id);
    w.clock.advance(1000);
    await recordMembershipChange(w.deps.db, { vkGroupId: GROUP_ID, vkUserId: 2, left: false, at: w.clock.now });
    // Earned before the removal stays; after it, only the live task can be done.
    expect(await doneKeys(early.id)).toEqual(['join', 'join-live']);
    expect(await doneKeys(late.id)).toEqual(['join-live']);
    const [mine] = await taskProgressIn(w.deps.db, GROUP_ID, 1);
    const [theirs] = await taskProgressIn(w.deps.db, GROUP_ID, 2);
    expect(mine?.tasks.map((t) => t.key)).toEqual(['join', 'join-live']);
    expect(theirs?.tasks.map((t) => t.key)).toEqual(['join-live']);
  });

  it('item 1: a removed invite task is not completed by new referrals', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'invite', 'invite_friends', { friendsRequired: 1 });
    const inviter = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    await removeTask((await taskOf(id, 'invite')).id);
    await openCampaign(w.deps, w.identity(2), id, { ref: inviter.referralCode });
    expect(await doneKeys(inviter.id)).toEqual([]);
  });

  it('item 1: a consent key of a removed allow_messages task confirms nothing', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'messages', 'allow_messages');
    const p = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const task = await taskOf(id, 'messages');
    const started = await w.write((tx) => markTaskStarted(tx, { campaignId: id, participantId: p.id }, task, 1));
    await removeTask(task.id);
    const result = await confirmMessagesAllowedByKey(w.deps.db, started.consentKey ?? '', 1, GROUP_ID, w.clock.now);
    expect(result.status).not.toBe('confirmed');
    expect(await doneKeys(p.id)).toEqual([]);
  });

  it('item 1: a quiz band whose reward was removed issues nothing new; a grant made before stays', async () => {
    w = await createPromoWorld();
    const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
    await w.reward(id, 'quiz10', { poolId: await w.pool(id, 'p10', ['T1', 'T2']), unlock: { quiz: true } });
    await w.reward(id, 'quiz25', { poolId: await w.pool(id, 'p25', ['X1', 'X2']), unlock: { quiz: true } });
    const allRight = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };
    await openCampaign(w.deps, w.identity(1), id, {});
    const before = await submitQuiz(w.deps, w.identity(1), id, allRight);
    expect(before).toMatchObject({ rewardStatus: 'issued', reward: { code: 'X1' } });
    await w.write((tx) =>
      tx
        .update(schema.rewards)
        .set({ removedAt: w.clock.now })
        .where(and(eq(schema.rewards.campaignId, id), eq(schema.rewards.key, 'quiz25'))),
    );
    await openCampaign(w.deps, w.identity(2), id, {});
    const after = await submitQuiz(w.deps, w.identity(2), id, allRight);
    expect(after.rewardStatus).not.toBe('issued');
    expect(after.reward).toBeNull();
    // The first participant's grant is still theirs, shown as before.
    const again = await submitQuiz(w.deps, w.identity(1), id, allRight);
    expect(again).toMatchObject({ rewardStatus: 'issued', reward: { code: 'X1' } });
    const [reward] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'quiz25'));
    const p2 = await w.deps.db.select().from(schema.participants).where(eq(schema.participants.platformUserId, '2'));
    expect(await findGrant(w.deps.db, p2[0]?.id ?? 0, reward?.id ?? 0)).toBeUndefined();
  });
});
