/** @module Shared shapes of the fake VK API: request params and what tests can observe afterwards. */

/** Request parameters exactly as they arrive over HTTP (every value is a string). */
export type Params = Record<string, string>;

/** A milliseconds clock; tests pass a fake one to move time (random_id windows, rate windows). */
export type Clock = () => number;

/** One keyboard button as VK's keyboard JSON describes it (only the fields tests usually look at). */
export interface VkKeyboardButton {
  action: { type: string; label?: string; payload?: string; link?: string; app_id?: number; hash?: string };
  color?: string;
}

/** The `keyboard` param of messages.send, parsed. */
export interface VkKeyboard {
  one_time?: boolean;
  inline?: boolean;
  buttons: VkKeyboardButton[][];
}

/** A message VK actually delivered (a deduplicated repeat does not produce a second entry). */
export interface DeliveredMessage {
  messageId: number;
  conversationMessageId: number;
  groupId: number;
  peerId: number;
  text: string;
  /** As sent; `0` when the caller passed none (API < 5.90) or asked for no de-duplication. */
  randomId: number;
  at: number;
  keyboard?: VkKeyboard;
  attachment?: string;
  intent?: string;
  payload?: string;
}

/** A mini-app notification VK delivered (`userIds` lists only the users it reached). */
export interface SentNotification {
  userIds: number[];
  message: string;
  fragment?: string;
  appId?: number;
  at: number;
}

/** One API method call as the fake saw it; calls made inside `execute` carry `viaExecute: true`. */
export interface RecordedCall {
  method: string;
  token: string;
  /** Every param except `access_token`. */
  params: Params;
  at: number;
  errorCode?: number;
  viaExecute?: boolean;
}

/** A `messages.sendMessageEventAnswer` call (answer to a callback-button press). */
export interface EventAnswer {
  groupId: number;
  eventId: string;
  userId: number;
  peerId: number;
  eventData?: unknown;
  at: number;
}
