/**
 * @module The promo content of the demo world: tasks, rewards, code pools, quiz and wheel for the three demo
 * campaigns (one per mechanic), so every screen has something real to show after `npm start`.
 */
import { schema } from '../db/client.ts';
import type { DbOrTx } from '../funnel/record-event.ts';

const pad = (n: number) => String(n).padStart(4, '0');

function pool(
  tx: DbOrTx,
  campaignId: number,
  key: string,
  name: string,
  codes: string[],
  purpose: 'reward' | 'entry' = 'reward',
) {
  const row = tx
    .insert(schema.codePools)
    .values({ campaignId, key, name, purpose, lowStockThreshold: Math.ceil(codes.length / 10) })
    .returning()
    .get();
  for (let i = 0; i < codes.length; i += 500) {
    tx.insert(schema.poolCodes)
      .values(codes.slice(i, i + 500).map((code) => ({ poolId: row.id, code })))
      .run();
  }
  return row.id;
}

const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${pad(i + 1)}`);

export function seedTasksCampaign(tx: DbOrTx, campaignId: number): void {
  pool(tx, campaignId, 'receipts', 'Коды с упаковки', codes('PACK', 50), 'entry');
  const discountPool = pool(tx, campaignId, 'summer15', 'Промокоды −15%', codes('SUMMER15', 200));
  tx.insert(schema.tasks)
    .values([
      { campaignId, key: 'join', kind: 'join_community', title: 'Вступите в сообщество', position: 1 },
      { campaignId, key: 'messages', kind: 'allow_messages', title: 'Разрешите сообщения от сообщества', position: 2 },
      {
        campaignId,
        key: 'story',
        kind: 'share_story',
        title: 'Поделитесь историей',
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
        position: 4,
        config: { url: 'https://example.com/summer' },
      },
      {
        campaignId,
        key: 'pack-code',
        kind: 'enter_code',
        title: 'Введите код с упаковки',
        description: 'Код напечатан под крышкой, например PACK-0001.',
        position: 5,
        config: { poolKey: 'receipts' },
      },
      {
        campaignId,
        key: 'friends',
        kind: 'invite_friends',
        title: 'Пригласите друга',
        description: 'Засчитывается, когда друг откроет акцию по вашей ссылке.',
        position: 6,
        config: { friendsRequired: 1 },
      },
    ])
    .run();
  tx.insert(schema.rewards)
    .values([
      {
        campaignId,
        key: 'discount15',
        title: 'Скидка 15%',
        description: 'Промокод на скидку 15% в интернет-магазине бренда.',
        howToUse: 'Введите промокод в корзине до 31 августа.',
        position: 1,
        poolId: discountPool,
        unlock: { tasks: 4 },
      },
      {
        campaignId,
        key: 'stickers',
        title: 'Стикерпак бренда',
        description: 'За три подтверждённых задания: сообщество, сообщения и код с упаковки.',
        howToUse: 'Стикеры появятся в вашем профиле ВКонтакте в течение суток.',
        position: 2,
        stock: 100,
        requiresServerVerified: true,
        unlock: { tasks: 3, of: ['join', 'messages', 'pack-code'] },
      },
    ])
    .run();
}

export function quizSettings() {
  const q = (id: string, text: string, options: string[], correct: string[], multiple = false) => ({
    id,
    text,
    multiple,
    options: options.map((t, i) => ({ id: String.fromCharCode(97 + i), text: t })),
    correct,
    points: 1,
  });
  return {
    questions: [
      q('q1', 'В каком году основан бренд?', ['1998', '2005', '2012'], ['b']),
      q('q2', 'Какие продукты выпускает бренд? (несколько ответов)', ['Соки', 'Йогурты', 'Шины'], ['a', 'b'], true),
      q('q3', 'Какой цвет у логотипа?', ['Красный', 'Синий', 'Зелёный'], ['a']),
      q('q4', 'Где производится продукция?', ['В России', 'В Китае', 'На Луне'], ['a']),
      q('q5', 'Сколько вкусов в летней линейке?', ['3', '5', '7'], ['b']),
    ],
    bands: [
      { key: 'novice', minScore: 0, title: 'Почти получилось', text: 'Попробуйте наши задания в другой акции!' },
      { key: 'fan', minScore: 3, title: 'Настоящий фанат', text: 'Ваш приз — скидка 10%.', rewardKey: 'quiz10' },
      {
        key: 'expert',
        minScore: 5,
        title: 'Эксперт бренда',
        text: 'Все ответы верны! Скидка 25%.',
        rewardKey: 'quiz25',
      },
    ],
  };
}

export function seedQuizCampaign(tx: DbOrTx, campaignId: number): void {
  const p10 = pool(tx, campaignId, 'quiz10', 'Промокоды −10%', codes('QUIZ10', 100));
  const p25 = pool(tx, campaignId, 'quiz25', 'Промокоды −25%', codes('QUIZ25', 50));
  tx.insert(schema.rewards)
    .values([
      {
        campaignId,
        key: 'quiz10',
        title: 'Скидка 10%',
        howToUse: 'Введите промокод в корзине.',
        position: 1,
        poolId: p10,
        unlock: { quiz: true },
      },
      {
        campaignId,
        key: 'quiz25',
        title: 'Скидка 25%',
        howToUse: 'Введите промокод в корзине.',
        position: 2,
        poolId: p25,
        unlock: { quiz: true },
      },
    ])
    .run();
}

export const WHEEL_SETTINGS = {
  dailyFreeAttempts: 1,
  dailyAttemptLimit: 3,
  resetHour: 7,
  loseWeight: 50,
  loseLabel: 'Не повезло',
};

export function seedWheelCampaign(tx: DbOrTx, campaignId: number): void {
  const p5 = pool(tx, campaignId, 'wheel5', 'Промокоды −5%', codes('WHEEL5', 200));
  const p20 = pool(tx, campaignId, 'wheel20', 'Промокоды −20%', codes('WHEEL20', 30));
  tx.insert(schema.tasks)
    .values([
      {
        campaignId,
        key: 'join',
        kind: 'join_community',
        title: 'Вступите в сообщество',
        position: 1,
        attemptsGranted: 1,
      },
      {
        campaignId,
        key: 'messages',
        kind: 'allow_messages',
        title: 'Разрешите сообщения',
        position: 2,
        attemptsGranted: 1,
      },
      {
        campaignId,
        key: 'friends',
        kind: 'invite_friends',
        title: 'Пригласите друга',
        position: 3,
        attemptsGranted: 2,
        config: { friendsRequired: 1 },
      },
    ])
    .run();
  const wheel = { wheel: true };
  tx.insert(schema.rewards)
    .values([
      {
        campaignId,
        key: 'wheel5',
        title: 'Скидка 5%',
        howToUse: 'Введите промокод в корзине.',
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
        howToUse: 'Введите промокод в корзине.',
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
        position: 3,
        stock: 10,
        weight: 5,
        dailyCap: 2,
        unlock: wheel,
      },
    ])
    .run();
}
