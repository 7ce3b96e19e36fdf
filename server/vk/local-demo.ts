/**
 * @module Whether this process is the local demo (`npm start` with no VK credentials): then the platform's checks
 * are simulated (server/vk/vk-api.ts `localVkApi`) and the local platform adapter stands in for the VK client.
 */
import type { Deps } from '../deps.ts';
import { vkOf } from './vk-api.ts';

/**
 * True only for the local demo: not production, a generated app secret (no real launches can be verified), no VK
 * token (the VK API client is the local simulator) and no Callback API secret (VK is not calling us).
 */
export function isLocalDemo(deps: Pick<Deps, 'config' | 'vk'>): boolean {
  const { config } = deps;
  return (
    config.NODE_ENV !== 'production' &&
    config.usesLocalSecrets &&
    !config.VK_CALLBACK_SECRET &&
    vkOf(deps).mode === 'local'
  );
}
