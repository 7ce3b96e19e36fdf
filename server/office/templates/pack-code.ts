/**
 * @module Template "enter the code from the pack": a participant types the code printed inside a product pack; each
 * code is one instant-win play (server/promo/codes/). Prizes are won at the prize calendar's moments, spread over the
 * campaign, so the last week has prizes as the first did; the brand loads the pack codes into the `packs` entry pool
 * and generates or imports the calendar (server/promo/calendar/) before publishing.
 */
import { type CampaignTemplate, DAY_MS, poolNameIn, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const bilingual = (ru: string, en: string) => ({ ru, en });

export const packCodeTemplate: CampaignTemplate = {
  key: 'pack-code',
  mechanic: 'code',
  legalType: 'instant_win',
  title: bilingual('Код из упаковки', 'Code from the pack'),
  purpose: bilingual(
    'Покупатель вводит код из упаковки и сразу узнаёт, выиграл ли он. Призы разыгрываются по календарю на всё время акции, каждый код играет один раз.',
    'A buyer types the code from the pack and learns at once whether it won. Prizes follow a calendar over the whole campaign; each code plays once.',
  ),
  document: (now, language) => {
    const startsAt = tomorrow(now);
    return {
      slug: 'pack-code',
      mechanic: 'code',
      legalType: 'instant_win',
      title: bilingual('Найди код — выиграй приз', 'Find the code, win a prize'),
      description: bilingual(
        'Введите код из упаковки: каждый код — шанс на приз.',
        'Enter the code from your pack: every code is a chance to win.',
      ),
      rulesText: bilingual(
        'Каждый код из упаковки можно ввести один раз. Призы выигрываются в моменты, заранее распределённые по всему сроку акции: первый ввод кода после такого момента получает приз.',
        'Each code from a pack can be entered once. Prizes are won at moments spread in advance over the whole campaign: the first code entered after such a moment wins the prize.',
      ),
      startsAt,
      endsAt: startsAt + 30 * DAY_MS,
      timeZone: TEMPLATE_TIME_ZONE,
      theme: {},
      settings: {
        instantWin: { mode: 'calendar' },
        packCode: { poolKey: 'packs', loseWeight: 0 },
      },
      tasks: [],
      rewards: [
        {
          key: 'headphones',
          title: bilingual('Беспроводные наушники', 'Wireless headphones'),
          description: bilingual('Главный приз акции.', 'The main prize.'),
          howToUse: bilingual('Мы напишем вам, чтобы договориться о доставке.', 'We will message you about delivery.'),
          poolKey: null,
          stock: 10,
          dailyCap: 1,
          weight: 1,
          requiresServerVerified: false,
          unlock: { code: true },
        },
        {
          key: 'discount',
          title: bilingual('Скидка 20%', '20% off'),
          description: bilingual('Промокод на следующую покупку.', 'A promo code for your next purchase.'),
          howToUse: bilingual('Введите промокод при оформлении заказа.', 'Enter the promo code at checkout.'),
          poolKey: 'discounts',
          stock: null,
          dailyCap: null,
          weight: 10,
          requiresServerVerified: false,
          unlock: { code: true },
        },
      ],
      pools: [
        {
          key: 'packs',
          name: poolNameIn({ ru: 'Коды из упаковок', en: 'Codes from packs' }, language),
          purpose: 'entry',
          lowStockThreshold: 0,
        },
        {
          key: 'discounts',
          name: poolNameIn({ ru: 'Промокоды на скидку', en: 'Discount promo codes' }, language),
          purpose: 'reward',
          lowStockThreshold: 50,
        },
      ],
    };
  },
};
