/**
 * @module Verifying a picked entry before the prize goes out: every required task checked again now, through the VK
 * API where VK can answer (`groups.isMember`, `messages.isMessagesFromGroupAllowed`, `apps.isNotificationsAllowed`,
 * asked with the tokens of the campaign's app and community, server/vk/vk-clients.ts), else from the server's own
 * completion record. The VK calls run before the transaction that stores the result.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requireBrandSwitchedOn } from '../../auth/permissions.ts';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../../office/audit.ts';
import { VkApiUnavailableError } from '../../vk/vk-api.ts';
import { appVk, communityVk, membershipVk } from '../../vk/vk-clients.ts';
import { campaignGroupId } from '../promo-context.ts';
import type { TaskRow } from '../tasks/task-records.ts';
import { requiredTasks } from './draw-entries.ts';
import { drawPicksOf, officeCampaign, pickOf, requireDraw, requireDrawn, requireDrawSettings } from './draw-records.ts';

export interface TaskCheck {
  taskKey: string;
  kind: TaskRow['kind'];
  ok: boolean;
  /** `vk`: asked VK just now; `record`: the server's completion record (a kind VK cannot answer for). */
  source: 'vk' | 'record';
}

export interface Verification {
  at: number;
  ok: boolean;
  checks: TaskCheck[];
}

/** The VK app id of the campaign's app (undefined when it has none). */
async function campaignVkAppId(db: Deps['db'], appRowId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ vkAppId: schema.apps.vkAppId })
    .from(schema.apps)
    .where(eq(schema.apps.id, appRowId))
    .limit(1);
  return row?.vkAppId ?? undefined;
}

/**
 * Re-checks a pick's required tasks and stores the outcome on the pick (audited). 503 `vk_unavailable` when VK
 * cannot answer: an inconclusive check is not a failed one; 409 `brand_switched_off` before asking anything when the
 * agency switched the brand off (VK is not asked on its behalf then).
 */
export async function verifyPick(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  pickId: number,
): Promise<Verification> {
  const { db } = deps;
  const campaign = await officeCampaign(db, identity, campaignId);
  await requireBrandSwitchedOn(db, campaign.brandId);
  const settings = requireDrawSettings(campaign);
  const draw = requireDrawn(await requireDraw(db, campaignId));
  const pick = pickOf(await drawPicksOf(db, draw.id), pickId);
  const [participant] = await db
    .select()
    .from(schema.participants)
    .where(eq(schema.participants.id, pick.participantId))
    .limit(1);
  if (!participant) throw new ApiError(404, 'pick_not_found', `Pick ${pickId} has no participant`);
  const required = await requiredTasks(db, campaignId, settings);
  const completions = await db
    .select()
    .from(schema.taskCompletions)
    .where(
      and(
        eq(schema.taskCompletions.participantId, participant.id),
        inArray(
          schema.taskCompletions.taskId,
          required.map((t) => t.id),
        ),
      ),
    );
  const doneIds = new Set(completions.filter((c) => c.status === 'done').map((c) => c.taskId));
  const onVk = participant.platform === 'vk';
  // A VK participant launched the campaign's app (only its launches see the campaign): VK is asked with its tokens.
  const launchApp = onVk ? await campaignVkAppId(db, campaign.appId) : undefined;
  const checks: TaskCheck[] = [];
  try {
    for (const task of required) {
      const groupId = (task.config.groupId as number | undefined) ?? (await campaignGroupId(db, campaign));
      const user = participant.platformUserId;
      let live: Promise<boolean> | undefined;
      if (onVk && groupId !== undefined && task.kind === 'join_community')
        live = (await membershipVk(deps, launchApp, groupId)).isMember(groupId, user);
      if (onVk && groupId !== undefined && task.kind === 'allow_messages')
        live = (await communityVk(deps, groupId)).isMessagesFromGroupAllowed(groupId, user);
      if (onVk && task.kind === 'allow_notifications')
        live = (await appVk(deps, launchApp)).isNotificationsAllowed(user);
      checks.push(
        live
          ? { taskKey: task.key, kind: task.kind, ok: await live, source: 'vk' }
          : { taskKey: task.key, kind: task.kind, ok: doneIds.has(task.id), source: 'record' },
      );
    }
  } catch (err) {
    if (err instanceof VkApiUnavailableError)
      throw new ApiError(503, 'vk_unavailable', `VK could not answer the check: ${err.message}`);
    throw err;
  }
  const verification: Verification = { at: deps.now(), ok: checks.every((c) => c.ok), checks };
  await inTransaction(db, async (tx) => {
    await tx
      .update(schema.drawPicks)
      .set({ verification: { ...verification } })
      .where(eq(schema.drawPicks.id, pick.id));
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.verify',
      entity: 'draw_pick',
      entityId: pick.id,
      before: pick.verification,
      after: verification,
    });
  });
  return verification;
}
