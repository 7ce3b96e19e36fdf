/**
 * @module The demo world `npm start` creates on an empty database: one agency, one brand with its VK app
 * and community, a brand admin, and one live campaign of each mechanic. Idempotent: does nothing when
 * any agency exists.
 */
import type { Config } from '../config.ts';
import { type Db, schema } from '../db/client.ts';
import { seedDemoFaq } from './demo-faq.ts';
import { quizSettings, seedQuizCampaign, seedTasksCampaign, seedWheelCampaign, WHEEL_SETTINGS } from './demo-promo.ts';

export const DEMO_GROUP_ID = 200000001;
export const DEMO_PARTICIPANT_VK_ID = 100001;
export const DEMO_ADMIN_VK_ID = 100002;
const DAY = 86_400_000;

export interface SeedResult {
  seeded: boolean;
  groupId: number;
}

export function seedDemo(db: Db, config: Config, now: number): SeedResult {
  const groupId = config.VK_GROUP_ID ?? DEMO_GROUP_ID;
  if (db.select({ id: schema.agencies.id }).from(schema.agencies).limit(1).all().length > 0) {
    return { seeded: false, groupId };
  }
  db.transaction((tx) => {
    const agency = tx.insert(schema.agencies).values({ name: 'Demo Agency' }).returning().get();
    const brand = tx.insert(schema.brands).values({ agencyId: agency.id, name: 'Demo Brand' }).returning().get();
    const app = tx
      .insert(schema.apps)
      .values({
        brandId: brand.id,
        name: 'Demo promo app',
        vkAppId: config.VK_APP_ID,
        okAppKey: config.OK_APP_KEY || null,
        telegramBotId: config.TELEGRAM_BOT_TOKEN.split(':')[0] || null,
      })
      .returning()
      .get();
    const community = tx
      .insert(schema.communities)
      .values({ brandId: brand.id, vkGroupId: groupId, name: 'Demo Brand community' })
      .returning()
      .get();
    tx.insert(schema.memberships)
      .values({
        platform: 'vk',
        platformUserId: String(DEMO_ADMIN_VK_ID),
        agencyId: agency.id,
        brandId: brand.id,
        role: 'brand_admin',
        sections: ['campaigns', 'prizes', 'mailings', 'stats', 'support'],
      })
      .run();
    const common = {
      brandId: brand.id,
      appId: app.id,
      communityId: community.id,
      status: 'live' as const,
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      timeZone: 'Europe/Moscow',
    };
    const created = tx
      .insert(schema.campaigns)
      .values([
        {
          ...common,
          slug: 'summer-tasks',
          title: 'Летний промо: задания',
          description: 'Выполните задания сообщества и получите промокод на скидку 15%.',
          mechanic: 'tasks',
          legalType: 'giveaway',
          rulesText: 'Организатор: Demo Brand. Один промокод на участника, пока они есть.',
          theme: { accent: '#2688EB' },
          stages: ['opened', 'task_started', 'task_done', 'reward_issued'],
        },
        {
          ...common,
          slug: 'brand-quiz',
          title: 'Викторина бренда',
          description: 'Ответьте на вопросы о бренде и получите приз по числу верных ответов.',
          mechanic: 'quiz',
          legalType: 'merit_contest',
          rulesText: 'Победители определяются по числу верных ответов.',
          theme: { accent: '#E64646' },
          settings: { quiz: quizSettings() },
          stages: ['opened', 'quiz_finished', 'reward_issued'],
        },
        {
          ...common,
          slug: 'lucky-wheel',
          title: 'Колесо удачи',
          description: 'Крутите колесо раз в день и за каждое задание.',
          mechanic: 'wheel',
          legalType: 'instant_win',
          rulesText: 'Мгновенный выигрыш. Шансы указаны у каждого приза.',
          theme: { accent: '#4BB34B' },
          settings: { wheel: WHEEL_SETTINGS },
          stages: ['opened', 'task_done', 'attempt', 'reward_issued'],
        },
      ])
      .returning()
      .all();
    const bySlug = (slug: string) => created.find((c) => c.slug === slug)?.id as number;
    seedTasksCampaign(tx, bySlug('summer-tasks'));
    seedQuizCampaign(tx, bySlug('brand-quiz'));
    seedWheelCampaign(tx, bySlug('lucky-wheel'));
    seedDemoFaq(
      tx,
      created.map((c) => c.id),
    );
  });
  return { seeded: true, groupId };
}
