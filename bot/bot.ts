/**
 * @module The vk-io bot for one community: a `VK` instance pointed at `VK_API_BASE_URL` with our handlers, fed by the
 * Callback API route or by Long Poll locally. Every update with an `event_id` is journaled before VK gets `ok`
 * (server/vk/event-journal.ts) and handled after; `idle()` lets tests (and shutdown) wait for the handlers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PollingTransport, type VK } from 'vk-io';
import type { Deps } from '../server/deps.ts';
import { storableCopy } from '../server/http/storable-text.ts';
import { TurnsPerKey } from '../server/turns-per-key.ts';
import type { CommunityUpdates, ReceiveOutcome, VkUpdate } from '../server/vk/community-updates.ts';
import {
  claimStale,
  type JournaledEvent,
  type JournalKey,
  markAttemptFailed,
  markFailed,
  markHandled,
  RECOVERY_AFTER_MS,
  recordReceived,
  recordRejected,
} from '../server/vk/event-journal.ts';
import { communitySwitchedOff } from '../server/vk/switched-off-community.ts';
import { vkAgentFor } from '../server/vk/vk-api.ts';
import { onMessageSubscription } from './updates/consent-handlers.ts';
import { onGroupMember } from './updates/member-handlers.ts';
import { onMessageEvent, onMessageNew } from './updates/message-handlers.ts';
import { onSwitchedOffUpdate } from './updates/switched-off-updates.ts';
import { updateProblem, updateUserId } from './updates/update-shapes.ts';
import { BoundedVK } from './vk-client.ts';

/** The update being handled, for the middleware and handlers of its run (vk-io hands them only its context). */
interface Handling {
  /** When VK delivered it (a recovered one keeps its journal time). */
  deliveredAt: number;
  /** What a handler threw; vk-io's composer would only log it. */
  error?: unknown;
}

/** The server's update routes reach it through `deps.updates` (server/vk/community-updates.ts). */
export interface Bot extends CommunityUpdates {
  vk: VK;
  /**
   * Takes one Callback API / Long Poll update: its shape checked (update-shapes.ts; a bad one is journaled `failed`
   * and `rejected`), journaled as `received` (resolving once that is committed, before VK is answered), then handled
   * in the background and marked `handled`. `duplicate` for an `event_id` seen before. Updates without an `event_id`
   * (very old API versions) are handled without the journal.
   */
  receive(update: VkUpdate): Promise<ReceiveOutcome>;
  /**
   * Handles `received` events whose claim went stale (a crash, or a handler that threw), one at a time, oldest first;
   * resolves to how many were handled. One event never stops the pass: a payload that cannot be handled is parked as
   * `failed`, a handler that throws is retried by later passes a bounded number of times, one that hangs is left
   * behind after `HANDLER_TIME_LIMIT_MS`.
   */
  recover(staleMs?: number): Promise<number>;
  /** A recovery pass at most once a minute (the server calls it on incoming traffic, the bot process on a timer). */
  recoverNowAndThen(): void;
  /** Bots Long Poll: every update goes through `receive`, so Long Poll events are de-duplicated the same way. */
  startPolling(): Promise<void>;
  /** Stops the Long Poll loop started by `startPolling` (if any). */
  stopPolling(): Promise<void>;
  /** Resolves when every received update has been handled. */
  idle(): Promise<void>;
}

const RECOVERY_EVERY_MS = 60_000;
const inFlightKey = (key: JournalKey) => `${key.vkGroupId}:${key.eventId}`;
/** How long a recovery pass waits for one event's handler before it moves on to the next. */
export const HANDLER_TIME_LIMIT_MS = 30_000;

