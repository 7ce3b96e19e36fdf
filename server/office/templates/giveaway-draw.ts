/**
 * @module Template: giveaway draw (розыгрыш), the mechanic VK communities run most. Join the community, allow its
 * messages and share a story: each participant who does all three by the draw time is one entry; a provably fair
 * draw (server/promo/draw/) picks the winners and reserves an hour after the end.
 */
import { type CampaignTemplate, DAY_MS, TEMPLATE_TIME_ZONE, tomorrow } from './campaign-template.ts';

const t = (ru: string, en: string) => ({ ru, en });
const HOUR_MS = 60 * 60 * 1000;

export const giveawayDraw: CampaignTemplate = {
  key: 'giveaway-draw',
  mechanic: 'tasks',
  legalType: 'giveaway',
  title: t('Розыгрыш', 'Giveaway draw'),
  purpose: t(
    'Подписчики, разрешения на сообщения и охват: участник вступает в сообщество, разрешает сообщения и делится историей — и попадает в розыгрыш. Победители выбираются проверяемо честно: каждый может пересчитать результат.',
    'Followers, message subscribers and reach: participants join, allow messages and share a story to enter the draw. Winners are picked in a provably fair way that anyone can recompute.',
  ),
  document: (now) => {
    const startsAt = tomorrow(now);
    const endsAt = startsAt + 14 * DAY_MS;
    return {
      slug: 'giveaway',
      mechanic: 'tasks',
      legalType: 'giveaway',
      title: t('Большой розыгрыш', 'The big giveaway'),
      description: t(
        'Выполните три задания и участвуйте в розыгрыше призов. Итоги — через час после окончания акции.',
        'Complete three tasks to enter the prize draw. Results an hour after the campaign ends.',
      ),
      rulesText: t(
        'Один участник — одна запись в розыгрыше. Победитель, который к моменту проверки вышел из сообщества или запретил сообщения, заменяется резервным.',
        'One entry per participant. A winner who has left the community or blocked messages by the time of the check is replaced by a reserve.',
      ),
      startsAt,
      endsAt,
      timeZone: TEMPLATE_TIME_ZONE,
      theme: {},
      settings: {
        draw: {
          winners: 3,
          reserves: 2,
          drawAt: endsAt + HOUR_MS,
          requiredTaskKeys: ['join', 'messages', 'share'],
          prize: t('Подарочный сертификат на 5 000 ₽', 'A gift card worth 5,000 RUB'),
        },
      },
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
          description: t('Так мы сообщим вам о выигрыше.', 'So we can tell you if you win.'),
          config: {},
          attemptsGranted: 0,
          position: 2,
        },
        {
          key: 'share',
          kind: 'share_story',
          title: t('Поделитесь историей', 'Share a story'),
          description: t('Расскажите друзьям о розыгрыше.', 'Tell your friends about the giveaway.'),
          config: { imageUrl: 'https://example.com/giveaway-story.png', link: 'https://vk.com' },
          attemptsGranted: 0,
          position: 3,
        },
      ],
      rewards: [],
      pools: [],
    };
  },
};
