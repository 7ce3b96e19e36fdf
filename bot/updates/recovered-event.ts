/**
 * @module One journaled event taken by a recovery pass: rebuilt into an update, parked at once when it can never be
 * handled, otherwise handled within `HANDLER_TIME_LIMIT_MS` so one hung handler does not hold up the pass.
 */
import type { Db } from '../../server/db/client.ts';
import type { VkUpdate } from '../../server/vk/community-updates.ts';
import { type JournaledEvent, markFailed } from '../../server/vk/event-journal.ts';
import { updateProblem } from './update-shapes.ts';

/** How long a recovery pass waits for one event's handler before it moves on to the next. */
export const HANDLER_TIME_LIMIT_MS = 30_000;

/**
 * Handles `event` with `handle` (the bot's, in its user's turn, delivered at the journal's time); resolves whether it
 * was handled — false for a parked payload or one still running after the time limit.
 * @example await handleRecovered(db, event, (update) => handle(update, event.vkGroupId, event.receivedAt))
 */
export async function handleRecovered(
  db: Db,
  event: JournaledEvent,
  handle: (update: VkUpdate) => Promise<boolean>,
): Promise<boolean> {
  const update = { ...(event.payload ?? {}), type: event.type, event_id: event.eventId } as VkUpdate;
  const problem = updateProblem(update);
  if (problem) {
    await markFailed(db, event, problem.reason);
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeLimit = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      console.error(`bot: ${event.type} ${event.eventId} still running after ${HANDLER_TIME_LIMIT_MS} ms; moving on`);
      resolve(false);
    }, HANDLER_TIME_LIMIT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([handle(update), timeLimit]);
  } finally {
    clearTimeout(timer);
  }
}
