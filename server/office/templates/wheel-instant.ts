/** @module Template: wheel of fortune (instant win). A free spin a day, more for tasks; odds written as percentages. */
import { type CampaignTemplate, DAY_MS, poolNameIn, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const t = (ru: string, en: string) => ({ ru, en });
const NONE = t('', '');

export const wheelInstant: CampaignTemplate = {
  key: 'wheel-instant',
  mechanic: 'wheel',
  legalType: 'instant_win',
  title: t('Колесо фортуны', 'Wheel of fortune'),
  purpose: t(
    'Ежедневные возвраты: участник крутит колесо каждый день и за задания, призы выпадают сразу.',
    'Daily returns: participants spin every day and for tasks; prizes are won on the spot.',
  ),
  document: (now, language) => ({
    slug: 'wheel',
    mechanic: 'wheel',
    legalType: 'instant_win',
    title: t('Колесо удачи', 'Lucky wheel'),
    description: t(
      'Крутите колесо раз в день и за каждое задание.',
      'Spin once a day and for every task you complete.',
    ),
    rulesText: t('Шансы каждого приза указаны рядом с колесом.', 'The odds of every prize are shown beside the wheel.'),
    startsAt: tomorrow(now),
    endsAt: tomorrow(now) + 14 * DAY_MS,
    timeZone: TEMPLATE_TIME_ZONE,
    theme: {},
    settings: {
      wheel: {
        dailyFreeAttempts: 1,
        dailyAttemptLimit: 3,
        resetHour: 0,
        loseWeight: 60,
        loseLabel: t('Не повезло', 'No luck'),
      },
    },
    tasks: [
      {
        key: 'join',
        kind: 'join_community',
        title: t('Вступите в сообщество — ещё вращение', 'Join the community: one more spin'),
        description: NONE,
        config: {},
        attemptsGranted: 1,
        position: 1,
      },
      {
        key: 'site',
        kind: 'visit_link',
        title: t('Загляните на сайт — ещё вращение', 'Visit the website: one more spin'),
        description: NONE,
        config: { url: 'https://example.com' },
        attemptsGranted: 1,
        position: 2,
      },
    ],
    rewards: [
      {
        key: 'discount5',
        title: t('Скидка 5%', '5% off'),
        description: NONE,
        howToUse: t('Введите промокод в корзине.', 'Enter the code in your cart.'),
        poolKey: 'wheel5',
        stock: null,
        dailyCap: 100,
        weight: 30,
        requiresServerVerified: false,
        unlock: { wheel: true },
      },
      {
        key: 'discount20',
        title: t('Скидка 20%', '20% off'),
        description: NONE,
        howToUse: t('Введите промокод в корзине.', 'Enter the code in your cart.'),
        poolKey: 'wheel20',
        stock: null,
        dailyCap: 10,
        weight: 9,
        requiresServerVerified: false,
        unlock: { wheel: true },
      },
      {
        key: 'merch',
        title: t('Фирменный шоппер', 'Brand tote bag'),
        description: t('Пришлём почтой.', "We'll send it by post."),
        howToUse: t('Напишите сообществу адрес доставки.', 'Message the community your address.'),
        poolKey: null,
        stock: 20,
        dailyCap: 2,
        weight: 1,
        requiresServerVerified: true,
        unlock: { wheel: true },
      },
    ],
    pools: [
      {
        key: 'wheel5',
        name: poolNameIn({ ru: 'Промокоды −5%', en: 'Promo codes −5%' }, language),
        purpose: 'reward',
        lowStockThreshold: 100,
      },
      {
        key: 'wheel20',
        name: poolNameIn({ ru: 'Промокоды −20%', en: 'Promo codes −20%' }, language),
        purpose: 'reward',
        lowStockThreshold: 20,
      },
    ],
  }),
};
