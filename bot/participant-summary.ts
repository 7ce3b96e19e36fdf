/**
 * @module What the bot tells a user about themselves: their campaigns in this community, the stage and next task
 * in each ("my progress"), and the rewards they received ("my prizes"). The data comes from
 * server/vk/community-participations.ts; the words are the bot's.
 */
import { campaignPhase } from '../server/campaigns/campaign.service.ts';
import type { Db } from '../server/db/client.ts';
import { prizesIn, taskProgressIn } from '../server/vk/community-participations.ts';

export interface Progress {
  text: string;
  /** The campaign and task to deep-link to, when something is left to do in a running campaign. */
  next?: { campaignId: number; taskKey?: string; title: string };
}

export async function progressOf(db: Db, vkGroupId: number, vkUserId: number, now: number): Promise<Progress> {
  const list = await taskProgressIn(db, vkGroupId, vkUserId);
  if (list.length === 0)
    return { text: 'Вы ещё не участвуете в акциях сообщества. Откройте приложение, чтобы начать.' };
  const lines: string[] = [];
  let next: Progress['next'];
  for (const { participant, campaign, tasks, done } of list) {
    const pending = tasks.find((t) => !done.has(t.id));
    const step = `${participant.stageIndex + 1}/${campaign.stages.length}`;
    lines.push(
      `• ${campaign.title}: этап ${step}, заданий выполнено ${done.size} из ${tasks.length}` +
        (pending ? `; дальше: «${pending.title}»` : ''),
    );
    if (!next && campaignPhase(campaign, now) === 'running' && participant.stageIndex < campaign.stages.length - 1) {
      next = { campaignId: campaign.id, taskKey: pending?.key, title: pending?.title ?? campaign.title };
    }
  }
  return { text: `Ваш прогресс:\n${lines.join('\n')}`, next };
}

export async function prizesOf(db: Db, vkGroupId: number, vkUserId: number): Promise<string> {
  const { participates, prizes } = await prizesIn(db, vkGroupId, vkUserId);
  if (!participates) return 'Призов пока нет.';
  if (prizes.length === 0) return 'Призов пока нет — выполните задания в приложении.';
  return `Ваши призы:\n${prizes.map((r) => `• ${r.title}${r.code ? `: ${r.code}` : ''}`).join('\n')}`;
}
