/**
 * @module The agency's stored tokens: sealing them for their row, showing them masked, and the ways back to the
 * plain value: `communityToken` for whoever sends as the community or asks VK about it (the bot's sender, server
 * checks through server/vk/vk-clients.ts), `callbackServer` for `POST /vk/callback`, `vkAppSecret` for launches,
 * `vkServiceToken` for checks about an app.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { mask, open, SecretBoxError, type SecretKeys, seal, sealedWithOlderKey } from './secret-box.ts';

/** Where each kind of token lives; the sealed value is bound to it. */
export const secretPlace = {
  community: (vkGroupId: number) => `community:${vkGroupId}`,
  callbackSecret: (vkGroupId: number) => `community:${vkGroupId}:callback-secret`,
  vkSecret: (appRowId: number) => `app:${appRowId}:vk-secret`,
  vkServiceToken: (appRowId: number) => `app:${appRowId}:vk-service-token`,
};

/** The configured keys (the current one and, during a rotation, the previous one); none without `SECRETS_KEY`. */
export function secretKeysOf(config: Pick<Config, 'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS'>): SecretKeys | undefined {
  if (!config.SECRETS_KEY) return undefined;
  return {
    current: config.SECRETS_KEY,
    ...(config.SECRETS_KEY_PREVIOUS ? { previous: config.SECRETS_KEY_PREVIOUS } : {}),
  };
}

/** Seals a token for its place; 503 when this server has no `SECRETS_KEY` (production without one). */
export function sealToken(config: Config, token: string, place: string): string {
  const keys = secretKeysOf(config);
  if (!keys) throw new ApiError(503, 'secrets_key_missing', 'This server has no SECRETS_KEY to store tokens with');
  return seal(keys, token, place);
}

/** The masked form the office shows (`vk1.a…f3c9`); `••••` when no configured key opens it; null when none is set. */
export function maskedToken(config: Config, sealed: string | null, place: string): string | null {
  if (sealed === null) return null;
  const keys = secretKeysOf(config);
  if (!keys) return '••••';
  try {
    return mask(open(keys, sealed, place));
  } catch (err) {
    if (err instanceof SecretBoxError) return '••••';
    throw err;
  }
}

/**
 * Whether an edit's `token` (undefined: keep, null: remove) leaves the sealed one stored at `place` as it is: the same
 * token typed again is no change (decision 098). A stored one no configured key opens, or one sealed with an older key,
 * is sealed again: that write is the change.
 * @example if (keepsToken(config, row.tokenCiphertext, secretPlace.community(row.vkGroupId), input.token)) …
 */
export function keepsToken(config: Config, sealed: string | null, place: string, token: string | null | undefined) {
  if (token === undefined) return true;
  if (token === null || sealed === null) return token === sealed;
  const keys = secretKeysOf(config);
  if (!keys || sealedWithOlderKey(keys, sealed)) return false;
  try {
    return open(keys, sealed, place) === token;
  } catch (err) {
    if (err instanceof SecretBoxError) return false;
    throw err;
  }
}

/**
 * The token to send as community `vkGroupId` with: the one the agency stored, else `VK_GROUP_TOKEN` when this is the
 * configured community; none for a brand that is switched off (it must not send), nor when no configured key opens
 * the stored one.
 * @example const token = await communityToken(deps, 200000777)
 */
export async function communityToken(deps: { db: Db; config: Config }, vkGroupId: number): Promise<string | undefined> {
  return (await communitySending(deps, vkGroupId)).token;
}

/**
 * `communityToken` with why there is none, in the same one read: `switchedOff` when the community's brand is switched
 * off (the token withheld), so the sender knows whether its queue can hold a brand's rows to close (decision 069).
 * @example const { token, switchedOff } = await communitySending(deps, 200000777)
 */
export async function communitySending(
  deps: { db: Db; config: Config },
  vkGroupId: number,
): Promise<{ token: string | undefined; switchedOff: boolean }> {
  const { communities, brands } = schema;
  const [row] = await deps.db
    .select({ sealed: communities.tokenCiphertext, disabledAt: brands.disabledAt })
    .from(communities)
    .innerJoin(brands, eq(brands.id, communities.brandId))
    .where(eq(communities.vkGroupId, vkGroupId))
    .limit(1);
  if (row?.disabledAt != null) return { token: undefined, switchedOff: true };
  const keys = secretKeysOf(deps.config);
  // A stored token no configured key opens is no token (not the configured one): nothing is sent or asked with it.
  if (row?.sealed && keys) {
    const token = opened(
      keys,
      row.sealed,
      secretPlace.community(vkGroupId),
      `community ${vkGroupId}: its stored token`,
    );
    return { token, switchedOff: false };
  }
  return { token: vkGroupId === deps.config.VK_GROUP_ID ? deps.config.VK_GROUP_TOKEN : undefined, switchedOff: false };
}

