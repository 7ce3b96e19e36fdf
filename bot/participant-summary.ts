/**
 * @module What the bot tells a user about themselves: their campaigns in this community, the stage and next task
 * in each ("my progress"), and the rewards they received ("my prizes").
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { campaignPhase } from '../server/campaigns/campaign.service.ts';
import { type Db, schema } from '../server/db/client.ts';

const { participants, campaigns, communities, tasks, taskCompletions, grants, rewards } = schema;

export interface Participation {
  participant: typeof participants.$inferSelect;
  campaign: typeof campaigns.$inferSelect;
}

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

export interface Progress {
  text: string;
  /** The campaign and task to deep-link to, when something is left to do in a running campaign. */
  next?: { campaignId: number; taskKey?: string; title: string };
}

export async function progressOf(db: Db, vkGroupId: number, vkUserId: number, now: number): Promise<Progress> {
  const list = await participationsIn(db, vkGroupId, vkUserId);
  if (list.length === 0)
    return { text: 'Вы ещё не участвуете в акциях сообщества. Откройте приложение, чтобы начать.' };
  const lines: string[] = [];
  let next: Progress['next'];
  for (const { participant, campaign } of list) {
    const taskList = await db
      .select()
      .from(tasks)
      .where(eq(tasks.campaignId, campaign.id))
      .orderBy(asc(tasks.position));
    const doneRows = await db
      .select({ taskId: taskCompletions.taskId })
      .from(taskCompletions)
      .where(and(eq(taskCompletions.participantId, participant.id), eq(taskCompletions.status, 'done')));
    const done = new Set(doneRows.map((r) => r.taskId));
    const pending = taskList.find((t) => !done.has(t.id));
    const step = `${participant.stageIndex + 1}/${campaign.stages.length}`;
    lines.push(
      `• ${campaign.title}: этап ${step}, заданий выполнено ${done.size} из ${taskList.length}` +
        (pending ? `; дальше: «${pending.title}»` : ''),
    );
    if (!next && campaignPhase(campaign, now) === 'running' && participant.stageIndex < campaign.stages.length - 1) {
      next = { campaignId: campaign.id, taskKey: pending?.key, title: pending?.title ?? campaign.title };
    }
  }
  return { text: `Ваш прогресс:\n${lines.join('\n')}`, next };
}

export async function prizesOf(db: Db, vkGroupId: number, vkUserId: number): Promise<string> {
  const ids = (await participationsIn(db, vkGroupId, vkUserId)).map((p) => p.participant.id);
  if (ids.length === 0) return 'Призов пока нет.';
  const rows = await db
    .select({ title: rewards.title, code: grants.code, howToUse: rewards.howToUse })
    .from(grants)
    .innerJoin(rewards, eq(rewards.id, grants.rewardId))
    .where(inArray(grants.participantId, ids))
    .orderBy(asc(grants.issuedAt));
  if (rows.length === 0) return 'Призов пока нет — выполните задания в приложении.';
  return `Ваши призы:\n${rows.map((r) => `• ${r.title}${r.code ? `: ${r.code}` : ''}`).join('\n')}`;
}
