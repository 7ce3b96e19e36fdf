/**
 * @module vk-io API instances for the bot, built from config: the community token (messages) and the service token
 * (mini-app notifications), each pointed at `VK_API_BASE_URL` so tests and benches talk to the fake VK API.
 */
import { type API, Updates, Upload, VK } from 'vk-io';
import { BoundedVkApi } from '../server/vk/bounded-vk-api.ts';
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
  return new BoundedVkApi({
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

/**
 * vk-io's `VK` (api, upload, updates) on a `BoundedVkApi`, so a handler's own VK call (a button press answered with
 * `messages.sendMessageEventAnswer`) ends on VK error 6 repeated instead of waiting forever. `VK` has no option to
 * take an API, so its parts are built again here as its constructor builds them.
 * @example const vk = new BoundedVK({ token: 'group:1', apiBaseUrl: 'http://127.0.0.1:9000/method' })
 */
export class BoundedVK extends VK {
  constructor(options: ConstructorParameters<typeof VK>[0]) {
    super(options);
    this.api = new BoundedVkApi({ ...options, callbackService: this.callbackService });
    this.upload = new Upload({ ...options, api: this.api });
    this.updates = new Updates({ ...options, api: this.api, upload: this.upload });
  }
}
