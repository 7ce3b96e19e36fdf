/**
 * The draw of a brand the agency switched off (only the agency's people still reach it, auth/permissions.ts): what
 * would act for the brand towards VK or its winners — re-checking a pick (its community token is withheld,
 * agency-secrets.ts) and announcing (the outbox would close the messages as `brand_switched_off` while the winners
 * count as told) — is refused up front with 409 `brand_switched_off`, not a 503 that invites retrying; reading the
 * draw stays open, and once the brand is switched back on both work. The fake VK API answers for the community.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../../tests/support/test-deps.ts';
import { schema } from '../../db/client.ts';
import { GROUP_ID } from '../testing/promo-world.ts';
import { createDrawWorld, type DrawWorld } from './testing/draw-world.ts';

const AGENCY_OWNER = 900_777;
const WINNER = 101;

let fake: FakeVkApi;
let w: DrawWorld | undefined;
beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(() => {
  w?.close();
  w = undefined;
  fake.reset();
});

describe('the draw of a switched-off brand', () => {
  it('verify and announce are 409 brand_switched_off, writing nothing; after switch-on both work', async () => {
    const world = await createDrawWorld({
      winners: 1,
      reserves: 0,
      env: {
        VK_API_BASE_URL: fake.url,
        VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
        VK_GROUP_ID: String(GROUP_ID),
        VK_GROUP_TOKEN: `group:${GROUP_ID}`,
      },
    });
    w = world;
    await world.write(async (tx) => {
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(AGENCY_OWNER),
        agencyId: world.agencyId,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      });
      await tx.insert(schema.consents).values({
        vkGroupId: GROUP_ID,
        vkUserId: WINNER,
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: world.clock.now,
      });
    });
    await world.entrant(WINNER);
    await world.goLive();
    world.clock.set(world.drawAt);
    const drawn = await world.admin('POST', `/api/admin/campaigns/${world.campaignId}/draw`);
    expect(drawn.status).toBe(200);
    const [pick] = ((await drawn.json()) as { picks: { id: number }[] }).picks;
    fake.allowMessages(GROUP_ID, WINNER);
    fake.addMember(GROUP_ID, WINNER);

    const agency = (method: string, path: string) => world.call(method, path, AGENCY_OWNER);
    const switchBrand = async (to: 'switch-off' | 'switch-on') =>
      expect((await agency('POST', `/api/admin/agency/brands/${world.brandId}/${to}`)).status).toBe(200);
    const draw = `/api/admin/campaigns/${world.campaignId}/draw`;
    const answer = async (res: Response) => {
      const body = (await res.json()) as { error?: { code: string } };
      return [res.status, body.error?.code];
    };
    await switchBrand('switch-off');
    const auditBefore = (await world.deps.db.select().from(schema.officeAudit)).length;
    const vkCallsBefore = fake.calls.length;
    expect(await answer(await agency('POST', `${draw}/picks/${pick?.id}/verify`))).toEqual([409, 'brand_switched_off']);
    expect(await answer(await agency('POST', `${draw}/announce`))).toEqual([409, 'brand_switched_off']);
    expect(await world.deps.db.select().from(schema.outbox)).toEqual([]);
    const [stored] = await world.deps.db
      .select()
      .from(schema.drawPicks)
      .where(eq(schema.drawPicks.id, pick?.id ?? 0));
    expect([stored?.verification, stored?.announcedAt]).toEqual([null, null]);
    expect(await world.deps.db.select().from(schema.officeAudit)).toHaveLength(auditBefore);
    // VK was not asked on the brand's behalf; the draw is still there to read.
    expect(fake.calls).toHaveLength(vkCallsBefore);
    expect((await agency('GET', draw)).status).toBe(200);

    await switchBrand('switch-on');
    const verified = await agency('POST', `${draw}/picks/${pick?.id}/verify`);
    expect([verified.status, ((await verified.json()) as { ok: boolean }).ok]).toEqual([200, true]);
    const announced = await agency('POST', `${draw}/announce`);
    expect([announced.status, ((await announced.json()) as { queued: number }).queued]).toEqual([200, 1]);
  });
});
