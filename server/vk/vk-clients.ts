/**
 * @module Which VK client answers a check about a brand's own app or community. The platform serves several brands,
 * each possibly with its own VK app and community (their tokens stored by the agency, server/office/agency/); VK
 * answers `apps.isNotificationsAllowed` for the app whose service token asks, and
 * `messages.isMessagesFromGroupAllowed` for the community whose token asks — so a check asked with the configured
 * tokens decides about the wrong app or community. Here each check gets a client built with the right token:
 * - `appVk`: the service token of the VK app the participant launched (notifications);
 * - `communityVk`: the community's token (messages from the community);
 * - `membershipVk`: `groups.isMember` answers alike for any app's service token or the community's own token; the
 *   launch app's is asked first (the task may name a community not connected here), else the community's.
 * Without a token for that app or community (none stored, or none a configured key opens: agency-secrets.ts forgives
 * that) the client is `vkApiWith`'s with no token, whose checks are inconclusive (`VkApiUnavailableError`), never
 * "yes". The tokens are read (and opened) on every check, as the bot's sender does (bot/sender/sender-from-config.ts):
 * a replaced token is used by the next check; only the vk-io client made for a token is kept.
 * The local simulator (`vkOf(deps).mode === 'local'`: no tokens outside production, or one a test hands in) answers
 * every check itself, for the demo.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { communityToken, vkServiceToken } from '../office/agency/agency-secrets.ts';
import { type VkApi, vkApiWith, vkOf } from './vk-api.ts';

/** The checks a participant's tasks ask VK. */
export type VkChecks = Pick<VkApi, 'mode' | 'isMember' | 'isMessagesFromGroupAllowed' | 'isNotificationsAllowed'>;

type ClientDeps = { db: Db; config: Config; vk?: VkApi };

/** Clients made per deps, keyed by their token; a few, so a replaced token's old client does not stay for long. */
const clients = new WeakMap<object, Map<string, VkApi>>();
const MAX_CLIENTS = 64;

function clientFor(deps: ClientDeps, tokens: { service?: string; group?: string }): VkApi {
  const key = `${tokens.service ?? ''}\n${tokens.group ?? ''}`;
  const ofDeps = clients.get(deps) ?? new Map<string, VkApi>();
  clients.set(deps, ofDeps);
  let client = ofDeps.get(key);
  if (!client) {
    const oldest = ofDeps.keys().next();
    if (ofDeps.size >= MAX_CLIENTS && !oldest.done) ofDeps.delete(oldest.value);
    client = vkApiWith(deps.config, tokens);
    ofDeps.set(key, client);
  }
  return client;
}

const simulator = (deps: ClientDeps): VkChecks | undefined => {
  const vk = vkOf(deps);
  return vk.mode === 'local' ? vk : undefined;
};

/**
 * The client for checks about VK app `vkAppId` (`apps.isNotificationsAllowed`): its service token; undefined (an
 * app with no VK id) has none.
 * @example await (await appVk(deps, 51234567)).isNotificationsAllowed(userId)
 */
export async function appVk(deps: ClientDeps, vkAppId: number | undefined): Promise<VkChecks> {
  const local = simulator(deps);
  if (local) return local;
  return clientFor(deps, { service: vkAppId === undefined ? undefined : await vkServiceToken(deps, vkAppId) });
}

/**
 * The client for checks about community `vkGroupId` (`messages.isMessagesFromGroupAllowed`): its token.
 * @example await (await communityVk(deps, 200000777)).isMessagesFromGroupAllowed(200000777, userId)
 */
export async function communityVk(deps: ClientDeps, vkGroupId: number): Promise<VkChecks> {
  const local = simulator(deps);
  if (local) return local;
  return clientFor(deps, { group: await communityToken(deps, vkGroupId) });
}

/**
 * The client for `groups.isMember` in community `vkGroupId` asked from VK app `vkAppId` (undefined: none known):
 * the app's service token, else the community's token.
 * @example await (await membershipVk(deps, 51234567, 200000777)).isMember(200000777, userId)
 */
export async function membershipVk(
  deps: ClientDeps,
  vkAppId: number | undefined,
  vkGroupId: number,
): Promise<VkChecks> {
  const local = simulator(deps);
  if (local) return local;
  const service = vkAppId === undefined ? undefined : await vkServiceToken(deps, vkAppId);
  if (service) return clientFor(deps, { service });
  return communityVk(deps, vkGroupId);
}
