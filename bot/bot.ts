/**
 * @module The vk-io bot for one community: a `VK` instance pointed at `VK_API_BASE_URL` with our handlers, fed by the
 * Callback API route or by Long Poll locally. Every update with an `event_id` is journaled before VK gets `ok`
 * (bot/updates/event-journal.ts) and handled after; `idle()` lets tests (and shutdown) wait for the handlers.
 */
import { VK } from 'vk-io';
import type { Deps } from '../server/deps.ts';
import { vkAgentFor } from '../server/vk/vk-api.ts';
import { onMessageSubscription } from './updates/consent-handlers.ts';
import {
  claimStale,
  markAttemptFailed,
  markHandled,
  RECOVERY_AFTER_MS,
  recordReceived,
  type VkUpdate,
} from './updates/event-journal.ts';
import { onGroupMember } from './updates/member-handlers.ts';
import { onMessageEvent, onMessageNew } from './updates/message-handlers.ts';

export interface Bot {
  vk: VK;
  /**
   * Takes one Callback API / Long Poll update: journaled as `received` (synchronously, before VK is answered),
   * then handled in the background and marked `handled`. Returns `duplicate` for an `event_id` seen before.
   * Updates without an `event_id` (very old API versions) are handled without the journal.
   */
  receive(update: VkUpdate): 'accepted' | 'duplicate';
  /** Handles `received` events whose claim went stale (a crash, or a handler that threw); resolves to how many. */
  recover(staleMs?: number): Promise<number>;
  /** A recovery pass at most once a minute (the server calls it on incoming traffic, the bot process on a timer). */
  recoverNowAndThen(): void;
  /** Bots Long Poll: every update goes through `receive`, so Long Poll events are de-duplicated the same way. */
  startPolling(): Promise<void>;
  /** Resolves when every received update has been handled. */
  idle(): Promise<void>;
}

const RECOVERY_EVERY_MS = 60_000;

export function createBot(deps: Deps): Bot {
  const { config, db } = deps;
  const baseUrl = config.VK_API_BASE_URL;
  const vk = new VK({
    token: config.VK_GROUP_TOKEN ?? 'missing-token',
    apiBaseUrl: baseUrl,
    agent: vkAgentFor(baseUrl),
    // Only answers to button presses go out directly (messages go through the outbox): vk-io's own pace is plenty.
    apiLimit: config.VK_GROUP_API_RPS,
    pollingGroupId: config.VK_GROUP_ID,
  });
  const groupOf = (ctx: { $groupId?: number }) => ctx.$groupId ?? config.VK_GROUP_ID ?? 0;
  // vk-io's composer catches handler errors and only logs them; this outermost middleware keeps the error (keyed by
  // the update's `object`, which vk-io hands to the context as `payload`) so the journal can tell a crash from success.
  const failures = new WeakMap<object, unknown>();
  // When VK delivered each update (a recovered one keeps its journal time), keyed the same way, for handlers whose
  // effect must follow delivery order rather than handling order (consent: an allow replayed after a later deny).
  const deliveredAt = new WeakMap<object, number>();
  const deliveryTime = (ctx: unknown) => deliveredAt.get((ctx as { payload: object }).payload) ?? deps.now();
  vk.updates.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      failures.set((ctx as unknown as { payload: object }).payload, err);
    }
  });
  vk.updates.on('message_new', (ctx) => onMessageNew(deps, groupOf(ctx), ctx));
  vk.updates.on('message_event', (ctx) => onMessageEvent(deps, groupOf(ctx), ctx));
  vk.updates.on(['message_allow', 'message_deny'], (ctx) =>
    onMessageSubscription(deps, groupOf(ctx), ctx, deliveryTime(ctx)),
  );
  vk.updates.on(['group_join', 'group_leave'], (ctx) => onGroupMember(deps, groupOf(ctx), ctx));

  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
    return tracked;
  };
  const inFlight = new Set<string>();
  /** Runs the handlers of one update; a journaled one is marked handled, or keeps `received` with the error. */
  const handle = (update: VkUpdate, receivedAt = deps.now()): Promise<boolean> => {
    const eventId = update.event_id;
    if (eventId) inFlight.add(eventId);
    const object = (update.object ?? {}) as object;
    deliveredAt.set(object, receivedAt);
    const webhookUpdate = { ...update, object } as unknown as Parameters<VK['updates']['handleWebhookUpdate']>[0];
    return track(
      Promise.resolve()
        .then(() => vk.updates.handleWebhookUpdate(webhookUpdate))
        .then(() => {
          if (failures.has(object)) throw failures.get(object);
          if (eventId) markHandled(db, eventId, deps.now());
          return true;
        })
        .catch((err) => {
          console.error(`bot: ${update.type} ${eventId ?? ''} failed`, err);
          if (eventId) markAttemptFailed(db, eventId, err);
          return false;
        })
        .finally(() => {
          if (eventId) inFlight.delete(eventId);
        }),
    );
  };
  let lastRecovery: number | undefined;
  let recovering: Promise<number> | undefined;

  const bot: Bot = {
    vk,
    receive(update) {
      if (update.event_id) {
        const groupId = update.group_id ?? config.VK_GROUP_ID ?? 0;
        if (!recordReceived(db, { ...update, event_id: update.event_id }, groupId, deps.now())) return 'duplicate';
      }
      void handle(update);
      return 'accepted';
    },
    recover(staleMs = RECOVERY_AFTER_MS) {
      if (recovering) return recovering;
      lastRecovery = deps.now();
      recovering = track(
        (async () => {
          let handled = 0;
          // One event at a time, oldest first: a consent given and then withdrawn is replayed in that order.
          for (const event of claimStale(db, deps.now(), staleMs)) {
            // Still running in this process (a slow handler): leave it to its first run.
            if (inFlight.has(event.eventId)) continue;
            const update = { ...(event.payload ?? {}), type: event.type, event_id: event.eventId } as VkUpdate;
            if (await handle(update, event.receivedAt)) handled += 1;
          }
          return handled;
        })().finally(() => {
          recovering = undefined;
        }),
      );
      return recovering;
    },
    recoverNowAndThen() {
      if (lastRecovery !== undefined && deps.now() - lastRecovery < RECOVERY_EVERY_MS) return;
      bot.recover().catch((err) => console.error('bot: recovery pass failed', err));
    },
    async startPolling() {
      const started = vk.updates.startPolling();
      // vk-io subscribes its own dispatcher in startPolling(); replace it (before the first poll answers) so Long
      // Poll updates are journaled and de-duplicated exactly like Callback API ones. The transport is private API.
      const transport = (vk.updates as unknown as { pollingTransport: PollingTransportLike }).pollingTransport;
      transport.subscribe(async (update) => {
        bot.receive(update);
      });
      await started;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
  return bot;
}

interface PollingTransportLike {
  subscribe(handler: (update: VkUpdate) => Promise<void>): void;
}

const bots = new WeakMap<Deps, Bot>();

/** The bot of this process's deps, created on first use (the HTTP app and the Long Poll runner share it). */
export function botFor(deps: Deps): Bot {
  let bot = bots.get(deps);
  if (!bot) {
    bot = createBot(deps);
    bots.set(deps, bot);
  }
  return bot;
}
