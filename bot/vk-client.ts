/**
 * @module vk-io API instances for the bot, built from config: the community token (messages) and the service token
 * (mini-app notifications), each pointed at `VK_API_BASE_URL` so tests and benches talk to the fake VK API.
 */
import http from 'node:http';
import https from 'node:https';
import { API } from 'vk-io';

/**
 * vk-io spaces requests by `ceil(1133 / apiLimit)` ms, which at `apiLimit: 20` is 57 ms — only 17.5 requests/s, and
 * every pause of the event loop is lost for good. Our `RateGate` enforces VK's sliding second exactly, so vk-io's
 * spacing is set to half the even spacing (about 26 ms at 20 rps): a floor that never becomes the limit.
 */
export function vkIoApiLimit(rps: number): number {
  const halfGapMs = Math.floor(1000 / rps / 2);
  return Math.max(1, Math.floor(1133 / halfGapMs));
}

export interface VkApiOptions {
  token: string;
  baseUrl: string;
  /** Requests per second VK allows this token (20 for a community token, 3 for user/service tokens). */
  rps: number;
}

/**
 * A vk-io `API` that sends one request at a time at the token's rate; we batch ourselves (`peer_ids`, `execute`).
 * @example const api = createBotVkApi({ token: 'group:1', baseUrl: 'http://127.0.0.1:9000/method', rps: 20 })
 */
export function createBotVkApi(o: VkApiOptions): API {
  const agent = o.baseUrl.startsWith('http:')
    ? new http.Agent({ keepAlive: true, maxSockets: 64 })
    : new https.Agent({ keepAlive: true, maxSockets: 64 });
  return new API({
    token: o.token,
    apiBaseUrl: o.baseUrl,
    agent: agent as https.Agent,
    apiLimit: vkIoApiLimit(o.rps),
    apiMode: 'sequential',
    apiRequestMode: 'sequential',
    // Retries are the sender's business (it keeps the same random_id); vk-io still re-queues error 6 itself.
    apiRetryLimit: 0,
    apiTimeout: 15_000,
  });
}
