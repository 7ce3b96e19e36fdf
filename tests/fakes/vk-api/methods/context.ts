/** @module What every fake VK method handler receives, and the handler signature itself. */
import type { LongPollHub } from '../long-poll.ts';
import type { FakeVkState } from '../state.ts';
import type { TokenIdentity } from '../tokens.ts';
import type { Params } from '../types.ts';

export interface MethodContext {
  params: Params;
  identity: TokenIdentity;
  /** The `v` param of the request (inherited by calls inside execute). */
  apiVersion: string;
  state: FakeVkState;
  longPoll: LongPollHub;
  /** `http://127.0.0.1:PORT`, for URLs the fake hands out (long poll server). */
  origin: string;
}

/** Returns the `response` value, or throws VkApiError. */
export type MethodHandler = (context: MethodContext) => unknown;
