/**
 * @module What the sender sends a channel's rows with: a VK client, the token's turn (lease and rate gate) and the
 * window of requests kept in flight — given once, or looked up before each claim when the token may change.
 */
import type { API } from 'vk-io';
import type { TokenTurn } from './token-turn.ts';

export interface SenderChannel {
  api: API;
  /** The token's lease across processes and, while held, its rate gate. */
  turn: TokenTurn;
  /** Requests kept in flight; about one second's worth at the token's rate. */
  window: number;
}

/**
 * A channel whose token may change while the sender runs (the community's token, replaced in the office): asked
 * before each claim, so the rows claimed go out with the token stored now; undefined when there is none to send with,
 * `withheld` when the agency switched the brand off (its rows are then closed by the sender's pass, decision 064).
 */
export interface ChannelSource {
  current(): Promise<SenderChannel | 'withheld' | undefined>;
}

/** The channel to send with now: the one given, or the source's current one. */
export function channelNow(
  c: SenderChannel | ChannelSource | undefined,
): Promise<SenderChannel | 'withheld' | undefined> {
  if (c === undefined || !('current' in c)) return Promise.resolve(c);
  return c.current();
}
