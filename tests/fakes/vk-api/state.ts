/**
 * @module Everything the fake VK "knows": community members, message/notification consent, blocked
 * users, injected failures, id counters, de-duplication memory, and the observation logs tests read.
 * Observation arrays are cleared in place on reset so references handed to tests stay valid.
 */
import { RandomIdMemory } from './random-id-memory.ts';
import type { Clock, DeliveredMessage, EventAnswer, RecordedCall, SentNotification } from './types.ts';

const pair = (a: number, b: number): string => `${a}:${b}`;

export interface SentMessageIds {
  messageId: number;
  conversationMessageId: number;
}

/** Per-user outcome of notifications.sendMessage, in VK's response shape. */
export interface NotificationStatus {
  user_id: number;
  status: boolean;
  error?: { code: number; description: string };
}

/** What `users.get` tells about a profile beyond its name; unset fields are VK's usual (a photo, open). */
export interface FakeProfile {
  hasPhoto?: boolean;
  isClosed?: boolean;
  deactivated?: 'deleted' | 'banned';
}

export class FakeVkState {
  readonly delivered: DeliveredMessage[] = [];
  readonly notifications: SentNotification[] = [];
  readonly calls: RecordedCall[] = [];
  readonly eventAnswers: EventAnswer[] = [];
  readonly longPollSettings = new Map<number, Record<string, string>>();

  private readonly members = new Set<string>();
  private readonly messageConsent = new Set<string>();
  private readonly notificationConsent = new Set<string>();
  private readonly blockedUsers = new Set<number>();
  private readonly profiles = new Map<number, FakeProfile>();
  private readonly injectedFailures = new Map<string, number[]>();
  private readonly errorTally = new Map<number, number>();
  private readonly messageIdByGroup = new Map<number, number>();
  private readonly conversationMessageIdByPeer = new Map<string, number>();
  /** random_id memory of messages.send, keyed `<groupId>:<peerId>:<randomId>`. */
  readonly sentMessageRandomIds: RandomIdMemory<SentMessageIds>;
  /** random_id memory of notifications.sendMessage, keyed `<appId>:<randomId>`. */
  readonly sentNotificationRandomIds: RandomIdMemory<NotificationStatus[]>;

  constructor(readonly clock: Clock) {
    this.sentMessageRandomIds = new RandomIdMemory(clock);
    this.sentNotificationRandomIds = new RandomIdMemory(clock);
  }

  setMember(groupId: number, userId: number, member: boolean): void {
    toggle(this.members, pair(groupId, userId), member);
  }
  isMember(groupId: number, userId: number): boolean {
    return this.members.has(pair(groupId, userId));
  }

  setMessagesAllowed(groupId: number, userId: number, allowed: boolean): void {
    toggle(this.messageConsent, pair(groupId, userId), allowed);
  }
  areMessagesAllowed(groupId: number, userId: number): boolean {
    return this.messageConsent.has(pair(groupId, userId));
  }

  setNotificationsAllowed(appId: number, userId: number, allowed: boolean): void {
    toggle(this.notificationConsent, pair(appId, userId), allowed);
  }
  areNotificationsAllowed(appId: number, userId: number): boolean {
    return this.notificationConsent.has(pair(appId, userId));
  }

  setProfile(userId: number, profile: FakeProfile): void {
    this.profiles.set(userId, profile);
  }
  profile(userId: number): FakeProfile {
    return this.profiles.get(userId) ?? {};
  }

  blockUser(userId: number): void {
    this.blockedUsers.add(userId);
  }
  isBlocked(userId: number): boolean {
    return this.blockedUsers.has(userId);
  }

  /** Queues `count` failures with `errorCode` for the next calls of `method` (top level or inside execute). */
  failNext(method: string, errorCode: number, count: number): void {
    const queue = this.injectedFailures.get(method) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(errorCode);
    this.injectedFailures.set(method, queue);
  }
  /** Takes the next injected failure for `method`, if any. */
  takeInjectedFailure(method: string): number | undefined {
    return this.injectedFailures.get(method)?.shift();
  }

  countError(code: number): void {
    this.errorTally.set(code, (this.errorTally.get(code) ?? 0) + 1);
  }
  errorCounts(): Record<number, number> {
    return Object.fromEntries(this.errorTally);
  }

  /** Next message id in the community's numbering and next conversation_message_id in that dialog. */
  nextMessageIds(groupId: number, peerId: number): SentMessageIds {
    const messageId = (this.messageIdByGroup.get(groupId) ?? 0) + 1;
    this.messageIdByGroup.set(groupId, messageId);
    const key = pair(groupId, peerId);
    const conversationMessageId = (this.conversationMessageIdByPeer.get(key) ?? 0) + 1;
    this.conversationMessageIdByPeer.set(key, conversationMessageId);
    return { messageId, conversationMessageId };
  }

  reset(): void {
    for (const log of [this.delivered, this.notifications, this.calls, this.eventAnswers]) log.length = 0;
    for (const store of [this.members, this.messageConsent, this.notificationConsent, this.blockedUsers]) {
      store.clear();
    }
    this.longPollSettings.clear();
    this.profiles.clear();
    this.injectedFailures.clear();
    this.errorTally.clear();
    this.messageIdByGroup.clear();
    this.conversationMessageIdByPeer.clear();
    this.sentMessageRandomIds.clear();
    this.sentNotificationRandomIds.clear();
  }
}

function toggle<T>(set: Set<T>, value: T, present: boolean): void {
  if (present) set.add(value);
  else set.delete(value);
}
