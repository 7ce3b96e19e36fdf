/**
 * @module vk-io API instances for the bot, built from config: the community token (messages) and the service token
 * (mini-app notifications), each pointed at `VK_API_BASE_URL` so tests and benches talk to the fake VK API.
 */
import { API } from 'vk-io';
import { vkAgentFor } from '../server/vk/vk-api.ts';

export interface VkApiOptions {
  token: string;
  baseUrl: string;
  /** Requests per second VK allows this token (20 for a community token, 3 for user/service tokens). */
  rps: number;
}

/**
 * A vk-io `API` for one token. The outbox sender makes its calls through vk-io's `APIRequest` paced by its own
 * `RateGate` (see sender/vk-calls.ts); anything else going through this instance's queue is paced by `apiLimit`.
 * @example const api = createBotVkApi({ token: 'group:1', baseUrl: 'http://127.0.0.1:9000/method', rps: 20 })
 */
export function createBotVkApi(o: VkApiOptions): API {
  return new API({
    token: o.token,
    apiBaseUrl: o.baseUrl,
    agent: vkAgentFor(o.baseUrl, 64),
    apiLimit: o.rps,
    apiMode: 'sequential',
    apiRequestMode: 'sequential',
    // Retries are the sender's business: it keeps the same random_id and classifies VK's errors itself.
    apiRetryLimit: 0,
    apiTimeout: 15_000,
  });
}
