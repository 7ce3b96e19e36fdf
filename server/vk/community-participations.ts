/**
 * @module A VK user's part in the campaigns of one community, as the bot reports it: their participations (most
 * recently seen first), the tasks of each with those done, and the rewards they received.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { contentLanguage } from '../mailing/message-language.ts';

const { participants, campaigns, communities, tasks, taskCompletions, grants, rewards } = schema;

export interface Participation {
  participant: typeof participants.$inferSelect;
  campaign: typeof campaigns.$inferSelect;
}

/**
 * The user's participations in the community's campaigns, most recently seen first.
 * @example const list = await participationsIn(db, groupId, userId)
 */
export async function participationsIn(db: Db, vkGroupId: number, vkUserId: number): Promise<Participation[]> {
  return db
    .select({ participant: participants, campaign: campaigns })
    .from(participants)
    .innerJoin(campaigns, eq(campaigns.id, participants.campaignId))
    .innerJoin(communities, eq(communities.id, campaigns.communityId))
    .where(
      and(
        eq(communities.vkGroupId, vkGroupId),
        eq(participants.platform, 'vk'),
        eq(participants.platformUserId, String(vkUserId)),
      ),
    )
    .orderBy(desc(participants.lastSeenAt));
}

/** The language of a VK user writing to the community: their most recently seen participation's, else the default. */
export async function communityUserLanguage(db: Db, vkGroupId: number, vkUserId: number): Promise<ContentLanguage> {
  const [latest] = await participationsIn(db, vkGroupId, vkUserId);
  return contentLanguage(latest?.participant.language);
}

export interface ParticipationTasks extends Participation {
  /** The campaign's tasks in their order (a removed one only when this participant had done it). */
  tasks: Array<typeof tasks.$inferSelect>;
  /** Ids of the tasks this participant has done. */
  done: Set<number>;
}

/** Each participation with its campaign's tasks and which of them are done. */
export async function taskProgressIn(db: Db, vkGroupId: number, vkUserId: number): Promise<ParticipationTasks[]> {
  const out: ParticipationTasks[] = [];
  for (const p of await participationsIn(db, vkGroupId, vkUserId)) {
    const taskList = await db
      .select()
      .from(tasks)
      .where(eq(tasks.campaignId, p.campaign.id))
      .orderBy(asc(tasks.position));
    const doneRows = await db
      .select({ taskId: taskCompletions.taskId })
      .from(taskCompletions)
      .where(and(eq(taskCompletions.participantId, p.participant.id), eq(taskCompletions.status, 'done')));
    const done = new Set(doneRows.map((r) => r.taskId));
    // A task a revision removed can no longer be done: it is listed only where it was done (earned progress stays).
    const shown = taskList.filter((t) => t.removedAt == null || done.has(t.id));
    out.push({ ...p, tasks: shown, done });
  }
  return out;
}

export interface ReceivedPrize {
  title: string;
  code: string | null;
  howToUse: string;
}

/** Whether the user takes part in any of the community's campaigns, and the rewards they received, oldest first. */
export async function prizesIn(
  db: Db,
  vkGroupId: number,
  vkUserId: number,
): Promise<{ participates: boolean; prizes: ReceivedPrize[] }> {
  const ids = (await participationsIn(db, vkGroupId, vkUserId)).map((p) => p.participant.id);
  if (ids.length === 0) return { participates: false, prizes: [] };
  const prizes = await db
    .select({ title: rewards.title, code: grants.code, howToUse: rewards.howToUse })
    .from(grants)
    .innerJoin(rewards, eq(rewards.id, grants.rewardId))
    .where(inArray(grants.participantId, ids))
    .orderBy(asc(grants.issuedAt));
  return { participates: true, prizes };
}
