/**
 * @module The demo world `npm start` creates on an empty database: one agency, one brand with its VK app
 * and community, a brand admin, and one live campaign of each mechanic. Idempotent: does nothing when
 * any agency exists. Which ids it sits on is decided in demo-ids.ts, never here.
 */
import type { Config } from '../config.ts';
import { type Db, schema } from '../db/client.ts';
import { seedDemoFaq } from './demo-faq.ts';
import { type DemoBinding, demoBinding } from './demo-ids.ts';
import {
  demoCampaignTexts,
  quizSettings,
  seedQuizCampaign,
  seedTasksCampaign,
  seedWheelCampaign,
  WHEEL_SETTINGS,
} from './demo-promo.ts';

export { DEMO_ADMIN_VK_ID, DEMO_GROUP_ID, DEMO_PARTICIPANT_VK_ID } from './demo-ids.ts';

const DAY = 86_400_000;

export interface SeedResult {
  seeded: boolean;
  groupId: number;
  binding: DemoBinding;
}

export function seedDemo(db: Db, config: Config, now: number, binding = demoBinding(config)): SeedResult {
  const groupId = binding.vkGroupId;
  if (db.select({ id: schema.agencies.id }).from(schema.agencies).limit(1).all().length > 0) {
    return { seeded: false, groupId, binding };
  }
  db.transaction((tx) => {
    const agency = tx.insert(schema.agencies).values({ name: 'Demo Agency' }).returning().get();
    const brand = tx.insert(schema.brands).values({ agencyId: agency.id, name: 'Demo Brand' }).returning().get();
    const app = tx
      .insert(schema.apps)
      .values({
        brandId: brand.id,
        name: 'Demo promo app',
        vkAppId: binding.vkAppId,
        okAppKey: binding.okAppKey,
        telegramBotId: binding.telegramBotId,
      })
      .returning()
      .get();
    const community = tx
      .insert(schema.communities)
      .values({ brandId: brand.id, vkGroupId: groupId, name: 'Demo Brand community' })
      .returning()
      .get();
    if (binding.adminVkId !== null) {
      tx.insert(schema.memberships)
        .values({
          platform: 'vk',
          platformUserId: String(binding.adminVkId),
          agencyId: agency.id,
          brandId: brand.id,
          role: 'brand_admin',
          sections: ['campaigns', 'prizes', 'mailings', 'stats', 'support'],
        })
        .run();
    }
    const common = {
      brandId: brand.id,
      appId: app.id,
      communityId: community.id,
      status: 'live' as const,
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      timeZone: 'Europe/Moscow',
    };
    const texts = demoCampaignTexts(common.startsAt, common.timeZone);
    const created = tx
      .insert(schema.campaigns)
      .values([
        {
          ...common,
          slug: 'summer-tasks',
          ...texts.tasks,
          mechanic: 'tasks',
          legalType: 'giveaway',
          theme: { accent: '#2688EB' },
          stages: ['opened', 'task_started', 'task_done', 'reward_issued'],
        },
        {
          ...common,
          slug: 'brand-quiz',
          ...texts.quiz,
          mechanic: 'quiz',
          legalType: 'merit_contest',
          theme: { accent: '#E64646' },
          settings: { quiz: quizSettings() },
          stages: ['opened', 'quiz_finished', 'reward_issued'],
        },
        {
          ...common,
          slug: 'lucky-wheel',
          ...texts.wheel,
          mechanic: 'wheel',
          legalType: 'instant_win',
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
  return { seeded: true, groupId, binding };
}
