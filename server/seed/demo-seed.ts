/**
 * @module The demo world `npm start` creates on an empty database: one agency with its owner, one brand with its VK app
 * and community, a brand admin, and one live campaign of each mechanic. Idempotent: does nothing when
 * any agency exists. Which ids it sits on is decided in demo-ids.ts, never here.
 */
import { BRAND_SECTIONS } from '../auth/sections.ts';
import type { Config } from '../config.ts';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { inTransaction } from '../db/transactions.ts';
import { writeRevision } from '../office/campaigns/campaign-revisions.ts';
import { seedDemoFaq } from './demo-faq.ts';
import { seedDemoHistory } from './demo-history.ts';
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

export async function seedDemo(
  db: Db,
  config: Config,
  now: number,
  binding = demoBinding(config),
): Promise<SeedResult> {
  const groupId = binding.vkGroupId;
  // Checked inside the transaction: two processes starting at once on an empty file seed it once.
  const seeded = await inTransaction(db, async (tx) => {
    if ((await tx.select({ id: schema.agencies.id }).from(schema.agencies).limit(1)).length > 0) return false;
    const agency = inserted(
      await tx.insert(schema.agencies).values({ name: 'Demo Agency' }).returning({ id: schema.agencies.id }),
    );
    const brand = inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: agency.id, name: 'Demo Brand' })
        .returning({ id: schema.brands.id }),
    );
    const app = inserted(
      await tx
        .insert(schema.apps)
        .values({
          brandId: brand.id,
          name: 'Demo promo app',
          vkAppId: binding.vkAppId,
          okAppKey: binding.okAppKey,
          telegramBotId: binding.telegramBotId,
        })
        .returning({ id: schema.apps.id }),
    );
    const community = inserted(
      await tx
        .insert(schema.communities)
        .values({ brandId: brand.id, vkGroupId: groupId, name: 'Demo Brand community' })
        .returning({ id: schema.communities.id }),
    );
    if (binding.adminVkId !== null) {
      // The brand's own admin holds every brand section (team and leads too), as a claiming community admin would.
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(binding.adminVkId),
        agencyId: agency.id,
        brandId: brand.id,
        role: 'brand_admin',
        sections: [...BRAND_SECTIONS],
      });
    }
    if (binding.agencyOwnerVkId !== null) {
      // Agency-wide (no brand): the owner's role carries every section, so the row lists none.
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(binding.agencyOwnerVkId),
        agencyId: agency.id,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      });
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
    const created = await tx
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
      .returning();
    const bySlug = (slug: string) => created.find((c) => c.slug === slug)?.id as number;
    await seedTasksCampaign(tx, bySlug('summer-tasks'));
    await seedQuizCampaign(tx, bySlug('brand-quiz'));
    await seedWheelCampaign(tx, bySlug('lucky-wheel'));
    await seedDemoFaq(
      tx,
      created.map((c) => c.id),
    );
    // Live, so published: revision 1 as the office's publication writes it, or the office would list live campaigns
    // as never published and the first edit would become revision 1 with nothing to compare it with. Authored by
    // the demo admin; with real VK credentials there is none, and user 0 (no VK user has it) stands for the seed.
    const publisher = { platform: 'vk' as const, userId: String(binding.adminVkId ?? 0) };
    for (const c of created) await writeRevision(tx, c.id, publisher);
    // A past for the statistics page (server/stats/): participants, their funnel events and telemetry.
    await seedDemoHistory(
      tx,
      created
        .filter((c) => c.slug !== 'brand-quiz')
        .map((c) => ({
          id: c.id,
          stages: c.stages,
          screens:
            // The app's own panel ids, as its telemetry records them (the wheel spins on the campaign screen).
            c.mechanic === 'wheel'
              ? ['campaign', 'reward', 'prizes', 'rules']
              : ['campaign', 'rules', 'prizes', 'help'],
        })),
      now,
    );
    return true;
  });
  return { seeded, groupId, binding };
}
