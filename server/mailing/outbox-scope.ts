/**
 * @module Which outbox rows one sender run sends (decision 090): a community's messages, sent as that community, or a
 * VK app's notifications, sent with that app's service token. A notification's app is written on the row
 * (outbox-app.ts); a row of no app is the configured app's (`VK_APP_ID`). Each scope is found by an index that starts
 * with it (`outbox_community_due_idx`, `outbox_app_due_idx`: scope, channel, status, next attempt), so a run never
 * walks another's rows (decision 093).
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { MessageChannel } from '../db/schema/messaging.ts';

const { outbox } = schema;

/** A community's rows (its messages), or a VK app's (`configured`: the deployment's own `VK_APP_ID`). */
export type OutboxScope = { vkGroupId: number } | { vkAppId: number; configured: boolean };

/** The scope's keys: one for a community or an app, two for the configured app (its own id, and no app). */
function keysOf(scope: OutboxScope): SQL[] {
  if ('vkGroupId' in scope) return [eq(outbox.vkGroupId, scope.vkGroupId)];
  const own = eq(outbox.vkAppId, scope.vkAppId);
  return scope.configured ? [own, isNull(outbox.vkAppId)] : [own];
}

/** The condition that keeps a scope's rows. */
export function inScope(scope: OutboxScope): SQL {
  const keys = keysOf(scope);
  return (keys.length === 1 ? keys[0] : or(...keys)) as SQL;
}

/**
 * The scope's rows of `channels` as parts that each fix every column before `status` in its index: a look that wants
 * the earliest rows (a claim's due rows, the next due moment) asks each part and merges, so each is an index range
 * read in order. One OR over the parts would make the database gather and sort every row of them. All rows of the
 * channels when no scope is given.
 */
export function scopeParts(scope: OutboxScope | undefined, channels: MessageChannel[]): SQL[] {
  if (scope === undefined) return [inArray(outbox.channel, channels)];
  return keysOf(scope).flatMap((key) => channels.map((c) => and(key, eq(outbox.channel, c)) as SQL));
}
