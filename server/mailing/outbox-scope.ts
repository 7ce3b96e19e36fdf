/**
 * @module Which outbox rows one sender run sends (decision 090): a community's messages, sent as that community, or a
 * VK app's notifications, sent with that app's service token. A notification row's app is its campaign's app; a row
 * whose campaign's app has no VK id (or of no campaign) is the configured app's (`VK_APP_ID`), as its `open_app`
 * button is (open-app-button.ts).
 */
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';

const { outbox } = schema;

/** A community's rows (its messages), or a VK app's (`configured`: the deployment's own `VK_APP_ID`). */
export type OutboxScope = { vkGroupId: number } | { vkAppId: number; configured: boolean };

/**
 * The VK app id of each outbox row's campaign's app; null when the row has none (see the module). Spelled out with
 * its tables: drizzle writes columns without them where a select lists its fields, and `id` would be ambiguous there.
 */
export const rowVkAppId: SQL<number | null> = sql<
  number | null
>`(select "apps"."vk_app_id" from "campaigns" inner join "apps" on "apps"."id" = "campaigns"."app_id" where "campaigns"."id" = "outbox"."campaign_id")`;

/** The condition that keeps a scope's rows. */
export function inScope(scope: OutboxScope): SQL {
  if ('vkGroupId' in scope) return eq(outbox.vkGroupId, scope.vkGroupId);
  const own = eq(rowVkAppId, scope.vkAppId);
  return scope.configured ? (or(own, sql`${rowVkAppId} is null`) as SQL) : own;
}
