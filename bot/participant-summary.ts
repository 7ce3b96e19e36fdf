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
  return { text: fitLines(say.progressHeader, lines, say.more), next };
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
  const lines = prizes.map((r) => `• ${r.title}${r.code ? `: ${r.code}` : ''}`);
  return fitLines(say.prizesHeader, lines, say.more);
}

/** VK refuses a message over 4,096 characters (error 914): the answer would never arrive. Kept under it. */
export const BOT_MESSAGE_MAX = 4000;

/**
 * The header and as many whole lines as fit in one message, then how many more there are (a user with many prizes
 * or campaigns got no answer at all).
 * @example fitLines('Ваши призы:', ['• A', '• B'], (n) => `…и ещё ${n}`) // 'Ваши призы:\n• A\n• B'
 */
export function fitLines(header: string, lines: string[], more: (n: number) => string, max = BOT_MESSAGE_MAX): string {
  let text = header;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1;
    // Room for this line and, should more follow, for the line that says how many.
    const tail = left > 0 ? more(left).length + 1 : 0;
    if (text.length + 1 + line.length + tail > max) return `${text}\n${more(lines.length - i)}`;
    text += `\n${line}`;
  }
  return text;
}
