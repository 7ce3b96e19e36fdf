/**
 * @module Writing a participant's task progress: started, done (with its verification level) or failed,
 * each recorded as a funnel event through `recordEvent` in the same transaction as the row change.
 * A task is done once; marking it done again changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import type { VerificationLevel } from '../../db/schema/promo.ts';
import { type DbOrTx, recordEvent } from '../../funnel/record-event.ts';

export type TaskRow = typeof schema.tasks.$inferSelect;
export type CompletionRow = typeof schema.taskCompletions.$inferSelect;

interface Who {
  campaignId: number;
  participantId: number;
}

export function findCompletion(db: DbOrTx, participantId: number, taskId: number): CompletionRow | undefined {
  return db
    .select()
    .from(schema.taskCompletions)
    .where(and(eq(schema.taskCompletions.participantId, participantId), eq(schema.taskCompletions.taskId, taskId)))
    .get();
}

/** Marks a task started (again, after a failure); allow_messages tasks get their consent key here. */
export function markTaskStarted(db: DbOrTx, who: Who, task: TaskRow, at: number): CompletionRow {
  return db.transaction((tx) => {
    const existing = findCompletion(tx, who.participantId, task.id);
    if (existing?.status === 'done') return existing;
    const consentKey =
      task.kind === 'allow_messages' ? (existing?.consentKey ?? randomBytes(12).toString('base64url')) : null;
    const row = existing
      ? tx
          .update(schema.taskCompletions)
          .set({ status: 'started', failure: null, consentKey, startedAt: at })
          .where(eq(schema.taskCompletions.id, existing.id))
          .returning()
          .get()
      : tx
          .insert(schema.taskCompletions)
          .values({ participantId: who.participantId, taskId: task.id, status: 'started', consentKey, startedAt: at })
          .returning()
          .get();
    recordEvent(tx, { ...who, type: 'task_started', at, data: { task: task.key, kind: task.kind } });
    return row;
  });
}

/** Marks a task done; returns false when it already was. */
export function markTaskDone(
  db: DbOrTx,
  who: Who,
  task: TaskRow,
  level: VerificationLevel,
  at: number,
  detail: Record<string, unknown> = {},
): boolean {
  return db.transaction((tx) => {
    const existing = findCompletion(tx, who.participantId, task.id);
    if (existing?.status === 'done') return false;
    const values = { status: 'done' as const, level, failure: null, doneAt: at, detail };
    if (existing) {
      tx.update(schema.taskCompletions).set(values).where(eq(schema.taskCompletions.id, existing.id)).run();
    } else {
      tx.insert(schema.taskCompletions)
        .values({ participantId: who.participantId, taskId: task.id, startedAt: at, ...values })
        .run();
    }
    recordEvent(tx, { ...who, type: 'task_done', at, data: { task: task.key, kind: task.kind, level, ...detail } });
    return true;
  });
}

export function markTaskFailed(
  db: DbOrTx,
  who: Who,
  task: TaskRow,
  failure: string,
  at: number,
  detail: Record<string, unknown> = {},
): void {
  db.transaction((tx) => {
    const existing = findCompletion(tx, who.participantId, task.id);
    if (existing?.status === 'done') return;
    if (existing) {
      tx.update(schema.taskCompletions)
        .set({ status: 'failed', failure, detail })
        .where(eq(schema.taskCompletions.id, existing.id))
        .run();
    } else {
      tx.insert(schema.taskCompletions)
        .values({ participantId: who.participantId, taskId: task.id, status: 'failed', failure, startedAt: at, detail })
        .run();
    }
    recordEvent(tx, { ...who, type: 'task_failed', at, data: { task: task.key, kind: task.kind, failure } });
  });
}
