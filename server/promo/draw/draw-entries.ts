/**
 * @module Who is in a giveaway's draw: a participant who completed every required task by the draw time, at the
 * server-verified level wherever the task's kind can be verified by the server (a client's word is not enough for a
 * kind the server can check). Ordered by participant id, the stable key of the frozen list.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { ApiError } from '../../http/errors.ts';
import type { DrawSettings } from '../settings.ts';
import { TASK_KIND_INFO } from '../tasks/task-kinds.ts';
import type { TaskRow } from '../tasks/task-records.ts';

const { tasks, taskCompletions, participants } = schema;

export interface Entrant {
  participantId: number;
  platform: string;
  userId: string;
}

/** The required tasks, in the order the settings name them; a key with no task is a misconfigured draw (409). */
export async function requiredTasks(db: Db | Tx, campaignId: number, draw: DrawSettings): Promise<TaskRow[]> {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.campaignId, campaignId), inArray(tasks.key, draw.requiredTaskKeys)));
  const byKey = new Map(rows.map((t) => [t.key, t]));
  const missing = draw.requiredTaskKeys.filter((k) => !byKey.has(k));
  if (missing.length > 0)
    throw new ApiError(
      409,
      'draw_misconfigured',
      `The draw requires tasks that do not exist: ${missing.join(', ')}`,
      missing.map((task) => ({
        path: 'requiredTaskKeys',
        code: 'missing_task',
        params: { task },
        message: `no task "${task}" in the campaign`,
      })),
    );
  return draw.requiredTaskKeys.map((k) => byKey.get(k) as TaskRow);
}

/** Whether a completion counts for the draw: done by the cut-off, and verified by the server if its kind allows. */
function counts(
  task: TaskRow,
  c: { status: string; level: string | null; doneAt: number | null },
  cutoff: number,
): boolean {
  if (c.status !== 'done' || c.doneAt == null || c.doneAt > cutoff) return false;
  return TASK_KIND_INFO[task.kind].level !== 'server_verified' || c.level === 'server_verified';
}

/**
 * Every entry of the draw as of `cutoff` (the draw time), ordered by participant id.
 * @example const list = await drawEntrants(tx, campaign, settings.draw, settings.draw.drawAt)
 */
export async function drawEntrants(
  db: Db | Tx,
  campaign: Pick<CampaignRow, 'id'>,
  draw: DrawSettings,
  cutoff: number,
): Promise<Entrant[]> {
  const required = await requiredTasks(db, campaign.id, draw);
  const byId = new Map(required.map((t) => [t.id, t]));
  const rows = await db
    .select({
      participantId: taskCompletions.participantId,
      taskId: taskCompletions.taskId,
      status: taskCompletions.status,
      level: taskCompletions.level,
      doneAt: taskCompletions.doneAt,
      platform: participants.platform,
      userId: participants.platformUserId,
    })
    .from(taskCompletions)
    .innerJoin(participants, eq(participants.id, taskCompletions.participantId))
    .where(
      and(
        eq(participants.campaignId, campaign.id),
        inArray(taskCompletions.taskId, [...byId.keys()]),
        eq(taskCompletions.status, 'done'),
        lte(taskCompletions.doneAt, cutoff),
      ),
    )
    .orderBy(asc(taskCompletions.participantId));
  const done = new Map<number, { entrant: Entrant; tasks: Set<number> }>();
  for (const r of rows) {
    const task = byId.get(r.taskId);
    if (!task || !counts(task, r, cutoff)) continue;
    let e = done.get(r.participantId);
    if (!e) {
      e = { entrant: { participantId: r.participantId, platform: r.platform, userId: r.userId }, tasks: new Set() };
      done.set(r.participantId, e);
    }
    e.tasks.add(r.taskId);
  }
  return [...done.values()]
    .filter((e) => e.tasks.size === required.length)
    .map((e) => e.entrant)
    .sort((a, b) => a.participantId - b.participantId);
}

/** One participant's standing: the required tasks they still miss (none: they are in the draw). */
export async function missingTasks(
  db: Db,
  campaignId: number,
  participantId: number | null,
  draw: DrawSettings,
  cutoff: number,
): Promise<TaskRow[]> {
  const required = await requiredTasks(db, campaignId, draw);
  if (participantId === null) return required;
  const rows = await db
    .select()
    .from(taskCompletions)
    .where(
      and(
        eq(taskCompletions.participantId, participantId),
        inArray(
          taskCompletions.taskId,
          required.map((t) => t.id),
        ),
      ),
    );
  const byTask = new Map(rows.map((c) => [c.taskId, c]));
  return required.filter((t) => {
    const c = byTask.get(t.id);
    return !c || !counts(t, c, cutoff);
  });
}
