/**
 * @module The promo content of the demo world: texts (Russian with English translations, decision 017), tasks,
 * rewards, code pools, quiz and wheel for the three demo campaigns (one per mechanic), so every screen has
 * something real to show after `npm start`. Seasons and dates are derived from the campaign's own dates (the
 * seed clock), never written in: no "summer" in November, no deadline other than the campaign's end.
 */
import { eq } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { Tx } from '../db/transactions.ts';

type Season = { ru: string; en: string };

/** The season (as a title word) of an instant in a time zone. */
export function seasonOf(at: number, timeZone: string): Season {
  const month = Number(new Intl.DateTimeFormat('en-GB', { month: 'numeric', timeZone }).format(at));
  if (month === 12 || month <= 2) return { ru: 'Зимний', en: 'Winter' };
  if (month <= 5) return { ru: 'Весенний', en: 'Spring' };
  if (month <= 8) return { ru: 'Летний', en: 'Summer' };
  return { ru: 'Осенний', en: 'Autumn' };
}

function dayMonth(at: number, timeZone: string, language: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(at);
}

/** Titles, descriptions and extra rules of the three demo campaigns, by the campaigns' schedule. */
export function demoCampaignTexts(startsAt: number, timeZone: string) {
  const season = seasonOf(startsAt, timeZone);
  return {
    tasks: {
      title: `${season.ru} промо: задания`,
      description: 'Выполните задания сообщества и получите промокод на скидку 15%.',
      rulesText: 'Один промокод каждого вида на участника, пока они есть.',
      translations: {
        en: {
          title: `${season.en} promo: tasks`,
          description: "Complete the community's tasks and get a 15% discount code.",
          rulesText: 'One code of each kind per participant, while stock lasts.',
        },
      },
    },
    quiz: {
      title: 'Викторина бренда',
      description: 'Ответьте на вопросы о бренде и получите приз по числу верных ответов.',
      rulesText: 'Призы выдаются сразу после ответов, пока они есть.',
      translations: {
        en: {
          title: 'Brand quiz',
          description: 'Answer questions about the brand and get a prize for the number of correct answers.',
          rulesText: 'Prizes are given right after answering, while stock lasts.',
        },
      },
    },
    wheel: {
      title: 'Колесо удачи',
      description: 'Крутите колесо раз в день и за каждое задание.',
      rulesText: 'Шансы каждого приза указаны рядом с колесом.',
      translations: {
        en: {
          title: 'Lucky wheel',
          description: 'Spin the wheel once a day and for every task you complete.',
          rulesText: 'The odds of every prize are shown beside the wheel.',
        },
      },
    },
  };
}

async function scheduleOf(tx: Tx, campaignId: number): Promise<{ endsAt: number; timeZone: string }> {
  const [row] = await tx
    .select({ endsAt: schema.campaigns.endsAt, timeZone: schema.campaigns.timeZone })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, campaignId))
    .limit(1);
  if (!row) throw new Error(`demo campaign ${campaignId} is missing`);
  return row;
}

const en = (texts: Record<string, string>) => ({ en: texts });
const CART = { ru: 'Введите промокод в корзине.', en: 'Enter the code in your cart.' };

const pad = (n: number) => String(n).padStart(4, '0');

async function pool(
  tx: Tx,
  campaignId: number,
  key: string,
  name: string,
  codes: string[],
  purpose: 'reward' | 'entry' = 'reward',
): Promise<number> {
  // An entry pool warns only when none is left (the threshold route's rule, pool-admin.service.ts); a reward pool at a tenth.
  const row = inserted(
    await tx
      .insert(schema.codePools)
      .values({
        campaignId,
        key,
        name,
        purpose,
        lowStockThreshold: purpose === 'entry' ? 0 : Math.ceil(codes.length / 10),
      })
      .returning({ id: schema.codePools.id }),
  );
  for (let i = 0; i < codes.length; i += 500) {
    await tx.insert(schema.poolCodes).values(codes.slice(i, i + 500).map((code) => ({ poolId: row.id, code })));
  }
  return row.id;
}

