/**
 * @module The VK API client the server and the bot share (vk-io's `API`), pointed at `VK_API_BASE_URL` so tests use
 * the fake VK API. `createVkApi` builds it from configuration: the service token (`VK_SERVICE_TOKEN`) and the
 * community token (`VK_GROUP_TOKEN`) of the configured app and community — for what is not about a brand's own app
 * or community (`users.get` names and pages). A participant's task checks (`groups.isMember`,
 * `messages.isMessagesFromGroupAllowed`, `apps.isNotificationsAllowed`) ask VK with the tokens of the app they
 * launched and of the campaign's community instead: server/vk/vk-clients.ts picks those, with `vkApiWith`.
 *
 * Without any token outside production the client is a local simulator that says "yes" to every check,
 * so the demo works end to end in a plain browser; `mode` tells callers which one they have.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { type API, APIError } from 'vk-io';
import type { Config } from '../config.ts';
import { BoundedVkApi } from './bounded-vk-api.ts';

export interface VkApi {
  readonly mode: 'vk' | 'local';
  /** `groups.isMember`: is the user a member of the community. */
  isMember(groupId: number, userId: number | string): Promise<boolean>;
  /** `messages.isMessagesFromGroupAllowed`: may the community write to the user. */
  isMessagesFromGroupAllowed(groupId: number, userId: number | string): Promise<boolean>;
  /** `apps.isNotificationsAllowed`: has the user allowed this app's notifications. */
  isNotificationsAllowed(userId: number | string): Promise<boolean>;
  /**
   * `users.get`: the user's first name in `lang`; undefined when the user has none (no such id, a deleted or banned
   * page) or the local simulator. Throws `VkApiUnavailableError` when VK did not answer.
   */
  firstName(userId: number | string, lang: 'ru' | 'en'): Promise<string | undefined>;
  /**
   * `users.get` with `has_photo`: what VK shows of each page, for the draw's advisory flags; an id VK did not answer
   * for is absent. Empty from the local simulator (it knows no pages). Throws `VkApiUnavailableError`.
   */
  profiles(userIds: readonly (number | string)[]): Promise<Map<string, VkProfile>>;
  /** vk-io API acting for the community (messages.send, ...), when a community token is configured. */
  readonly group?: API;
  /** vk-io API with the app's service token, when configured. */
  readonly service?: API;
}

/** A page as `users.get` shows it to the community. */
export interface VkProfile {
  hasPhoto: boolean;
  isClosed: boolean;
  /** `deleted` or `banned`; null for a working page. */
  deactivated: string | null;
}

/** VK could not answer (network, token, VK error): the check is inconclusive, not negative. */
export class VkApiUnavailableError extends Error {
  override name = 'VkApiUnavailableError';
  constructor(
    message: string,
    readonly vkCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type VkConfig = Pick<
  Config,
  'VK_API_BASE_URL' | 'VK_SERVICE_TOKEN' | 'VK_GROUP_TOKEN' | 'VK_GROUP_ID' | 'NODE_ENV' | 'VK_APP_ID'
>;

/** VK errors that answer "this user has no name to give" (invalid id, deleted or banned page), not an outage. */
const NO_SUCH_USER = new Set([18, 113]);

const truthy = (value: unknown): boolean => value === true || value === 1 || value === '1';

/**
 * The keep-alive agent for a VK API base URL, for every vk-io instance in the project (server checks, bot, sender).
 * vk-io's default agent speaks HTTPS only; a plain-http base URL (the fake VK API in tests) needs an http agent,
 * which vk-io's types still call an https one.
 */
export function vkAgentFor(baseUrl: string, maxSockets = Number.POSITIVE_INFINITY): HttpsAgent {
  return (
    baseUrl.startsWith('http:')
      ? new HttpAgent({ keepAlive: true, maxSockets })
      : new HttpsAgent({ keepAlive: true, maxSockets })
  ) as HttpsAgent;
}

function newApi(config: Pick<VkConfig, 'VK_API_BASE_URL'>, token: string): API {
  // Bounded on error 6 too: these calls are made while an HTTP request waits for them.
  return new BoundedVkApi({
    token,
    agent: vkAgentFor(config.VK_API_BASE_URL),
    apiBaseUrl: config.VK_API_BASE_URL,
    apiLimit: 20,
    apiRetryLimit: 1,
    apiWait: 300,
    apiTimeout: 5000,
  });
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof APIError) {
      throw new VkApiUnavailableError(`${what}: VK error ${err.code}`, Number(err.code), { cause: err });
    }
    throw new VkApiUnavailableError(`${what}: ${(err as Error).message}`, undefined, { cause: err });
  }
}

