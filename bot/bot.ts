/**
 * @module The vk-io bot for one community: a `VK` instance pointed at `VK_API_BASE_URL` with our handlers
 * (updates/update-handlers.ts), fed by the Callback API route or by Long Poll locally. Every update with an `event_id`
 * is journaled before VK gets `ok` (server/vk/event-journal.ts) and handled after, in its user's turn; a recovery pass
 * handles what a crash left behind; `idle()` lets tests (and shutdown) wait for the handlers.
 */
import type { VK } from 'vk-io';
import type { Deps } from '../server/deps.ts';
import { storableCopy } from '../server/http/storable-text.ts';
import { TurnsPerKey } from '../server/turns-per-key.ts';
import type { CommunityUpdates, ReceiveOutcome, VkUpdate } from '../server/vk/community-updates.ts';
import {
  claimStale,
  type JournalKey,
  RECOVERY_AFTER_MS,
  recordReceived,
  recordRejected,
} from '../server/vk/event-journal.ts';
import { longPollReceiver } from './updates/long-poll-receiver.ts';
import { HANDLER_TIME_LIMIT_MS, handleRecovered } from './updates/recovered-event.ts';
import { createUpdateHandlers } from './updates/update-handlers.ts';
import { updateProblem, updateUserId } from './updates/update-shapes.ts';

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

export function createBot(deps: Deps): Bot {
  const { config, db } = deps;
  const handlers = createUpdateHandlers(deps);
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
          return await handlers.run(update, receivedAt, key);
        } finally {
          if (key) inFlight.delete(inFlightKey(key));
        }
      }),
    );
  };
  let lastRecovery: number | undefined;
  let recovering: Promise<number> | undefined;
  const polling = longPollReceiver(handlers.vk, config.VK_API_BASE_URL, config.VK_GROUP_ID, (update) =>
    bot.receive(update),
  );

  const bot: Bot = {
    vk: handlers.vk,
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
              const handleInTurn = (update: VkUpdate) => handle(update, event.vkGroupId, event.receivedAt);
              if (await handleRecovered(db, event, handleInTurn)) handled += 1;
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
    startPolling: () => polling.start(),
    stopPolling: () => polling.stop(),
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
