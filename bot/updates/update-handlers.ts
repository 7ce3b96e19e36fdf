/**
 * @module The community's vk-io instance with our handlers, and the run of one update through them: each update runs
 * in a handling context of its own, so a handler can read when VK delivered it and a handler's error reaches the
 * journal (vk-io's composer would only log it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { VK } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import type { VkUpdate } from '../../server/vk/community-updates.ts';
import { type JournalKey, markAttemptFailed, markHandled } from '../../server/vk/event-journal.ts';
import { communitySwitchedOff } from '../../server/vk/switched-off-community.ts';
import { vkAgentFor } from '../../server/vk/vk-api.ts';
import { BoundedVK } from '../vk-client.ts';
import { onMessageSubscription } from './consent-handlers.ts';
import { onGroupMember } from './member-handlers.ts';
import { onMessageEvent, onMessageNew } from './message-handlers.ts';
import { onSwitchedOffUpdate } from './switched-off-updates.ts';

/** The update being handled, for the middleware and handlers of its run (vk-io hands them only its context). */
interface Handling {
  /** When VK delivered it (a recovered one keeps its journal time). */
  deliveredAt: number;
  /** What a handler threw; vk-io's composer would only log it. */
  error?: unknown;
}

export interface UpdateHandlers {
  vk: VK;
  /**
   * Runs the handlers of one update delivered at `deliveredAt`; a journaled one (`key`) is marked handled, or keeps
   * `received` with the error. Never throws or rejects: whatever the update holds, the outcome is recorded and the
   * caller goes on. Resolves whether it was handled.
   */
  run(update: VkUpdate, deliveredAt: number, key?: JournalKey): Promise<boolean>;
}

/**
 * The vk-io instance pointed at `VK_API_BASE_URL`, with the handlers of every update type the bot acts on.
 * @example const { vk, run } = createUpdateHandlers(deps); await run(update, Date.now(), key)
 */
export function createUpdateHandlers(deps: Deps): UpdateHandlers {
  const { config, db } = deps;
  const baseUrl = config.VK_API_BASE_URL;
  const vk = new BoundedVK({
    token: config.VK_GROUP_TOKEN ?? 'missing-token',
    apiBaseUrl: baseUrl,
    agent: vkAgentFor(baseUrl),
    // Only answers to button presses go out directly (messages go through the outbox): vk-io's own pace is plenty.
    apiLimit: config.VK_GROUP_API_RPS,
    pollingGroupId: config.VK_GROUP_ID,
  });
  const groupOf = (ctx: { $groupId?: number }) => ctx.$groupId ?? config.VK_GROUP_ID ?? 0;
  // Each update is handled inside its own async context, so the middleware below can hand the handler's error back
  // to the journal (vk-io's composer catches and only logs it), and a handler can stamp what the user did with the
  // delivery time, whatever the update's `object` is (no map keyed by it).
  const handling = new AsyncLocalStorage<Handling>();
  const deliveryTime = () => handling.getStore()?.deliveredAt ?? deps.now();
  vk.updates.use(async (_ctx, next) => {
    try {
      await next();
    } catch (err) {
      const current = handling.getStore();
      if (current) current.error = err;
      else throw err;
    }
  });
  // Checked when handled (a recovered update too), for Callback API and Long Poll alike: a switched-off brand's
  // community has only its consents recorded (decision 094).
  vk.updates.use(async (ctx, next) => {
    const groupId = groupOf(ctx);
    if (await communitySwitchedOff(db, groupId)) return onSwitchedOffUpdate(deps, groupId, ctx, deliveryTime());
    await next();
  });
  vk.updates.on('message_new', (ctx) => onMessageNew(deps, groupOf(ctx), ctx, deliveryTime()));
  vk.updates.on('message_event', (ctx) => onMessageEvent(deps, groupOf(ctx), ctx));
  vk.updates.on(['message_allow', 'message_deny'], (ctx) =>
    onMessageSubscription(deps, groupOf(ctx), ctx, deliveryTime()),
  );
  vk.updates.on(['group_join', 'group_leave'], (ctx) => onGroupMember(deps, groupOf(ctx), ctx, deliveryTime()));

  const run = async (update: VkUpdate, deliveredAt: number, key?: JournalKey) => {
    const state: Handling = { deliveredAt };
    const webhookUpdate = { ...update, object: update.object ?? {} } as unknown as Parameters<
      VK['updates']['handleWebhookUpdate']
    >[0];
    try {
      await handling.run(state, async () => {
        await vk.updates.handleWebhookUpdate(webhookUpdate);
        if ('error' in state) throw state.error;
      });
      if (key) await markHandled(db, key, deps.now());
      return true;
    } catch (err) {
      console.error(`bot: ${update.type} ${key?.eventId ?? ''} failed`, err);
      try {
        if (key) await markAttemptFailed(db, key, err);
      } catch (recordingErr) {
        // Even recording the failure failed (e.g. the database is busy): the claim goes stale and is retried.
        console.error(`bot: recording the outcome of ${key?.eventId ?? update.type} failed`, recordingErr);
      }
      return false;
    }
  };
  return { vk, run };
}