const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${pad(i + 1)}`);

export async function seedTasksCampaign(tx: Tx, campaignId: number): Promise<void> {
  const { endsAt, timeZone } = await scheduleOf(tx, campaignId);
  await pool(tx, campaignId, 'receipts', 'Коды с упаковки', codes('PACK', 50), 'entry');
  const discountPool = await pool(tx, campaignId, 'summer15', 'Промокоды −15%', codes('PROMO15', 200));
  await tx.insert(schema.tasks).values([
    {
      campaignId,
      key: 'join',
      kind: 'join_community',
      title: 'Вступите в сообщество',
      translations: en({ title: 'Join the community' }),
      position: 1,
    },
    {
      campaignId,
      key: 'messages',
      kind: 'allow_messages',
      title: 'Разрешите сообщения от сообщества',
      translations: en({ title: 'Allow messages from the community' }),
      position: 2,
    },
    {
      campaignId,
      key: 'story',
      kind: 'share_story',
      title: 'Поделитесь историей',
      translations: en({ title: 'Share a story' }),
      position: 3,
      config: {
        imageUrl: 'https://vk.com/images/stories_demo.png',
        link: 'https://vk.com/club200000001',
        linkText: 'learn_more',
      },
    },
    {
      campaignId,
      key: 'site',
      kind: 'visit_link',
      title: 'Загляните на сайт бренда',
      translations: en({ title: "Visit the brand's website" }),
      position: 4,
      config: { url: 'https://example.com/promo' },
    },
    {
      campaignId,
      key: 'pack-code',
      kind: 'enter_code',
      title: 'Введите код с упаковки',
      description: 'Код напечатан под крышкой, например PACK-0001.',
      translations: en({
        title: 'Enter the code from the pack',
        description: 'The code is printed under the cap, for example PACK-0001.',
      }),
      position: 5,
      config: { poolKey: 'receipts' },
    },
    {
      campaignId,
      key: 'friends',
      kind: 'invite_friends',
      title: 'Пригласите друга',
      description: 'Засчитывается, когда друг откроет акцию по вашей ссылке.',
      translations: en({
        title: 'Invite a friend',
        description: 'Counts when a friend opens the campaign through your link.',
      }),
      position: 6,
      config: { friendsRequired: 1 },
    },
  ]);
  await tx.insert(schema.rewards).values([
    {
      campaignId,
      key: 'discount15',
      title: 'Скидка 15%',
      description: 'Промокод на скидку 15% в интернет-магазине бренда.',
      howToUse: `Введите промокод в корзине до ${dayMonth(endsAt, timeZone, 'ru')}.`,
      translations: en({
        title: '15% off',
        description: "A 15% discount code for the brand's online shop.",
        howToUse: `Enter the code in your cart by ${dayMonth(endsAt, timeZone, 'en')}.`,
      }),
      position: 1,
      poolId: discountPool,
      unlock: { tasks: 4 },
    },
    {
      campaignId,
      key: 'stickers',
      title: 'Стикерпак бренда',
      // Read in VK, OK and Telegram alike: no client named, and no count of tasks (where the community's tasks do not
      // exist, OK and Telegram, the pack code alone unlocks it, as the progress line under it says).
      description: 'За подтверждённые задания: сообщество, сообщения и код с упаковки.',
      howToUse: 'Стикеры появятся среди ваших стикеров в течение суток.',
      translations: en({
        title: 'Brand sticker pack',
        description: 'For verified tasks: the community, messages and the pack code.',
        howToUse: 'The stickers will appear among your stickers within a day.',
      }),
      position: 2,
      stock: 100,
      requiresServerVerified: true,
      unlock: { tasks: 3, of: ['join', 'messages', 'pack-code'] },
    },
  ]);
}

export function quizSettings() {
  type Text = { ru: string; en: string };
  const q = (id: string, text: Text, options: Text[], correct: string[], multiple = false) => ({
    id,
    text,
    multiple,
    options: options.map((t, i) => ({ id: String.fromCharCode(97 + i), text: t })),
    correct,
    points: 1,
  });
  const same = (v: string) => ({ ru: v, en: v });
  return {
    questions: [
      q(
        'q1',
        { ru: 'В каком году основан бренд?', en: 'When was the brand founded?' },
        ['1998', '2005', '2012'].map(same),
        ['b'],
      ),
      q(
        'q2',
        { ru: 'Какие продукты выпускает бренд?', en: 'What does the brand make?' },
        [
          { ru: 'Соки', en: 'Juices' },
          { ru: 'Йогурты', en: 'Yoghurts' },
          { ru: 'Шины', en: 'Tyres' },
        ],
        ['a', 'b'],
        true,
      ),
      q(
        'q3',
        { ru: 'Какой цвет у логотипа?', en: 'What colour is the logo?' },
        [
          { ru: 'Красный', en: 'Red' },
          { ru: 'Синий', en: 'Blue' },
          { ru: 'Зелёный', en: 'Green' },
        ],
        ['a'],
      ),
      q(
        'q4',
        { ru: 'Где производится продукция?', en: 'Where are the products made?' },
        [
          { ru: 'В России', en: 'In Russia' },
          { ru: 'В Китае', en: 'In China' },
          { ru: 'На Луне', en: 'On the Moon' },
        ],
        ['a'],
      ),
      q(
        'q5',
        { ru: 'Сколько вкусов в основной линейке?', en: 'How many flavours are in the main range?' },
        ['3', '5', '7'].map(same),
        ['b'],
      ),
    ],
    bands: [
      {
        key: 'novice',
        minScore: 0,
        title: { ru: 'Почти получилось', en: 'Nearly there' },
        text: { ru: 'Попробуйте наши задания в другой акции!', en: 'Try our tasks in another campaign!' },
      },
      {
        key: 'fan',
        minScore: 3,
        title: { ru: 'Настоящий фанат', en: 'True fan' },
        text: { ru: 'Ваш приз — скидка 10%.', en: 'Your prize: 10% off.' },
        rewardKey: 'quiz10',
      },
      {
        key: 'expert',
        minScore: 5,
        title: { ru: 'Эксперт бренда', en: 'Brand expert' },
        text: { ru: 'Все ответы верны! Скидка 25%.', en: 'All answers correct! 25% off.' },
        rewardKey: 'quiz25',
      },
    ],
  };
}

export async function seedQuizCampaign(tx: Tx, campaignId: number): Promise<void> {
  const p10 = await pool(tx, campaignId, 'quiz10', 'Промокоды −10%', codes('QUIZ10', 100));
  const p25 = await pool(tx, campaignId, 'quiz25', 'Промокоды −25%', codes('QUIZ25', 50));
  await tx.insert(schema.rewards).values([
    {
      campaignId,
      key: 'quiz10',
      title: 'Скидка 10%',
      howToUse: CART.ru,
      translations: en({ title: '10% off', howToUse: CART.en }),
      position: 1,
      poolId: p10,
      unlock: { quiz: true },
    },
    {
      campaignId,
      key: 'quiz25',
      title: 'Скидка 25%',
      howToUse: CART.ru,
      translations: en({ title: '25% off', howToUse: CART.en }),
      position: 2,
      poolId: p25,
      unlock: { quiz: true },
    },
  ]);
}

export const WHEEL_SETTINGS = {
  dailyFreeAttempts: 1,
  dailyAttemptLimit: 3,
  resetHour: 7,
  loseWeight: 50,
  loseLabel: { ru: 'Не повезло', en: 'No luck' },
};

export async function seedWheelCampaign(tx: Tx, campaignId: number): Promise<void> {
  const p5 = await pool(tx, campaignId, 'wheel5', 'Промокоды −5%', codes('WHEEL5', 200));
  const p20 = await pool(tx, campaignId, 'wheel20', 'Промокоды −20%', codes('WHEEL20', 30));
  await tx.insert(schema.tasks).values([
    {
      campaignId,
      key: 'join',
      kind: 'join_community',
      title: 'Вступите в сообщество',
      translations: en({ title: 'Join the community' }),
      position: 1,
      attemptsGranted: 1,
    },
    {
      campaignId,
      key: 'messages',
      kind: 'allow_messages',
      title: 'Разрешите сообщения',
      translations: en({ title: 'Allow messages' }),
      position: 2,
      attemptsGranted: 1,
    },
    {
      campaignId,
      key: 'friends',
      kind: 'invite_friends',
      title: 'Пригласите друга',
      translations: en({ title: 'Invite a friend' }),
      position: 3,
      attemptsGranted: 2,
      config: { friendsRequired: 1 },
    },
  ]);
  const wheel = { wheel: true };
  await tx.insert(schema.rewards).values([
    {
      campaignId,
      key: 'wheel5',
      title: 'Скидка 5%',
      howToUse: CART.ru,
      translations: en({ title: '5% off', howToUse: CART.en }),
      position: 1,
      poolId: p5,
      weight: 30,
      dailyCap: 50,
      unlock: wheel,
    },
    {
      campaignId,
      key: 'wheel20',
      title: 'Скидка 20%',
      howToUse: CART.ru,
      translations: en({ title: '20% off', howToUse: CART.en }),
      position: 2,
      poolId: p20,
      weight: 15,
      dailyCap: 5,
      unlock: wheel,
    },
    {
      campaignId,
      key: 'tshirt',
      title: 'Фирменная футболка',
      howToUse: 'Мы напишем вам в сообщения сообщества, чтобы узнать адрес доставки.',
      translations: en({
        title: 'Brand T-shirt',
        howToUse: 'We will message you from the community to ask for your delivery address.',
      }),
      position: 3,
      stock: 10,
      weight: 5,
      dailyCap: 2,
      unlock: wheel,
    },
  ]);
}
