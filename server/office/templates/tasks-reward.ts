/** @module Template: tasks → reward. Join, allow messages, visit the site; three done unlock a discount code. */
import { type CampaignTemplate, DAY_MS, poolNameIn, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const t = (ru: string, en: string) => ({ ru, en });

export const tasksReward: CampaignTemplate = {
  key: 'tasks-reward',
  mechanic: 'tasks',
  legalType: 'giveaway',
  title: t('Задания → награда', 'Tasks → reward'),
  purpose: t(
    'Рост сообщества и подписок на сообщения: участник выполняет простые задания и сразу получает промокод.',
    'Grow the community and message subscribers: participants complete simple tasks and get a promo code at once.',
  ),
  document: (now, language) => ({
    slug: 'tasks',
    mechanic: 'tasks',
    legalType: 'giveaway',
    title: t('Выполни задания — получи скидку', 'Complete tasks, get a discount'),
    description: t(
      'Три простых шага — и промокод на скидку 15% ваш.',
      'Three simple steps and a 15% discount code is yours.',
    ),
    rulesText: t('Один промокод на участника, пока они есть.', 'One code per participant while stock lasts.'),
    startsAt: tomorrow(now),
    endsAt: tomorrow(now) + 14 * DAY_MS,
    timeZone: TEMPLATE_TIME_ZONE,
    theme: {},
    settings: {},
    tasks: [
      {
        key: 'join',
        kind: 'join_community',
        title: t('Вступите в сообщество', 'Join the community'),
        description: t('', ''),
        config: {},
        attemptsGranted: 0,
        position: 1,
      },
      {
        key: 'messages',
        kind: 'allow_messages',
        title: t('Разрешите сообщения от сообщества', 'Allow messages from the community'),
        description: t('Пришлём промокод и новости акции.', "We'll send the code and campaign news."),
        config: {},
        attemptsGranted: 0,
        position: 2,
      },
      {
        key: 'site',
        kind: 'visit_link',
        title: t('Загляните на сайт бренда', "Visit the brand's website"),
        description: t('', ''),
        config: { url: 'https://example.com' },
        attemptsGranted: 0,
        position: 3,
      },
    ],
    rewards: [
      {
        key: 'discount15',
        title: t('Скидка 15%', '15% off'),
        description: t('Промокод на скидку 15% в магазине бренда.', "A 15% discount code for the brand's shop."),
        howToUse: t('Введите промокод в корзине.', 'Enter the code in your cart.'),
        poolKey: 'discount15',
        stock: null,
        dailyCap: null,
        weight: 0,
        requiresServerVerified: false,
        unlock: { tasks: 3 },
      },
    ],
    pools: [
      {
        key: 'discount15',
        name: poolNameIn({ ru: 'Промокоды −15%', en: 'Promo codes −15%' }, language),
        purpose: 'reward',
        lowStockThreshold: 50,
      },
    ],
  }),
};
