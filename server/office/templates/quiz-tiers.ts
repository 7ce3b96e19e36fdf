/** @module Template: quiz with tiers. Five questions; 3+ right answers give 10% off, all five give 25% off. */
import { type CampaignTemplate, DAY_MS, poolNameIn, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const t = (ru: string, en: string) => ({ ru, en });

function question(id: string, text: { ru: string; en: string }, options: { ru: string; en: string }[], right: number) {
  return {
    id,
    text,
    multiple: false,
    options: options.map((o, i) => ({ id: String.fromCharCode(97 + i), text: o })),
    correct: [String.fromCharCode(97 + right)],
    points: 1,
  };
}

export const quizTiers: CampaignTemplate = {
  key: 'quiz-tiers',
  mechanic: 'quiz',
  legalType: 'merit_contest',
  title: t('Викторина с уровнями призов', 'Quiz with prize tiers'),
  purpose: t(
    'Знакомство с брендом: чем больше верных ответов, тем ценнее приз.',
    'Get to know the brand: the more right answers, the better the prize.',
  ),
  document: (now, language) => ({
    slug: 'quiz',
    mechanic: 'quiz',
    legalType: 'merit_contest',
    title: t('Викторина бренда', 'Brand quiz'),
    description: t(
      'Ответьте на пять вопросов и получите приз по числу верных ответов.',
      'Answer five questions and get a prize for the number of right answers.',
    ),
    rulesText: t('Засчитывается первая попытка.', 'The first attempt counts.'),
    startsAt: tomorrow(now),
    endsAt: tomorrow(now) + 14 * DAY_MS,
    timeZone: TEMPLATE_TIME_ZONE,
    theme: {},
    settings: {
      quiz: {
        questions: [
          question(
            'q1',
            t('В каком году основан бренд?', 'When was the brand founded?'),
            [t('1998', '1998'), t('2005', '2005'), t('2012', '2012')],
            1,
          ),
          question(
            'q2',
            t('Что выпускает бренд?', 'What does the brand make?'),
            [t('Соки', 'Juices'), t('Шины', 'Tyres'), t('Мебель', 'Furniture')],
            0,
          ),
          question(
            'q3',
            t('Какого цвета логотип?', 'What colour is the logo?'),
            [t('Красный', 'Red'), t('Синий', 'Blue'), t('Зелёный', 'Green')],
            0,
          ),
          question(
            'q4',
            t('Где производится продукция?', 'Where are the products made?'),
            [t('В России', 'In Russia'), t('В Китае', 'In China'), t('На Луне', 'On the Moon')],
            0,
          ),
          question(
            'q5',
            t('Сколько вкусов в линейке?', 'How many flavours are in the range?'),
            [t('3', '3'), t('5', '5'), t('7', '7')],
            1,
          ),
        ],
        bands: [
          {
            key: 'novice',
            minScore: 0,
            title: t('Почти получилось', 'Nearly there'),
            text: t('Спасибо за участие!', 'Thanks for taking part!'),
          },
          {
            key: 'fan',
            minScore: 3,
            title: t('Настоящий фанат', 'True fan'),
            text: t('Ваш приз — скидка 10%.', 'Your prize: 10% off.'),
            rewardKey: 'quiz10',
          },
          {
            key: 'expert',
            minScore: 5,
            title: t('Эксперт бренда', 'Brand expert'),
            text: t('Все ответы верны! Скидка 25%.', 'All correct! 25% off.'),
            rewardKey: 'quiz25',
          },
        ],
      },
    },
    tasks: [],
    rewards: [
      {
        key: 'quiz10',
        title: t('Скидка 10%', '10% off'),
        description: t('', ''),
        howToUse: t('Введите промокод в корзине.', 'Enter the code in your cart.'),
        poolKey: 'quiz10',
        stock: null,
        dailyCap: null,
        weight: 0,
        requiresServerVerified: false,
        unlock: { quiz: true },
      },
      {
        key: 'quiz25',
        title: t('Скидка 25%', '25% off'),
        description: t('', ''),
        howToUse: t('Введите промокод в корзине.', 'Enter the code in your cart.'),
        poolKey: 'quiz25',
        stock: null,
        dailyCap: null,
        weight: 0,
        requiresServerVerified: false,
        unlock: { quiz: true },
      },
    ],
    pools: [
      {
        key: 'quiz10',
        name: poolNameIn({ ru: 'Промокоды −10%', en: 'Promo codes −10%' }, language),
        purpose: 'reward',
        lowStockThreshold: 20,
      },
      {
        key: 'quiz25',
        name: poolNameIn({ ru: 'Промокоды −25%', en: 'Promo codes −25%' }, language),
        purpose: 'reward',
        lowStockThreshold: 10,
      },
    ],
  }),
};