export function createBot(deps: Deps): Bot {
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
  // to the journal (vk-io's composer catches and only logs it), and a consent handler can order by delivery time,
  // whatever the update's `object` is (no map keyed by it).
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

  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
    return tracked;
  };
  /**
   * Journal keys (community and event id) this process has taken to handle: running, or waiting for their user's turn
   * (a recovery pass here leaves them to that run).
   */
  const inFlight = new Set<string>();
  /** One user's updates one after another, in the order they came; other users' side by side (decision 102). */
  const turns = new TurnsPerKey(HANDLER_TIME_LIMIT_MS);
  const turnOf = (update: VkUpdate, groupId: number) => {
    const userId = updateUserId(update);
    return userId === undefined ? undefined : `${groupId}:${userId}`;
  };
  /**
   * Runs the handlers of one update; a journaled one is marked handled, or keeps `received` with the error.
   * Never throws or rejects: whatever the update holds, the outcome is recorded and the caller goes on.
   */
  const runHandlers = async (update: VkUpdate, receivedAt: number, key?: JournalKey) => {
    const state: Handling = { deliveredAt: receivedAt };
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
  /**
   * Handles one update in its user's turn, taken now (before `journaled` settles, so a Long Poll response's updates
   * keep their order); `journaled`: whether the journal row is this run's to handle (false: a duplicate, or the
   * journal write failed and VK will deliver it again). Never rejects.
   */
  const handle = (
    update: VkUpdate,
    groupId: number,
    receivedAt = deps.now(),
    journaled: Promise<boolean> = Promise.resolve(true),
  ): Promise<boolean> => {
    const key = update.event_id ? { vkGroupId: groupId, eventId: update.event_id } : undefined;
    const ours = journaled.then(
      (fresh) => {
        if (fresh && key) inFlight.add(inFlightKey(key));
        return fresh;
      },
      () => false,
    );
    return track(
      turns.run(turnOf(update, groupId), async () => {
        if (!(await ours)) return false;
        try {
          return await runHandlers(update, receivedAt, key);
        } finally {
          if (key) inFlight.delete(inFlightKey(key));
        }
      }),
    );
  };
  /** One recovered event, within the time limit; a payload that can never be handled is parked at once. */
  const recoverOne = async (event: JournaledEvent): Promise<boolean> => {
    const update = { ...(event.payload ?? {}), type: event.type, event_id: event.eventId } as VkUpdate;
    const problem = updateProblem(update);
    if (problem) {
      await markFailed(db, event, problem.reason);
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeLimit = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        console.error(`bot: ${event.type} ${event.eventId} still running after ${HANDLER_TIME_LIMIT_MS} ms; moving on`);
        resolve(false);
      }, HANDLER_TIME_LIMIT_MS);
      timer.unref();
    });
    try {
      return await Promise.race([handle(update, event.vkGroupId, event.receivedAt), timeLimit]);
    } finally {
      clearTimeout(timer);
    }
  };
  let lastRecovery: number | undefined;
  let recovering: Promise<number> | undefined;
  let polling: PollingTransport | undefined;

  const bot: Bot = {
    vk,
    async receive(received) {
      // A user's NUL or half of a character becomes U+FFFD: the journal's jsonb and the tickets can hold the rest.
      const update = storableCopy(received);
      const groupId = update.group_id ?? config.VK_GROUP_ID ?? 0;
      const problem = updateProblem(update);
      if (problem) {
        console.error(`bot: refused ${update.event_id ?? 'an update without event_id'}: ${problem.reason}`);
        if (update.event_id)
          await recordRejected(db, { ...update, event_id: update.event_id }, groupId, deps.now(), problem.reason);
        return { status: 'rejected', ...problem };
      }
      const receivedAt = deps.now();
      const journaled = update.event_id
        ? recordReceived(db, { ...update, event_id: update.event_id }, groupId, receivedAt)
        : Promise.resolve(true);
      // The user's turn is taken before the journal write is awaited: updates of one user keep the order they came in.
      void handle(update, groupId, receivedAt, journaled);
      return (await journaled) ? { status: 'accepted' } : { status: 'duplicate' };
    },
    recover(staleMs = RECOVERY_AFTER_MS) {
      if (recovering) return recovering;
      lastRecovery = deps.now();
      recovering = track(
        (async () => {
          let handled = 0;
          // One event at a time, oldest first: a consent given and then withdrawn is replayed in that order.
          for (const event of await claimStale(db, deps.now(), staleMs)) {
            // Still running in this process (a slow handler): leave it to its first run.
            if (inFlight.has(inFlightKey(event))) continue;
            try {
              if (await recoverOne(event)) handled += 1;
            } catch (err) {
              // Only the journal writes can get here; the next event still gets its turn.
              console.error(`bot: recovering ${event.eventId} failed`, err);
            }
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
      if (polling?.started) return;
      // vk-io's Long Poll transport of our own (not the one inside `vk.updates`, which would hand updates straight to
      // the handlers): each update goes through `receive`, journaled and de-duplicated like a Callback API one.
      polling = new PollingTransport({
        api: vk.api,
        agent: vkAgentFor(baseUrl),
        pollingWait: 3000,
        pollingRetryLimit: 3,
        pollingGroupId: config.VK_GROUP_ID,
      });
      polling.subscribe(async (update) => {
        await bot.receive(update as unknown as VkUpdate);
      });
      await polling.start();
    },
    async stopPolling() {
      await polling?.stop();
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
  return bot;
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