/**
 * The communities a sender sends as (decision 078): the configured one and each whose token the agency stored, its
 * brand on or off (a switched-off brand's sender closes what it is sent, decision 064; `communitySending` withholds the
 * token). Whether a stored token opens is `communitySending`'s question, asked before each claim.
 * @example const groupIds = await sendingCommunities(deps) // [200000777, 200000888]
 */
export async function sendingCommunities(deps: { db: Db; config: Config }): Promise<number[]> {
  const rows = await deps.db
    .select({ vkGroupId: schema.communities.vkGroupId })
    .from(schema.communities)
    .where(isNotNull(schema.communities.tokenCiphertext));
  const stored = rows.map((r) => r.vkGroupId);
  const configured = deps.config.VK_GROUP_ID;
  return configured === undefined || stored.includes(configured) ? stored : [configured, ...stored];
}

/** How a community's Callback API server is answered here (decisions 084, 094). */
export interface CallbackServer {
  /** The secret its updates must carry; none: every update of it is refused (never an unsigned one taken). */
  secret: string | undefined;
  /** The string VK's `confirmation` is answered with; none: VK cannot confirm the server (the route says so, 409). */
  confirmation: string | undefined;
  /** The secret is the server's own (`VK_CALLBACK_SECRET`), not one stored for the community. */
  byServer: boolean;
  /** What the office stores for it is what is used (false: the configured community, while the env secret is set). */
  settable: boolean;
}

/**
 * How community `vkGroupId`'s Callback API server is set up here (decision 084): the secret its updates must carry and
 * the confirmation string to answer; undefined when the community is not connected. The configured community
 * (`VK_GROUP_ID`) takes `VK_CALLBACK_SECRET` / `VK_CONFIRMATION_CODE` first, as before 084, else what the agency
 * stored for it; without `VK_GROUP_ID` the env values still answer any community that has no secret of its own (as
 * before). No secret (none stored, or none a configured key opens) means none: the route refuses every update of that
 * community, never takes an unsigned one.
 * @example const server = await callbackServer(deps, 200000888) // { secret: '…', confirmation: 'a1b2c3d4', … }
 */
export async function callbackServer(
  deps: { db: Db; config: Config },
  vkGroupId: number,
): Promise<CallbackServer | undefined> {
  const { communities } = schema;
  const [row] = await deps.db
    .select({
      callbackSecretCiphertext: communities.callbackSecretCiphertext,
      callbackConfirmation: communities.callbackConfirmation,
    })
    .from(communities)
    .where(eq(communities.vkGroupId, vkGroupId))
    .limit(1);
  return callbackServerOf(deps.config, vkGroupId, row);
}

/**
 * `callbackServer` for a community row already read (undefined: not connected here): the one rule of which secret and
 * code answer a community, used by `POST /vk/callback` and by the office's status of it (decision 094), so the office
 * says what the route does.
 * @example const { secret, byServer } = callbackServerOf(config, 200000888, row) ?? {}
 */
export function callbackServerOf(
  config: Config,
  vkGroupId: number,
  row: { callbackSecretCiphertext: string | null; callbackConfirmation: string | null } | undefined,
): CallbackServer | undefined {
  const keys = secretKeysOf(config);
  const sealed = row?.callbackSecretCiphertext;
  const stored = row && {
    secret:
      sealed && keys
        ? opened(keys, sealed, secretPlace.callbackSecret(vkGroupId), `community ${vkGroupId}: its callback secret`)
        : undefined,
    confirmation: row.callbackConfirmation ?? undefined,
  };
  const { VK_GROUP_ID, VK_CALLBACK_SECRET, VK_CONFIRMATION_CODE } = config;
  const own = stored && { ...stored, byServer: false, settable: true };
  const env = { secret: VK_CALLBACK_SECRET, confirmation: VK_CONFIRMATION_CODE };
  if (VK_GROUP_ID === undefined) {
    if (stored?.secret || !env.secret) return own ?? { ...env, byServer: false, settable: false };
    // The env secret answers it until the office stores one of its own.
    return { ...env, byServer: true, settable: row !== undefined };
  }
  if (vkGroupId !== VK_GROUP_ID) return own;
  return {
    secret: env.secret ?? stored?.secret,
    confirmation: env.confirmation ?? stored?.confirmation,
    byServer: env.secret !== undefined,
    settable: env.secret === undefined,
  };
}

