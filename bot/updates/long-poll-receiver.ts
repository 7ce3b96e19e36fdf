/**
 * @module Bots Long Poll into `receive`: vk-io's Long Poll transport of our own (not the one inside `vk.updates`,
 * which would hand updates straight to the handlers), so each update is journaled and de-duplicated like a Callback
 * API one.
 */
import { PollingTransport, type VK } from 'vk-io';
import type { VkUpdate } from '../../server/vk/community-updates.ts';
import { vkAgentFor } from '../../server/vk/vk-api.ts';

export interface LongPollReceiver {
  /** Starts polling (once: a started receiver stays as it is). */
  start(): Promise<void>;
  /** Stops the loop started by `start` (if any). */
  stop(): Promise<void>;
}

/**
 * Polls community `groupId` with `vk`'s API, handing every update to `receive`.
 * @example const poll = longPollReceiver(vk, baseUrl, 123, (u) => bot.receive(u)); await poll.start()
 */
export function longPollReceiver(
  vk: VK,
  apiBaseUrl: string,
  groupId: number | undefined,
  receive: (update: VkUpdate) => Promise<unknown>,
): LongPollReceiver {
  let polling: PollingTransport | undefined;
  return {
    async start() {
      if (polling?.started) return;
      polling = new PollingTransport({
        api: vk.api,
        agent: vkAgentFor(apiBaseUrl),
        pollingWait: 3000,
        pollingRetryLimit: 3,
        pollingGroupId: groupId,
      });
      polling.subscribe(async (update) => {
        await receive(update as unknown as VkUpdate);
      });
      await polling.start();
    },
    async stop() {
      await polling?.stop();
    },
  };
}
