/**
 * @module The vk-io bot for one community: a `VK` instance pointed at `VK_API_BASE_URL` with our handlers, fed by the
 * Callback API route (`handleWebhookUpdate`) or by Long Poll locally. Handlers run after VK already got `ok`, so
 * `idle()` lets tests (and shutdown) wait for them.
 */
import http from 'node:http';
import https from 'node:https';
import { VK } from 'vk-io';
import type { Deps } from '../server/deps.ts';
import { onMessageSubscription } from './updates/consent-handlers.ts';
import { onGroupMember } from './updates/member-handlers.ts';
import { onMessageEvent, onMessageNew } from './updates/message-handlers.ts';

export interface Bot {
  vk: VK;
  /** Dispatches one Callback API / Long Poll update; errors are logged, never thrown to VK. */
  dispatch(update: { type: string; group_id?: number; object?: unknown }): void;
  /** Resolves when every dispatched update has been handled. */
  idle(): Promise<void>;
}

export function createBot(deps: Deps): Bot {
  const { config } = deps;
  const baseUrl = config.VK_API_BASE_URL;
  const vk = new VK({
    token: config.VK_GROUP_TOKEN ?? 'missing-token',
    apiBaseUrl: baseUrl,
    agent: (baseUrl.startsWith('http:')
      ? new http.Agent({ keepAlive: true })
      : new https.Agent({ keepAlive: true })) as https.Agent,
    // Only answers to button presses go out directly (messages go through the outbox): vk-io's own pace is plenty.
    apiLimit: config.VK_GROUP_API_RPS,
    pollingGroupId: config.VK_GROUP_ID,
  });
  const groupOf = (ctx: { $groupId?: number }) => ctx.$groupId ?? config.VK_GROUP_ID ?? 0;
  vk.updates.on('message_new', (ctx) => onMessageNew(deps, groupOf(ctx), ctx));
  vk.updates.on('message_event', (ctx) => onMessageEvent(deps, groupOf(ctx), ctx));
  vk.updates.on(['message_allow', 'message_deny'], (ctx) => onMessageSubscription(deps, groupOf(ctx), ctx));
  vk.updates.on(['group_join', 'group_leave'], (ctx) => onGroupMember(deps, groupOf(ctx), ctx));

  const pending = new Set<Promise<unknown>>();
  return {
    vk,
    dispatch(update) {
      const p = Promise.resolve()
        .then(() => vk.updates.handleWebhookUpdate(update as Parameters<VK['updates']['handleWebhookUpdate']>[0]))
        .catch((err) => console.error(`bot: ${update.type} failed`, err))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
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
