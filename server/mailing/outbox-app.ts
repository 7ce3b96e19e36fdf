/**
 * @module The VK app a notification row is sent for (decision 090): its campaign's app's VK id, written on the row
 * (`outbox.vk_app_id`) when it is enqueued and kept while it waits (decision 093), so an app's sender run finds its
 * rows by index instead of looking up each row's campaign. Null (no campaign, or its app has no VK id): the configured
 * app's (`VK_APP_ID`), as its `open_app` button is (open-app-button.ts). Community messages carry none: a community
 * sends them.
 */
import { and, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { MessageChannel } from '../db/schema/messaging.ts';
import type { Tx } from '../db/transactions.ts';

const { outbox, campaigns } = schema;

/**
 * The VK app id of a campaign's app; null when it has none. Spelled out with its tables: drizzle writes columns
 * without them where a statement names one table, and `id` would be ambiguous inside.
 */
function campaignVkAppId(campaignId: SQLWrapper | number): SQL<number | null> {
  return sql<
    number | null
  >`(select "apps"."vk_app_id" from "campaigns" inner join "apps" on "apps"."id" = "campaigns"."app_id" where "campaigns"."id" = ${campaignId})`;
}

/** What a new row's `vk_app_id` is written as (outbox.ts): its campaign's app's, for a notification. */
export function vkAppIdOfDraft(d: { channel: MessageChannel; campaignId?: number }): SQL<number | null> | null {
  return d.channel === 'notification' && d.campaignId !== undefined ? campaignVkAppId(d.campaignId) : null;
}

/**
 * A campaign moved to another app, or an app's VK id changed: the notifications still to send (queued, or claimed by
 * a run whose lease may end) follow, as they did when the app was looked up at each claim. Call it in the transaction
 * that makes the change. Finished rows keep the app they were sent for.
 * @example await outboxFollowsCampaignApp(tx, [campaignId])
 */
export async function outboxFollowsCampaignApp(tx: Tx, campaignIds: number[] | SQLWrapper): Promise<void> {
  await tx
    .update(outbox)
    .set({ vkAppId: campaignVkAppId(outbox.campaignId) })
    .where(
      and(
        eq(outbox.channel, 'notification'),
        inArray(outbox.status, ['queued', 'sending']),
        inArray(outbox.campaignId, campaignIds),
      ),
    );
}

/** The campaigns of an app (by row id), for `outboxFollowsCampaignApp` after its VK id changed. */
export function campaignsOfApp(tx: Tx, appId: number) {
  return tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.appId, appId));
}
