/** @module What services are given instead of reaching for globals, so tests can hand in their own. */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { RateLimitStore } from './http/rate-limit.ts';
import type { CommunityUpdates } from './vk/community-updates.ts';
import type { VkApi } from './vk/vk-api.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now: () => number;
  /** The one VK API client (real, fake in tests, or the local simulator); `vkOf(deps)` builds it from config when absent. */
  vk?: VkApi;
  /** Uniform random in [0, 1) for prize draws; tests pass a seeded one (default: crypto). */
  random?: () => number;
  /** What handles the community's VK updates (the bot), put here by the process entry; `updatesOf(deps)` reads it. */
  updates?: CommunityUpdates;
  /** Where per-user rate limits are counted; absent: in memory for these deps (`limiterFor`, http/rate-limit.ts). */
  rateLimits?: RateLimitStore;
}
