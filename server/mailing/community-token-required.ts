/**
 * @module A campaign's community messages leave only with its community's token: the look the sender makes before each
 * claim (`communitySending`, server/office/agency/agency-secrets.ts: the token the agency stored, else `VK_GROUP_TOKEN`
 * for the configured community; none while the community's brand is switched off). A broadcast written for a community
 * with none never went: its rows waited queued for ever, no pass ran for them, and the office read "sending" with
 * nothing said to the brand. So it is refused when it is created, naming the community (decision 071).
 */
import { eq } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { communitySending } from '../office/agency/agency-secrets.ts';
import { isLocalDemo } from '../vk/local-demo.ts';

/**
 * 409 `no_community_token` when campaign `campaignId`'s community has no token to send its messages with; the issue
 * names the community (`community_without_token`, with its name and VK id). A campaign with no community is left to
 * the caller's own refusal (`no_community`).
 * @example await requireCommunityToken(deps, campaignId) // before writing a broadcast of community messages
 */
export async function requireCommunityToken(deps: Pick<Deps, 'db' | 'config' | 'vk'>, campaignId: number) {
  // The local demo sends through no VK at all: its consent and sending are simulated, with no token anywhere.
  if (isLocalDemo(deps)) return;
  const { campaigns, communities } = schema;
  const [community] = await deps.db
    .select({ name: communities.name, vkGroupId: communities.vkGroupId })
    .from(campaigns)
    .innerJoin(communities, eq(communities.id, campaigns.communityId))
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  if (!community) return;
  const sending = await communitySending(deps, community.vkGroupId);
  if (sending.token) return;
  const { code, why } = sending.switchedOff
    ? { code: 'community_brand_switched_off', why: 'its brand is switched off' }
    : { code: 'community_without_token', why: 'none is stored for it' };
  const message = `Community "${community.name}" (VK ${community.vkGroupId}) has no token to send messages with: ${why}`;
  const params = { community: community.name, vkGroupId: community.vkGroupId };
  throw new ApiError(409, 'no_community_token', message, [{ path: 'channel', message, code, params }]);
}
