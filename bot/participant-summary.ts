/**
 * @module What the bot tells a user about themselves: their campaigns in this community, the stage and next task
 * in each ("my progress"), and the rewards they received ("my prizes"). The data comes from
 * server/vk/community-participations.ts; the words are the bot's.
 */
import { campaignPhase } from '../server/campaigns/campaign.service.ts';
import { type ContentLanguage, columnText } from '../server/campaigns/content-language.ts';
import type { Db } from '../server/db/client.ts';
import { prizesIn, taskProgressIn } from '../server/vk/community-participations.ts';
import { BOT_TEXTS } from './replies.ts';

export interface Progress {
  text: string;
  /** The campaign and task to deep-link to, when something is left to do in a running campaign. */
  next?: { campaignId: number; taskKey?: string; title: string };
}

export async function progressOf(
  db: Db,
  vkGroupId: number,
  vkUserId: number,
  now: number,
  language: ContentLanguage,
): Promise<Progress> {
  const say = BOT_TEXTS[language];
  const list = await taskProgressIn(db, vkGroupId, vkUserId);
  if (list.length === 0) return { text: say.notParticipating };
  const lines: string[] = [];
  let next: Progress['next'];
  for (const { participant, campaign, tasks, done } of list) {
    const pending = tasks.find((t) => !done.has(t.id));
    const step = `${participant.stageIndex + 1}/${campaign.stages.length}`;
    const title = columnText(campaign, 'title', language);
    const pendingTitle = pending ? columnText(pending, 'title', language) : undefined;
    lines.push(say.progressLine({ title, step, done: done.size, total: tasks.length, next: pendingTitle }));
    if (!next && campaignPhase(campaign, now) === 'running' && participant.stageIndex < campaign.stages.length - 1) {
      next = { campaignId: campaign.id, taskKey: pending?.key, title: pendingTitle ?? title };
    }
  }
  return { text: `${say.progressHeader}\n${lines.join('\n')}`, next };
}

export async function prizesOf(
  db: Db,
  vkGroupId: number,
  vkUserId: number,
  language: ContentLanguage,
): Promise<string> {
  const say = BOT_TEXTS[language];
  const { participates, prizes } = await prizesIn(db, vkGroupId, vkUserId);
  if (!participates) return say.noPrizes;
  if (prizes.length === 0) return say.noPrizesYet;
  return `${say.prizesHeader}\n${prizes.map((r) => `• ${r.title}${r.code ? `: ${r.code}` : ''}`).join('\n')}`;
}