/**
 * The service token to send VK app `vkAppId`'s notifications with (decision 090): the one the agency stored for the
 * app, else `VK_SERVICE_TOKEN` when it is the configured app (`vkServiceToken`); withheld (`switchedOff`) when the
 * app's brand is switched off, so its sender closes what it is sent (decision 064).
 * @example const { token, switchedOff } = await appSending(deps, 51234567)
 */
export async function appSending(
  deps: { db: Db; config: Config },
  vkAppId: number,
): Promise<{ token: string | undefined; switchedOff: boolean }> {
  const { apps, brands } = schema;
  const [row] = await deps.db
    .select({ disabledAt: brands.disabledAt })
    .from(apps)
    .innerJoin(brands, eq(brands.id, apps.brandId))
    .where(eq(apps.vkAppId, vkAppId))
    .limit(1);
  if (row?.disabledAt != null) return { token: undefined, switchedOff: true };
  return { token: await vkServiceToken(deps, vkAppId), switchedOff: false };
}

/**
 * The VK apps a sender sends notifications for (decision 090): each whose service token the agency stored (its brand
 * on or off, as `sendingCommunities`), and the configured `VK_APP_ID` when `VK_SERVICE_TOKEN` is set.
 * @example const vkAppIds = await sendingApps(deps) // [51000001, 51234567]
 */
export async function sendingApps(deps: { db: Db; config: Config }): Promise<number[]> {
  const { apps } = schema;
  const rows = await deps.db
    .select({ vkAppId: apps.vkAppId })
    .from(apps)
    .where(and(isNotNull(apps.vkServiceTokenCiphertext), isNotNull(apps.vkAppId)));
  const stored = rows.flatMap((r) => (r.vkAppId === null ? [] : [r.vkAppId]));
  const configured = deps.config.VK_SERVICE_TOKEN ? deps.config.VK_APP_ID : undefined;
  return configured === undefined || stored.includes(configured) ? stored : [configured, ...stored];
}

/**
 * The secure key to verify a launch of VK app `vkAppId` with: the one the agency stored for that app, else
 * `VK_APP_SECRET` when it is the configured app; none for an app not connected here. So each brand's own app launches
 * against one server (the launch then reaches that brand's campaigns by its app id).
 * @example const secret = await vkAppSecret(deps, 51234567)
 */
export function vkAppSecret(deps: { db: Db; config: Config }, vkAppId: number): Promise<string | undefined> {
  return appToken(deps, vkAppId, 'secure key', deps.config.VK_APP_SECRET);
}

/**
 * The service token to ask VK about VK app `vkAppId` with (`apps.isNotificationsAllowed` answers for the token's
 * app): the one the agency stored for that app, else `VK_SERVICE_TOKEN` when it is the configured app; none for an
 * app not connected here — its checks are then inconclusive, never answered with another app's token.
 * @example const token = await vkServiceToken(deps, 51234567)
 */
export function vkServiceToken(deps: { db: Db; config: Config }, vkAppId: number): Promise<string | undefined> {
  return appToken(deps, vkAppId, 'service token', deps.config.VK_SERVICE_TOKEN);
}

/** One of VK app `vkAppId`'s stored tokens, opened; else `configured` when it is the configured app. */
async function appToken(
  deps: { db: Db; config: Config },
  vkAppId: number,
  what: 'secure key' | 'service token',
  configured: string | undefined,
): Promise<string | undefined> {
  const { apps } = schema;
  const column = what === 'secure key' ? apps.vkSecretCiphertext : apps.vkServiceTokenCiphertext;
  const [row] = await deps.db
    .select({ id: apps.id, sealed: column })
    .from(apps)
    .where(eq(apps.vkAppId, vkAppId))
    .limit(1);
  const keys = secretKeysOf(deps.config);
  const fallback = vkAppId === deps.config.VK_APP_ID ? configured : undefined;
  if (!row?.sealed || !keys) return fallback;
  const place = what === 'secure key' ? secretPlace.vkSecret(row.id) : secretPlace.vkServiceToken(row.id);
  return opened(keys, row.sealed, place, `VK app ${vkAppId}: its stored ${what}`) ?? fallback;
}

/**
 * A stored token opened; undefined (logged) when no configured key opens it — a rotation gone wrong fails that
 * app's or community's launches, checks or sends, not the server. The one place that forgives a `SecretBoxError`.
 */
function opened(keys: SecretKeys, sealed: string, place: string, what: string): string | undefined {
  try {
    return open(keys, sealed, place);
  } catch (err) {
    if (!(err instanceof SecretBoxError)) throw err;
    console.error(`${what} cannot be opened (${err.message})`);
    return undefined;
  }
}
