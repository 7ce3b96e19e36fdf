/**
 * @module The rules of a promotion as the participant reads them, generated on the server from the campaign's own
 * settings so they cannot drift from what the app does: the organiser, the dates (in the campaign's time zone),
 * the prize fund (each reward and how many there are), how winners are chosen (by the legal type and mechanic),
 * and the brand's own text. Russian stimulating-promotion rules need each of these. Bilingual (decision 017).
 */
import { count, eq } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type ContentLanguage, columnText } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import { type Db, schema } from '../../db/client.ts';
import { drawRulesText } from '../draw/draw-rules.ts';
import type { RewardRow } from '../rewards/issue-reward.ts';
import { campaignRewards } from '../rewards/reward.service.ts';
import { parseCampaignSettings } from '../settings.ts';

export interface RulesSection {
  key: 'organizer' | 'dates' | 'prizes' | 'winners' | 'draw' | 'terms';
  title: string;
  text: string;
}

const TITLES: Record<ContentLanguage, Record<RulesSection['key'], string>> = {
  ru: {
    organizer: 'Организатор',
    dates: 'Сроки проведения',
    prizes: 'Призовой фонд',
    winners: 'Как определяются победители',
    draw: 'Честность розыгрыша',
    terms: 'Дополнительные условия',
  },
  en: {
    organizer: 'Organiser',
    dates: 'Dates',
    prizes: 'Prize fund',
    winners: 'How winners are chosen',
    draw: 'Fairness of the draw',
    terms: 'Further terms',
  },
};

const WINNERS: Record<ContentLanguage, Record<CampaignRow['legalType'] | 'wheel' | 'quiz', string>> = {
  ru: {
    instant_win:
      'Мгновенный выигрыш: результат определяется сразу после действия участника случайным образом на сервере организатора.',
    wheel:
      'Мгновенный выигрыш: при каждом вращении колеса сервер организатора случайно выбирает сектор с указанными шансами. На колесе участника только призы, которые он ещё может получить; шансы остальных секторов пересчитываются и показываются рядом с колесом.',
    draw: 'Розыгрыш: победители выбираются случайным образом среди участников, выполнивших условия, после окончания акции.',
    merit_contest: 'Конкурс: приз зависит от результата участника.',
    quiz: 'Конкурс: приз зависит от числа верных ответов в викторине; засчитывается первая попытка. Ответы проверяются автоматически.',
    giveaway:
      'Каждый участник, выполнивший условия получения награды, получает её, пока награды есть в наличии (одна награда каждого вида на участника).',
  },
  en: {
    instant_win:
      "Instant win: the outcome is decided at random on the organiser's server right after the participant's action.",
    wheel:
      "Instant win: on every spin the organiser's server picks a sector at random with the odds shown. A participant's wheel holds only prizes they can still get; the odds of the remaining sectors are recalculated and shown beside the wheel.",
    draw: 'Prize draw: winners are chosen at random among eligible participants after the campaign ends.',
    merit_contest: "Contest: the prize depends on the participant's result.",
    quiz: 'Contest: the prize depends on the number of correct quiz answers; the first attempt counts. Answers are checked automatically.',
    giveaway:
      'Every participant who meets the conditions of a reward gets it while stock lasts (one reward of each kind per participant).',
  },
};

const UNLIMITED: Record<ContentLanguage, string> = { ru: 'без ограничения количества', en: 'no fixed quantity' };
const NO_PRIZES: Record<ContentLanguage, string> = { ru: 'Призы не предусмотрены.', en: 'There are no prizes.' };
const PIECES: Record<ContentLanguage, (n: number) => string> = {
  ru: (n) => `${n.toLocaleString('ru-RU')} шт.`,
  en: (n) => `${n.toLocaleString('en-GB')} pcs`,
};

/** How many of a reward exist in total: its stock, its pool's size, the smaller of both, or null for no limit. */
async function quantity(db: Db, reward: RewardRow): Promise<number | null> {
  let pool: number | null = null;
  if (reward.poolId != null) {
    const [row] = await db
      .select({ n: count() })
      .from(schema.poolCodes)
      .where(eq(schema.poolCodes.poolId, reward.poolId));
    pool = row?.n ?? 0;
  }
  if (reward.stock == null) return pool;
  return pool == null ? reward.stock : Math.min(pool, reward.stock);
}

function dates(campaign: CampaignRow, language: ContentLanguage): string {
  const format = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: campaign.timeZone,
    // The offset beside each time ("GMT+3"): a zone's name alone does not tell a reader elsewhere when that is, and
    // a zone with summer time may start and end under different offsets.
    timeZoneName: 'shortOffset',
  });
  const from = format.format(campaign.startsAt);
  const to = format.format(campaign.endsAt);
  return language === 'ru'
    ? `С ${from} по ${to} (часовой пояс ${campaign.timeZone}).`
    : `From ${from} to ${to} (time zone ${campaign.timeZone}).`;
}

/**
 * The rules of a campaign in the participant's language.
 * @example (await campaignRules(db, campaign, 'Demo Brand', 'en'))[0] // { key: 'organizer', title: 'Organiser', text: 'Demo Brand' }
 */
export async function campaignRules(
  db: Db,
  campaign: CampaignRow,
  brandName: string,
  language: ContentLanguage,
  /** The rewards on offer when the caller has them (the office preview's come from an unsaved document). */
  rewards?: readonly RewardRow[],
): Promise<RulesSection[]> {
  const settings = parseCampaignSettings(campaign.settings);
  const title = TITLES[language];
  const prizes: string[] = [];
  for (const r of rewards ?? (await campaignRewards(db, campaign.id))) {
    const n = await quantity(db, r);
    prizes.push(`• ${columnText(r, 'title', language)}: ${n == null ? UNLIMITED[language] : PIECES[language](n)}`);
  }
  const winners =
    campaign.mechanic === 'wheel' && campaign.legalType === 'instant_win'
      ? WINNERS[language].wheel
      : campaign.mechanic === 'quiz' && campaign.legalType === 'merit_contest'
        ? WINNERS[language].quiz
        : WINNERS[language][campaign.legalType];
  const sections: RulesSection[] = [
    { key: 'organizer', title: title.organizer, text: resolveText(settings.organizer, language) || brandName },
    { key: 'dates', title: title.dates, text: dates(campaign, language) },
    { key: 'prizes', title: title.prizes, text: prizes.length > 0 ? prizes.join('\n') : NO_PRIZES[language] },
    { key: 'winners', title: title.winners, text: winners },
  ];
  const draw = await drawRulesText(db, campaign, language);
  if (draw) {
    if (draw.prize) sections[2] = { key: 'prizes', title: title.prizes, text: [draw.prize, ...prizes].join('\n') };
    sections[3] = { key: 'winners', title: title.winners, text: draw.winners };
    sections.push({ key: 'draw', title: title.draw, text: draw.fairness });
  }
  const terms = columnText(campaign, 'rulesText', language);
  if (terms) sections.push({ key: 'terms', title: title.terms, text: terms });
  return sections;
}

export async function brandNameOf(db: Db, campaign: CampaignRow): Promise<string> {
  const [brand] = await db
    .select({ name: schema.brands.name })
    .from(schema.brands)
    .where(eq(schema.brands.id, campaign.brandId))
    .limit(1);
  return brand?.name ?? '';
}
