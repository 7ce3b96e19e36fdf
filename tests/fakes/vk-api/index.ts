/**
 * @module A fake VK API on 127.0.0.1 for integration tests: the bot (vk-io) and the server talk to it
 * instead of api.vk.ru. It keeps VK's observable behaviour (error envelope, rate limit, random_id
 * de-duplication, consent errors 901/902, `execute` batching, Bots Long Poll) and records what was sent.
 *
 * Token convention (see tokens.ts): `group:<groupId>` = community token, `service:<appId>` = service token,
 * `user:<userId>` = user token; any other non-empty string is an anonymous user token; none → error 5.
 *
 * With vk-io pass both the URL and the fake's plain-HTTP agent (vk-io's default agent is HTTPS-only):
 *   new VK({ token: 'group:1', apiBaseUrl: fake.url, agent: fake.agent, apiLimit: 20, pollingGroupId: 1 })
 */
import { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AnswerHolds, type HeldAnswer } from './answer-holds.ts';
import { ApiDispatcher } from './dispatcher.ts';
import { createFakeVkHttpServer } from './http-server.ts';
import { LongPollHub } from './long-poll.ts';
import { SlidingWindowRateLimiter } from './rate-limiter.ts';
import { type FakeProfile, FakeVkState } from './state.ts';
import type { DeliveredMessage, EventAnswer, Params, RecordedCall, SentNotification } from './types.ts';

export type { HeldAnswer } from './answer-holds.ts';
export type { FakeProfile } from './state.ts';
export type {
  DeliveredMessage,
  EventAnswer,
  Params,
  RecordedCall,
  SentNotification,
  VkKeyboard,
  VkKeyboardButton,
} from './types.ts';

export interface FakeVkApiOptions {
  /** Requests per token per sliding second before error 6 (VK: 20 for community tokens). Default 20. */
  rateLimitPerSecond?: number;
  /** Milliseconds clock for timestamps, the rate window and random_id memory. Default Date.now. */
  clock?: () => number;
  /** Cap on how long a long-poll request is held (VK holds up to `wait` s; tests want it short). Default 1000. */
  longPollMaxWaitMs?: number;
}

export interface FakeVkApi {
  /** `http://127.0.0.1:PORT/method` — pass as vk-io `apiBaseUrl`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** A plain-HTTP keep-alive agent for vk-io's `agent` option (typed as vk-io expects); destroyed on close. */
  agent: HttpsAgent;
  close(): Promise<void>;

  addMember(groupId: number, userId: number): void;
  removeMember(groupId: number, userId: number): void;
  allowMessages(groupId: number, userId: number): void;
  denyMessages(groupId: number, userId: number): void;
  allowNotifications(appId: number, userId: number): void;
  denyNotifications(appId: number, userId: number): void;
  /** messages.send to this user fails with 902 (privacy settings) from every community. */
  blockUser(userId: number): void;
  /** What users.get says about the user's page: no photo, closed, deleted or banned. */
  setProfile(userId: number, profile: FakeProfile): void;
  /** The next `count` (default 1) calls of `method` fail with `errorCode`; also applies inside execute. */
  failNext(method: string, errorCode: number, count?: number): void;
  /**
   * The next call of `method` whose params `match` is handled (delivered, recorded) when it arrives, but its answer
   * is held back until `release()`: a call at VK whose answer is slow to come back. Every held answer goes on close.
   */
  holdAnswer(method: string, match?: (params: Params) => boolean): HeldAnswer;
  /** Queues a Bots Long Poll update for the community (group_id, event_id and v are filled if absent). */
  pushLongPollEvent(groupId: number, update: object): void;
  /** Invalidates the community's long-poll keys: clients get `{failed: 2}` and must call getLongPollServer again. */
  expireLongPollKeys(groupId: number): void;

  delivered: DeliveredMessage[];
  notifications: SentNotification[];
  calls: RecordedCall[];
  eventAnswers: EventAnswer[];
  /** Everything passed to groups.setLongPollSettings, merged per community. */
  longPollSettings: ReadonlyMap<number, Record<string, string>>;
  /** How many times each VK error code was returned (top level, inside execute, and per peer of peer_ids). */
  errorCounts(): Record<number, number>;
  /** Forgets all state and observations; long-poll keys and ts numbering survive so pollers keep running. */
  reset(): void;
}

export async function startFakeVkApi(options: FakeVkApiOptions = {}): Promise<FakeVkApi> {
  const clock = options.clock ?? Date.now;
  const state = new FakeVkState(clock);
  const limiter = new SlidingWindowRateLimiter(options.rateLimitPerSecond ?? 20, clock);
  const longPoll = new LongPollHub(options.longPollMaxWaitMs ?? 1000);
  const holds = new AnswerHolds();
  let origin = '';
  const { server, longPollsFlushed } = createFakeVkHttpServer(
    new ApiDispatcher(state, longPoll, limiter, () => origin),
    longPoll,
    holds,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpAgent = new HttpAgent({ keepAlive: true });

  return {
    url: `${origin}/method`,
    origin,
    // vk-io types its option as https.Agent but only hands it to node-fetch, which needs an http.Agent for http: URLs.
    agent: httpAgent as unknown as HttpsAgent,
    close: async () => {
      // Answer held long polls first so a stopped vk-io poller gets its reply instead of a reset socket.
      longPoll.close();
      holds.releaseAll();
      await longPollsFlushed();
      httpAgent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    addMember: (groupId, userId) => state.setMember(groupId, userId, true),
    removeMember: (groupId, userId) => state.setMember(groupId, userId, false),
    allowMessages: (groupId, userId) => state.setMessagesAllowed(groupId, userId, true),
    denyMessages: (groupId, userId) => state.setMessagesAllowed(groupId, userId, false),
    allowNotifications: (appId, userId) => state.setNotificationsAllowed(appId, userId, true),
    denyNotifications: (appId, userId) => state.setNotificationsAllowed(appId, userId, false),
    blockUser: (userId) => state.blockUser(userId),
    setProfile: (userId, profile) => state.setProfile(userId, profile),
    failNext: (method, errorCode, count = 1) => state.failNext(method, errorCode, count),
    holdAnswer: (method, match) => holds.hold(method, match),
    pushLongPollEvent: (groupId, update) => longPoll.push(groupId, update),
    expireLongPollKeys: (groupId) => longPoll.expireKeys(groupId),
    delivered: state.delivered,
    notifications: state.notifications,
    calls: state.calls,
    eventAnswers: state.eventAnswers,
    longPollSettings: state.longPollSettings,
    errorCounts: () => state.errorCounts(),
    reset: () => {
      state.reset();
      limiter.reset();
      longPoll.clearEvents();
    },
  };
}
