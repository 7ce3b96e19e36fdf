/**
 * @module The seam between the server's VK update routes (`POST /vk/callback`, the local demo's
 * `POST /api/local/message-allow`) and what handles the updates: the server receives, checks and answers; handling
 * is the bot's (bot/bot.ts). The server never imports the bot: the process entry that runs both (scripts/start.ts,
 * tests' worlds) puts the bot into `deps.updates` (docs/decisions/019-composition-root.md).
 */
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';

/** A VK update as the Callback API and Bots Long Poll deliver it (API 5.199). */
export interface VkUpdate {
  type: string;
  group_id?: number;
  event_id?: string;
  object?: unknown;
  [extra: string]: unknown;
}

/** Why an update's `object` is not a shape VK sends for its type. */
export interface UpdateProblem {
  /** One line for the journal's `last_error` and the 422's message. */
  reason: string;
  issues: Array<{ path: string; message: string }>;
}

/** What became of an update handed to `receive`. */
export type ReceiveOutcome =
  | { status: 'accepted' | 'duplicate' }
  /** Not a shape VK sends for its type: journaled as `failed` with the reason (when it has an `event_id`). */
  | ({ status: 'rejected' } & UpdateProblem);

/** What the update routes need from the handler of community updates. */
export interface CommunityUpdates {
  /**
   * Shape-checks and journals the update; resolves once the journal row is committed (VK is answered only then), and
   * handles it in the background.
   */
  receive(update: VkUpdate): Promise<ReceiveOutcome>;
  /** Handles journaled updates whose claim went stale (a crash); resolves to how many were handled. */
  recover(staleMs?: number): Promise<number>;
  /** A recovery pass at most once a minute (called on incoming traffic). */
  recoverNowAndThen(): void;
  /** Resolves when every received update has been handled. */
  idle(): Promise<void>;
}

/** The update handler wired into these deps; a process without one answers 503 (VK retries the delivery). */
export function updatesOf(deps: Deps): CommunityUpdates {
  if (!deps.updates) {
    throw new ApiError(503, 'updates_unavailable', 'This process does not handle VK community updates');
  }
  return deps.updates;
}
