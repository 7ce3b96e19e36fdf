/**
 * @module Writing a participant's task progress: started, done (with its verification level) or failed,
 * each recorded as a funnel event through `recordEvent` in the same transaction as the row change.
 * A task is done once; marking it done again changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { VerificationLevel } from '../../db/schema/promo.ts';
import type { Tx } from '../../db/transactions.ts';
import { recordEvent } from '../../funnel/record-event.ts';

export type TaskRow = typeof schema.tasks.$inferSelect;
export type CompletionRow = typeof schema.taskCompletions.$inferSelect;

interface Who {
  campaignId: number;
  participantId: number;
}

export async function findCompletion(
  db: Db,
  participantId: number,
  taskId: number,
): Promise<CompletionRow | undefined> {
  const [row] = await db
    .select()
    .from(schema.taskCompletions)
    .where(and(eq(schema.taskCompletions.participantId, participantId), eq(schema.taskCompletions.taskId, taskId)))
    .limit(1);
  return row;
}

/**
 * Marks a task started (again, after a failure), in the caller's transaction; allow_messages tasks get their
 * consent key here.
 */
export async function markTaskStarted(tx: Tx, who: Who, task: TaskRow, at: number): Promise<CompletionRow> {
  const existing = await findCompletion(tx, who.participantId, task.id);
  if (existing?.status === 'done') return existing;
  const consentKey =
    task.kind === 'allow_messages' ? (existing?.consentKey ?? randomBytes(12).toString('base64url')) : null;
  const row = inserted(
    existing
      ? await tx
          .update(schema.taskCompletions)
          .set({ status: 'started', failure: null, consentKey, startedAt: at })
          .where(eq(schema.taskCompletions.id, existing.id))
          .returning()
      : await tx
          .insert(schema.taskCompletions)
          .values({ participantId: who.participantId, taskId: task.id, status: 'started', consentKey, startedAt: at })
          .returning(),
  );
  await recordEvent(tx, { ...who, type: 'task_started', at, data: { task: task.key, kind: task.kind } });
  return row;
}

/**
 * Marks a task done, in the caller's transaction; returns false when it already was, or when a published revision
 * removed the task (`removed_at`): a removed task can no longer be completed, whichever path reports it.
 */
export async function markTaskDone(
  tx: Tx,
  who: Who,
  task: TaskRow,
  level: VerificationLevel,
  at: number,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  if (task.removedAt != null) return false;
  const existing = await findCompletion(tx, who.participantId, task.id);
  if (existing?.status === 'done') return false;
  const values = { status: 'done' as const, level, failure: null, doneAt: at, detail };
  if (existing) {
    await tx.update(schema.taskCompletions).set(values).where(eq(schema.taskCompletions.id, existing.id));
  } else {
    await tx
      .insert(schema.taskCompletions)
      .values({ participantId: who.participantId, taskId: task.id, startedAt: at, ...values });
  }
  await recordEvent(tx, { ...who, type: 'task_done', at, data: { task: task.key, kind: task.kind, level, ...detail } });
  return true;
}

/** Marks a task failed (unless it is done), in the caller's transaction. */
export async function markTaskFailed(
  tx: Tx,
  who: Who,
  task: TaskRow,
  failure: string,
  at: number,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const existing = await findCompletion(tx, who.participantId, task.id);
  if (existing?.status === 'done') return;
  if (existing) {
    await tx
      .update(schema.taskCompletions)
      .set({ status: 'failed', failure, detail })
      .where(eq(schema.taskCompletions.id, existing.id));
  } else {
    await tx
      .insert(schema.taskCompletions)
      .values({ participantId: who.participantId, taskId: task.id, status: 'failed', failure, startedAt: at, detail });
  }
  await recordEvent(tx, { ...who, type: 'task_failed', at, data: { task: task.key, kind: task.kind, failure } });
}