/**
 * Builds the client from configuration.
 * @example const vk = createVkApi(loadConfig()); await vk.isMember(1, 100)
 */
export function createVkApi(config: VkConfig): VkApi {
  if (!config.VK_SERVICE_TOKEN && !config.VK_GROUP_TOKEN && config.NODE_ENV !== 'production') return localVkApi();
  return vkApiWith(config, { service: config.VK_SERVICE_TOKEN, group: config.VK_GROUP_TOKEN });
}

/**
 * A client asking VK with the given tokens: `service` an app's service token (its app answers
 * `apps.isNotificationsAllowed`), `group` a community token (its community answers
 * `messages.isMessagesFromGroupAllowed`). A check that needs a token it was not given is inconclusive
 * (`VkApiUnavailableError`), never answered.
 * @example const vk = vkApiWith(config, { service: 'service-token-of-the-app' })
 */
export function vkApiWith(
  config: Pick<VkConfig, 'VK_API_BASE_URL'>,
  tokens: { service?: string; group?: string },
): VkApi {
  const service = tokens.service ? newApi(config, tokens.service) : undefined;
  const group = tokens.group ? newApi(config, tokens.group) : undefined;
  const need = (api: API | undefined, token: string): API => {
    if (!api) throw new VkApiUnavailableError(`no ${token} to ask VK with`);
    return api;
  };
  return {
    mode: 'vk',
    service,
    group,
    isMember: (groupId, userId) =>
      call('groups.isMember', async () => {
        const api = service ?? need(group, 'service token');
        const res: unknown = await api.groups.isMember({ group_id: String(groupId), user_id: Number(userId) });
        return typeof res === 'object' && res !== null ? truthy((res as { member?: unknown }).member) : truthy(res);
      }),
    isMessagesFromGroupAllowed: (groupId, userId) =>
      call('messages.isMessagesFromGroupAllowed', async () => {
        const res = await need(group, 'community token').messages.isMessagesFromGroupAllowed({
          group_id: groupId,
          user_id: Number(userId),
        });
        return truthy((res as { is_allowed?: unknown }).is_allowed);
      }),
    isNotificationsAllowed: (userId) =>
      call('apps.isNotificationsAllowed', async () => {
        const res = await need(service, 'service token').apps.isNotificationsAllowed({ user_id: Number(userId) });
        return truthy(res.is_allowed);
      }),
    profiles: (userIds) =>
      call('users.get', async () => {
        const api = service ?? need(group, 'service token');
        const found = new Map<string, VkProfile>();
        // users.get takes at most 1,000 ids a call.
        for (let i = 0; i < userIds.length; i += 1000) {
          const users = (await api.users.get({
            user_ids: userIds.slice(i, i + 1000).map(String),
            fields: ['has_photo'],
          })) as { id: number; has_photo?: number; is_closed?: boolean; deactivated?: string }[];
          for (const u of users)
            found.set(String(u.id), {
              hasPhoto: u.deactivated ? false : truthy(u.has_photo),
              isClosed: u.is_closed === true,
              deactivated: u.deactivated ?? null,
            });
        }
        return found;
      }),
    firstName: (userId, lang) =>
      call('users.get', async () => {
        const api = service ?? group;
        if (!api) return undefined;
        try {
          const [user] = await api.users.get({ user_ids: [String(userId)], lang });
          // A deleted or banned page comes back named "DELETED": it has no first name to greet.
          return (!user?.deactivated && user?.first_name) || undefined;
        } catch (err) {
          if (err instanceof APIError && NO_SUCH_USER.has(Number(err.code))) return undefined;
          throw err;
        }
      }),
  };
}

const resolved = new WeakMap<object, VkApi>();

/** The client of a `Deps`: the one it was given, else one built (once) from its config. */
export function vkOf(deps: { vk?: VkApi; config: VkConfig }): VkApi {
  if (deps.vk) return deps.vk;
  let vk = resolved.get(deps);
  if (!vk) {
    vk = createVkApi(deps.config);
    resolved.set(deps, vk);
  }
  return vk;
}

/** The local simulator: every action the local platform adapter simulates is taken at its word. */
export function localVkApi(): VkApi {
  return {
    mode: 'local',
    isMember: async () => true,
    isMessagesFromGroupAllowed: async () => true,
    isNotificationsAllowed: async () => true,
    // The simulator knows no names: a reply that needs one is refused rather than sent with an invented name.
    firstName: async () => undefined,
    // Nor pages: no profile flag is raised on a guess.
    profiles: async () => new Map(),
  };
}
