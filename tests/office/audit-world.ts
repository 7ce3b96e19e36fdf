/**
 * The office world of the audit matrix: the permission matrix's world with the VK API pointed at the fake (a draw
 * pick is verified against it), an outsider (the owner of another agency), and draw campaigns built on demand.
 */
import { eq } from 'drizzle-orm';
import { schema } from '../../server/db/client.ts';
import { goLiveSteps } from '../../server/office/campaigns/go-live.ts';
import { DAY, GROUP_ID } from '../../server/promo/testing/promo-world.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../support/test-deps.ts';
import type { AuditWorld } from './audit-cases.ts';
import type { OfficeOperation } from './office-operations.ts';
import { createOfficeMatrixWorld, type OfficeMatrixWorld } from './office-world.ts';

export const OUTSIDER = 49_000;

export async function createAuditWorld(): Promise<AuditWorld & { outsider: number; fake: FakeVkApi }> {
  const fake = await startFakeVkApi();
  const w = await createOfficeMatrixWorld({
    VK_API_BASE_URL: fake.url,
    VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
    VK_GROUP_ID: String(GROUP_ID),
    VK_GROUP_TOKEN: `group:${GROUP_ID}`,
  });
  await w.write((tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(OUTSIDER),
      agencyId: w.tenants.foreign.agencyId,
      brandId: null,
      role: 'agency_admin',
      sections: [],
    }),
  );
  let entrant = 60_000;
  return {
    ...w,
    fake,
    outsider: OUTSIDER,
    owner: w.user('agency_admin', 'any', true),
    close: async () => {
      await w.close();
      await fake.close();
    },
    async drawCampaign() {
      const drawAt = w.clock.now + DAY;
      const id = await w.campaign({
        status: 'scheduled',
        startsAt: w.clock.now - DAY,
        settings: { draw: { winners: 1, reserves: 1, drawAt, requiredTaskKeys: ['join'] } },
      });
      await w.write((tx) =>
        tx.update(schema.campaigns).set({ legalType: 'giveaway' }).where(eq(schema.campaigns.id, id)),
      );
      await w.task(id, 'join', 'join_community');
      const [task] = await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.campaignId, id));
      await w.write(async (tx) => {
        for (let i = 0; i < 3; i += 1) {
          entrant += 1;
          const [p] = await tx
            .insert(schema.participants)
            .values({
              campaignId: id,
              platform: 'vk',
              platformUserId: String(entrant),
              stageReachedAt: w.clock.now,
              referralCode: `a${entrant}`,
            })
            .returning({ id: schema.participants.id });
          await tx.insert(schema.taskCompletions).values({
            participantId: p?.id ?? 0,
            taskId: task?.id ?? 0,
            status: 'done',
            level: 'server_verified',
            startedAt: w.clock.now,
            doneAt: w.clock.now,
          });
        }
        await tx.update(schema.campaigns).set({ status: 'live' }).where(eq(schema.campaigns.id, id));
        await goLiveSteps(tx, { campaignId: id, now: w.clock.now });
      });
      w.clock.set(drawAt);
      return id;
    },
  };
}

/** The URL of a case: its prepared params, then the own tenant's rows, then `x` for what is left. */
export function caseUrl(w: OfficeMatrixWorld, op: OfficeOperation, params: Record<string, number | string>): string {
  const own = w.tenants.own;
  const tenant: Record<string, number> = { brandId: own.brandId, poolId: own.poolId, groupId: own.vkGroupId };
  return op.path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    if (params[name] !== undefined) return String(params[name]);
    if (name === 'id' && op.path.slice(0, offset).endsWith('campaigns/')) return String(own.campaignId);
    return String(tenant[name] ?? 'x');
  });
}
