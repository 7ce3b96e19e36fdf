/**
 * Advisory fraud flags on the draw's entries (known answers, the fake VK API's users.get), and excluding a flagged
 * entry before the draw with a reason in the audit log — never after, when the list is frozen.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../../tests/support/test-deps.ts';
import { schema } from '../../db/client.ts';
import { GROUP_ID } from '../testing/promo-world.ts';
import { createDrawWorld, type DrawWorld } from './testing/draw-world.ts';

let w: DrawWorld;
let fake: FakeVkApi;
beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(async () => {
  w?.close();
  fake.reset();
});

interface Entrants {
  frozen: boolean;
  vkChecked: boolean;
  entrants: {
    participantId: number;
    userId: string;
    flags: string[];
    why: Record<string, unknown>;
    excluded: { reason: string } | null;
  }[];
}
const MIN = 60_000;

async function flaggedWorld(): Promise<Map<number, number>> {
  w = await createDrawWorld({
    winners: 2,
    reserves: 1,
    env: {
      VK_API_BASE_URL: fake.url,
      VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
      VK_GROUP_ID: String(GROUP_ID),
      VK_GROUP_TOKEN: `group:${GROUP_ID}`,
    },
  });
  const ids = new Map<number, number>();
  for (let u = 101; u <= 109; u += 1) ids.set(u, await w.entrant(u));
  fake.setProfile(102, { hasPhoto: false });
  fake.setProfile(103, { isClosed: true });
  fake.setProfile(104, { deactivated: 'deleted' });
  // 105–107 referred by 101 within three minutes (a burst); 108 by 101 an hour later (alone in its window).
  const t0 = w.clock.now;
  const referred: [number, number][] = [
    [105, t0],
    [106, t0 + MIN],
    [107, t0 + 3 * MIN],
    [108, t0 + 63 * MIN],
  ];
  await w.write(async (tx) => {
    for (const [u, at] of referred)
      await tx
        .update(schema.participants)
        .set({ referredBy: ids.get(101), createdAt: at })
        .where(eq(schema.participants.id, ids.get(u) as number));
  });
  // 109 failed a check of another task of the campaign.
  await w.task(w.campaignId, 'bonus', 'join_community');
  const [bonusTask] = await w.deps.db
    .select({ id: schema.tasks.id })
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, w.campaignId), eq(schema.tasks.key, 'bonus')));
  const bonus = bonusTask?.id as number;
  await w.write((tx) =>
    tx.insert(schema.taskCompletions).values({
      participantId: ids.get(109) as number,
      taskId: bonus,
      status: 'failed',
      startedAt: t0,
    }),
  );
  await w.goLive();
  return ids;
}

const entrants = async (): Promise<Entrants> => {
  const res = await w.admin('GET', `/api/admin/campaigns/${w.campaignId}/draw/entrants`);
  expect(res.status).toBe(200);
  return (await res.json()) as Entrants;
};

// The referrer as the office names any person (server/profile-url.ts): it was `referrerUserId` alone, and the office
// wrote it `id…` whatever the referrer's platform.
const REFERRER = { platform: 'vk', userId: '101', profileUrl: 'https://vk.com/id101' };

describe('fraud flags on draw entries', () => {
  it('item 1: each entry carries the flags with known answers (page, referral burst, failed check)', async () => {
    await flaggedWorld();
    const view = await entrants();
    expect(view).toMatchObject({ frozen: false, vkChecked: true });
    expect(Object.fromEntries(view.entrants.map((e) => [e.userId, e.flags]))).toEqual({
      101: [],
      102: ['no_photo'],
      103: ['closed_profile'],
      104: ['deactivated'],
      105: ['referral_burst'],
      106: ['referral_burst'],
      107: ['referral_burst'],
      108: [],
      109: ['verification_failed'],
    });
    expect(Object.fromEntries(view.entrants.map((e) => [e.userId, e.why]))).toEqual({
      101: {},
      102: {},
      103: {},
      104: { deactivated: { state: 'deleted' } },
      105: { referral_burst: { referrer: REFERRER, entries: 3, windowMinutes: 10 } },
      106: { referral_burst: { referrer: REFERRER, entries: 3, windowMinutes: 10 } },
      107: { referral_burst: { referrer: REFERRER, entries: 3, windowMinutes: 10 } },
      108: {},
      109: { verification_failed: { tasks: ['bonus'] } },
    });
    // users.get was asked once for every VK entry, with has_photo.
    const gets = fake.calls.filter((c) => c.method === 'users.get');
    expect(gets).toHaveLength(1);
    expect(gets[0]?.params).toMatchObject({ fields: 'has_photo' });
  });

  it('item 1: VK unavailable → the page flags are missing (vkChecked false), the others stay', async () => {
    await flaggedWorld();
    fake.failNext('users.get', 10, 5);
    const view = await entrants();
    expect(view.vkChecked).toBe(false);
    expect(view.entrants.find((e) => e.userId === '102')?.flags).toEqual([]);
    expect(view.entrants.find((e) => e.userId === '105')?.flags).toEqual(['referral_burst']);
  });

  it('item 1: a flagged entry excluded before the draw, with its reason audited, is not in the frozen list; after the draw nothing is excluded', async () => {
    const ids = await flaggedWorld();
    const base = `/api/admin/campaigns/${w.campaignId}/draw`;
    const deleted = ids.get(104) as number;
    expect((await w.admin('POST', `${base}/exclusions`, { participantId: deleted, reason: 'x' })).status).toBe(422);
    const res = await w.admin('POST', `${base}/exclusions`, { participantId: deleted, reason: 'Deleted page' });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Entrants;
    // Who excluded it is a person (the admin's VK page), not the stored key `vk:<id>`.
    expect(after.entrants.find((e) => e.participantId === deleted)?.excluded).toMatchObject({
      reason: 'Deleted page',
      by: {
        platform: 'vk',
        userId: expect.stringMatching(/^\d+$/),
        profileUrl: expect.stringMatching(/^https:\/\/vk\.com\/id\d+$/),
      },
    });
    const again = await w.admin('POST', `${base}/exclusions`, { participantId: deleted, reason: 'Deleted page' });
    expect(again.status).toBe(409);
    expect((await w.admin('POST', `${base}/exclusions`, { participantId: 999999, reason: 'Nobody' })).status).toBe(404);
    const audit = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'draw.exclude'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ section: 'prizes', entityId: String(deleted), before: { excluded: false } });
    expect(audit[0]?.after).toMatchObject({ excluded: true, reason: 'Deleted page', userId: '104' });

    w.clock.set(w.drawAt);
    expect((await w.admin('POST', base)).status).toBe(200);
    const [draw] = await w.deps.db.select().from(schema.draws).where(eq(schema.draws.campaignId, w.campaignId));
    const frozen = (draw?.entries ?? []).map((e) => e.userId);
    expect(frozen).toEqual(['101', '102', '103', '105', '106', '107', '108', '109']);
    const picks = await w.deps.db
      .select()
      .from(schema.drawPicks)
      .where(and(eq(schema.drawPicks.drawId, draw?.id as number), inArray(schema.drawPicks.participantId, [deleted])));
    expect(picks).toEqual([]);

    const late = await w.admin('POST', `${base}/exclusions`, { participantId: ids.get(102), reason: 'No photo' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error?.code ?? '').toBe('already_drawn');
    const view = await entrants();
    expect(view.frozen).toBe(true);
    expect(view.entrants.map((e) => e.userId)).toEqual(frozen);
    expect(
      await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'draw.exclude')),
    ).toHaveLength(1);
  });

  it('item 1: an excluded entry can be put back before the draw (audited with the old reason), never after', async () => {
    const ids = await flaggedWorld();
    const base = `/api/admin/campaigns/${w.campaignId}/draw`;
    const closed = ids.get(103) as number;
    const photo = ids.get(102) as number;
    expect((await w.admin('DELETE', `${base}/exclusions/${closed}`)).status).toBe(404);
    expect((await w.admin('POST', `${base}/exclusions`, { participantId: closed, reason: 'Closed page' })).status).toBe(
      200,
    );
    expect((await w.admin('POST', `${base}/exclusions`, { participantId: photo, reason: 'No photo' })).status).toBe(
      200,
    );
    // The office's entry count is what the draw would freeze now: the excluded are not counted.
    const count = async () => ((await (await w.admin('GET', base)).json()) as { entryCount: number }).entryCount;
    expect(await count()).toBe(7);
    const back = await w.admin('DELETE', `${base}/exclusions/${closed}`);
    expect(back.status).toBe(200);
    const view = (await back.json()) as Entrants;
    expect(view.entrants.find((e) => e.participantId === closed)?.excluded).toBeNull();
    expect(await count()).toBe(8);
    const [entry] = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'draw.include'));
    expect(entry).toMatchObject({ section: 'prizes', entityId: String(closed), after: { excluded: false } });
    // Who had excluded it is kept as a person, not the stored key `vk:<id>` (decision 109).
    expect(entry?.before).toMatchObject({
      excluded: true,
      reason: 'Closed page',
      by: { platform: 'vk', userId: expect.stringMatching(/^\d+$/) },
    });

    w.clock.set(w.drawAt);
    expect((await w.admin('POST', base)).status).toBe(200);
    const [draw] = await w.deps.db.select().from(schema.draws).where(eq(schema.draws.campaignId, w.campaignId));
    expect((draw?.entries ?? []).map((e) => e.userId)).toEqual([
      '101',
      '103',
      '104',
      '105',
      '106',
      '107',
      '108',
      '109',
    ]);
    const late = await w.admin('DELETE', `${base}/exclusions/${photo}`);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('already_drawn');
  });
});
