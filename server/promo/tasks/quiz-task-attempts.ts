/**
 * @module A quiz task's attempts (decision 073): each scored answer spends one of the task's `maxAttempts`, counted on
 * its completion row; with none left the next answer is a 409 `quiz_attempts_used` that writes nothing. Only a scored
 * answer spends one: a malformed one is a 422 before this, and a done task is not answered again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import { lockParticipant } from '../../db/row-locks.ts';
import type { Tx } from '../../db/transactions.ts';
import { ApiError } from '../../http/errors.ts';
import { findCompletion } from './task-records.ts';

/** Attempts a participant still has on a task whose completion row is `completion` (none yet: all of them). */
export const attemptsLeft = (completion: { attempts: number } | undefined, maxAttempts: number): number =>
  Math.max(0, maxAttempts - (completion?.attempts ?? 0));

export class QuizAttemptsUsedError extends ApiError {
  constructor(maxAttempts: number) {
    super(409, 'quiz_attempts_used', `All ${maxAttempts} attempts at this quiz are used`);
    this.name = 'QuizAttemptsUsedError';
  }
}

/** Refuses an answer when no attempt is left (checked again, under the participant's lock, by `spendAttempt`). */
export function requireAttemptLeft(completion: { attempts: number } | undefined, maxAttempts: number): void {
  if (attemptsLeft(completion, maxAttempts) === 0) throw new QuizAttemptsUsedError(maxAttempts);
}

/**
 * In the transaction that records the answer's outcome, before it does: takes the participant's lock (answers sent at
 * once are counted one after the other), then refuses when none is left. Returns false when the task is done
 * meanwhile (nothing to record), and `count` to call after the outcome's row is written.
 * @example const spend = await spendAttempt(tx, participantId, task.id, 3); if (spend) { …mark…; await spend(); }
 */
export async function spendAttempt(
  tx: Tx,
  participantId: number,
  taskId: number,
  maxAttempts: number,
): Promise<(() => Promise<void>) | false> {
  await lockParticipant(tx, participantId);
  const completion = await findCompletion(tx, participantId, taskId);
  if (completion?.status === 'done') return false;
  requireAttemptLeft(completion, maxAttempts);
  const { taskCompletions: c } = schema;
  return async () => {
    await tx
      .update(c)
      .set({ attempts: sql`${c.attempts} + 1` })
      .where(and(eq(c.participantId, participantId), eq(c.taskId, taskId)));
  };
}
