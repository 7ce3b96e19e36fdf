import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { campaignState } from '../participation/state.service.ts';
import { createPromoWorld, DAY, type PromoWorld } from '../testing/promo-world.ts';
import { markTaskDone } from './task-records.ts';

let w: PromoWorld;
afterEach(async () => w.close());

async function joinTask(campaignId: number) {
  const task = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.campaignId, campaignId))).find(
    (t) => t.kind === 'join_community',
  );
  if (!task) throw new Error('no join task');
  return task;
}

async function verifyJoinIn(campaignId: number, user: number, level: 'server_verified' | 'client_confirmed') {
  const p = (await openCampaign(w.deps, w.identity(user), campaignId, {})).participant;
  const task = await joinTask(campaignId);
  await w.write((tx) => markTaskDone(tx, { campaignId, participantId: p.id }, task, level, w.clock.now));
}

const joinState = async (campaignId: number, user: number) =>
  (await campaignState(w.deps, w.identity(user), campaignId)).tasks.find((t) => t.kind === 'join_community');

describe('membership carry-over', () => {
  it('item 17: a membership verified in one campaign is not asked again in another campaign of the same community', async () => {
    w = await createPromoWorld();
    const first = await w.campaign();
    const second = await w.campaign();
    await w.task(first, 'join', 'join_community');
    await w.task(second, 'join-too', 'join_community', {}, { attemptsGranted: 1 });
    await verifyJoinIn(first, 1, 'server_verified');
    await openCampaign(w.deps, w.identity(1), second, {});
    expect(await joinState(second, 1)).toMatchObject({ state: 'done', level: 'server_verified' });
    const done = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'task_done'));
    expect(done.at(-1)?.data).toMatchObject({ task: 'join-too', reusedFrom: first });
  });

  it('item 17: an unverified, an old or another community’s membership is not reused', async () => {
    w = await createPromoWorld();
    const [a, b, other] = [await w.campaign(), await w.campaign(), await w.campaign()];
    await w.task(a, 'join', 'join_community');
    await w.task(b, 'join', 'join_community');
    await w.task(other, 'join', 'join_community', { groupId: 999 });
    // Client-confirmed only: not a fact the server checked.
    await verifyJoinIn(a, 1, 'client_confirmed');
    await openCampaign(w.deps, w.identity(1), b, {});
    expect((await joinState(b, 1))?.state).not.toBe('done');
    // Verified, but in another community.
    await verifyJoinIn(other, 2, 'server_verified');
    await openCampaign(w.deps, w.identity(2), b, {});
    expect((await joinState(b, 2))?.state).not.toBe('done');
    // Verified in this community, but more than a week ago.
    await verifyJoinIn(a, 3, 'server_verified');
    w.clock.advance(8 * DAY);
    await openCampaign(w.deps, w.identity(3), b, {});
    expect((await joinState(b, 3))?.state).not.toBe('done');
  });
});
