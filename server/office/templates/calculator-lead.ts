/**
 * @module Template: a service calculator with a lead form (issue 17), e.g. an insurer's policy cost. No tasks or
 * prizes: the calculator's inputs, formula, result text and consent are set in its own editor
 * (`/admin/campaign/:id/calculator`, saved by server/calculator/), which starts from a working example.
 */
import { type CampaignTemplate, DAY_MS, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const t = (ru: string, en: string) => ({ ru, en });

export const calculatorLead: CampaignTemplate = {
  key: 'calculator-lead',
  mechanic: 'calculator',
  // Not a prize campaign; instant_win is the legal type with no draw, contest or giveaway screens attached.
  legalType: 'instant_win',
  title: t('Калькулятор с заявкой', 'Calculator with a lead form'),
  purpose: t(
    'Заявки вместо звонков: клиент сам считает стоимость услуги и оставляет контакты, заявка уходит в вашу CRM.',
    'Leads instead of calls: customers work out the price themselves and leave their contacts; the lead goes to your CRM.',
  ),
  document: (now) => ({
    slug: 'calculator',
    mechanic: 'calculator',
    legalType: 'instant_win',
    title: t('Рассчитайте стоимость', 'Work out the price'),
    description: t(
      'Ответьте на несколько вопросов — покажем цену и перезвоним, если оставите заявку.',
      'Answer a few questions: we show the price and call you back if you leave a request.',
    ),
    rulesText: t(
      'Расчёт предварительный. Заявка ни к чему не обязывает; данные обрабатываются по политике бренда.',
      "The calculation is an estimate. A request commits you to nothing; data are processed under the brand's policy.",
    ),
    startsAt: tomorrow(now),
    endsAt: tomorrow(now) + 90 * DAY_MS,
    timeZone: TEMPLATE_TIME_ZONE,
    theme: {},
    settings: {},
    tasks: [],
    rewards: [],
    pools: [],
  }),
};
