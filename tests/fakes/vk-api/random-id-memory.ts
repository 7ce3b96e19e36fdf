/**
 * @module VK's random_id memory: a repeat of the same random_id (per community+peer for messages.send,
 * per app for notifications.sendMessage) within one hour is not sent again; VK answers with the result
 * of the first call instead.
 */
import type { Clock } from './types.ts';

/** How long VK remembers a random_id. */
export const RANDOM_ID_WINDOW_MS = 60 * 60 * 1000;

export class RandomIdMemory<Result> {
  private readonly remembered = new Map<string, { at: number; result: Result }>();

  constructor(private readonly clock: Clock) {}

  /** The result stored for `key` less than an hour ago, if any. */
  recall(key: string): Result | undefined {
    const entry = this.remembered.get(key);
    if (!entry || entry.at <= this.clock() - RANDOM_ID_WINDOW_MS) return undefined;
    return entry.result;
  }

  remember(key: string, result: Result): void {
    this.remembered.set(key, { at: this.clock(), result });
  }

  clear(): void {
    this.remembered.clear();
  }
}
