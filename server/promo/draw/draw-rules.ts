/**
 * @module What the rules page says about a giveaway's draw: how winners are chosen (how many, when, among whom) and
 * the fairness section with the commitment published at the launch, so a participant can hold the organiser to it.
 */
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type ContentLanguage, columnText } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { DRAW_ALGORITHM } from './draw-algorithm.ts';
import { requiredTasks } from './draw-entries.ts';
import { drawSettingsOf, findDraw } from './draw-records.ts';

export interface DrawRulesText {
  /** The prize fund line for the draw's prize, when the settings name it. */
  prize?: string;
  winners: string;
  fairness: string;
}

/** The two texts, or undefined for a campaign without a draw. */
export async function drawRulesText(
  db: Db,
  campaign: CampaignRow,
  language: ContentLanguage,
): Promise<DrawRulesText | undefined> {
  const settings = drawSettingsOf(campaign);
  if (!settings) return undefined;
  const at = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: campaign.timeZone,
  }).format(settings.drawAt);
  let tasks = '';
  try {
    tasks = (await requiredTasks(db, campaign.id, settings)).map((t) => columnText(t, 'title', language)).join('; ');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
  const draw = await findDraw(db, campaign.id);
  const { winners: n, reserves: m } = settings;
  const prizeName = resolveText(settings.prize, language);
  const prize = prizeName
    ? `• ${prizeName}: ${n.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB')} ${language === 'ru' ? 'шт.' : 'pcs'}`
    : undefined;
  if (language === 'en')
    return {
      prize,
      winners: `Prize draw: on ${at} (${campaign.timeZone}) ${n} winner(s) and ${m} reserve(s) are drawn at random among the participants who completed every task by then (${tasks}). A reserve replaces a winner who no longer meets the conditions, in the order drawn.`,
      fairness: draw
        ? `Verifiable draw (${draw.algorithm}). The organiser's server committed to a secret seed when the campaign started: SHA-256 of the seed = ${draw.commitment}. After the draw the seed and the list of entries are published in the app, so anyone can recompute the winners and check that the seed matches this commitment.`
        : `Verifiable draw (${DRAW_ALGORITHM}): the commitment (SHA-256 of a secret seed) is published here when the campaign starts; after the draw the seed and the list of entries are published so anyone can recompute the winners.`,
    };
  return {
    prize,
    winners: `Розыгрыш: ${at} (${campaign.timeZone}) случайным образом выбираются победители (${n}) и резервные победители (${m}) среди участников, выполнивших к этому моменту все задания (${tasks}). Резервный победитель по порядку выбора заменяет победителя, который больше не соответствует условиям.`,
    fairness: draw
      ? `Проверяемый розыгрыш (${draw.algorithm}). При старте акции сервер организатора зафиксировал секретное зерно и опубликовал его хеш: SHA-256 зерна = ${draw.commitment}. После розыгрыша зерно и список участников публикуются в приложении, и каждый может пересчитать победителей и убедиться, что зерно совпадает с этим хешем.`
      : `Проверяемый розыгрыш (${DRAW_ALGORITHM}): хеш секретного зерна (SHA-256) публикуется здесь при старте акции; после розыгрыша зерно и список участников публикуются, и каждый может пересчитать победителей.`,
  };
}
