/** @module PostgreSQL mirror of ../schema/promo.ts: tasks, rewards, code pools and what each participant did and got. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TextTranslations } from '../schema/campaign.ts';
import {
  type CalendarGenerationRequest,
  GRANT_SOURCES,
  POOL_PURPOSES,
  TASK_KINDS,
  TASK_STATUSES,
  VERIFICATION_LEVELS,
} from '../schema/promo.ts';
import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export {
  GRANT_SOURCES,
  POOL_PURPOSES,
  TASK_KINDS,
  TASK_STATUSES,
  type TaskKind,
  type TaskStatus,
  VERIFICATION_LEVELS,
  type VerificationLevel,
} from '../schema/promo.ts';

export const tasks = pgTable(
  'promo_tasks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    translations: jsonb('translations').$type<TextTranslations>().notNull().default({}),
    position: integer('position').notNull().default(0),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    attemptsGranted: integer('attempts_granted').notNull().default(0),
    removedAt: unixMs('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_tasks_campaign_key_idx').on(t.campaignId, t.key)],
);

export const taskCompletions = pgTable(
  'promo_task_completions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    status: text('status', { enum: TASK_STATUSES }).notNull(),
    level: text('level', { enum: VERIFICATION_LEVELS }),
    failure: text('failure'),
    consentKey: text('consent_key'),
    startedAt: unixMs('started_at').notNull(),
    doneAt: unixMs('done_at'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('promo_task_completions_once_idx').on(t.participantId, t.taskId),
    uniqueIndex('promo_task_completions_key_idx').on(t.consentKey),
  ],
);

export const codePools = pgTable(
  'promo_code_pools',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose', { enum: POOL_PURPOSES }).notNull().default('reward'),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(20),
    sandbox: boolean('sandbox').notNull().default(false),
    sandboxOf: integer('sandbox_of'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_code_pools_campaign_key_idx').on(t.campaignId, t.key)],
);

export const poolCodes = pgTable(
  'promo_pool_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    poolId: integer('pool_id')
      .notNull()
      .references(() => codePools.id),
    code: text('code').notNull(),
    participantId: integer('participant_id').references(() => participants.id),
    usedAt: unixMs('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('promo_pool_codes_code_idx').on(t.poolId, t.code),
    // Only free codes are indexed, as on SQLite (decision 008); the same predicate is valid PostgreSQL. `id` is a
    // column of the key here because PostgreSQL orders equal keys by row position, not id: without it "the oldest
    // free code" (take-free-code.ts) walked the primary key past every used code, reading each.
    index('promo_pool_codes_free_idx').on(t.poolId, t.id).where(sql`${t.usedAt} IS NULL`),
    // The codes a participant holds (the beta wipe returns a tester's; deleting a participant checks them): only held
    // codes are indexed, so a pool's free codes cost nothing here.
    index('promo_pool_codes_participant_idx').on(t.participantId).where(sql`${t.participantId} IS NOT NULL`),
  ],
);

export const rewards = pgTable(
  'promo_rewards',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    howToUse: text('how_to_use').notNull().default(''),
    translations: jsonb('translations').$type<TextTranslations>().notNull().default({}),
    position: integer('position').notNull().default(0),
    poolId: integer('pool_id').references(() => codePools.id),
    stock: integer('stock'),
    dailyCap: integer('daily_cap'),
    weight: integer('weight').notNull().default(0),
    perUserLimit: integer('per_user_limit').notNull().default(1),
    requiresServerVerified: boolean('requires_server_verified').notNull().default(false),
    unlock: jsonb('unlock').$type<Record<string, unknown>>().notNull().default({}),
    removedAt: unixMs('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_rewards_campaign_key_idx').on(t.campaignId, t.key)],
);

export const grants = pgTable(
  'promo_grants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => rewards.id),
    poolCodeId: integer('pool_code_id').references(() => poolCodes.id),
    code: text('code'),
    day: text('day').notNull(),
    source: text('source', { enum: GRANT_SOURCES }).notNull(),
    issuedAt: unixMs('issued_at').notNull(),
    nth: integer('nth').notNull().default(1),
  },
  (t) => [
    uniqueIndex('promo_grants_nth_idx').on(t.participantId, t.rewardId, t.nth),
    uniqueIndex('promo_grants_code_idx').on(t.poolCodeId),
    index('promo_grants_reward_day_idx').on(t.rewardId, t.day),
  ],
);

export const quizResults = pgTable('promo_quiz_results', {
  participantId: integer('participant_id')
    .primaryKey()
    .references(() => participants.id),
  answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
  score: integer('score').notNull(),
  maxScore: integer('max_score').notNull(),
  band: text('band').notNull(),
  finishedAt: unixMs('finished_at').notNull(),
});

export const wheelAttempts = pgTable(
  'promo_wheel_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    day: text('day').notNull(),
    kind: text('kind', { enum: ['free', 'bonus'] }).notNull(),
    rewardId: integer('reward_id').references(() => rewards.id),
    lossReason: text('loss_reason'),
    at: unixMs('at').notNull(),
  },
  (t) => [index('promo_wheel_attempts_participant_day_idx').on(t.participantId, t.day)],
);

/** Mirror of ../schema/promo.ts `prizeMoments`: the prize calendar's winning moments. */
export const prizeMoments = pgTable(
  'prize_moments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => rewards.id),
    at: unixMs('at').notNull(),
    wonBy: integer('won_by').references(() => participants.id),
    wonAt: unixMs('won_at'),
    grantId: integer('grant_id').references(() => grants.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('prize_moments_campaign_at_idx').on(t.campaignId, t.at),
    index('prize_moments_unwon_idx').on(t.campaignId, t.rewardId, t.at).where(sql`${t.wonBy} IS NULL`),
    // Deleting a grant (the beta wipe) checks the moments pointing at it, and the wipe frees a tester's moments by
    // `won_by`: without these both are a scan of every moment.
    index('prize_moments_grant_idx').on(t.grantId),
    index('prize_moments_won_by_idx').on(t.wonBy),
  ],
);

/** Mirror of ../schema/promo.ts `codePlays`: one pack-code play per entry code. */
export const codePlays = pgTable(
  'promo_code_plays',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    poolCodeId: integer('pool_code_id')
      .notNull()
      .references(() => poolCodes.id),
    rewardId: integer('reward_id').references(() => rewards.id),
    grantId: integer('grant_id').references(() => grants.id),
    at: unixMs('at').notNull(),
  },
  (t) => [
    uniqueIndex('promo_code_plays_code_idx').on(t.poolCodeId),
    index('promo_code_plays_participant_idx').on(t.participantId),
    // Deleting a grant checks the plays pointing at it (a foreign key): an index, not a scan of every play.
    index('promo_code_plays_grant_idx').on(t.grantId),
  ],
);

/**
 * A generation of the prize calendar's moments that the office sent with its key (server/promo/calendar/
 * generation-keys.ts): what was asked and what was answered, so a double click or a retry after a lost answer is
 * answered again instead of drawing the moments twice. Unique per campaign and key.
 */
export const calendarGenerations = pgTable(
  'calendar_generations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    clientKey: text('client_key').notNull(),
    /** The request as sent, without its key: mode, rewards and the window asked for. */
    request: jsonb('request').$type<CalendarGenerationRequest>().notNull(),
    /** The answer: moments drawn and the window they were drawn over (UTC ms). */
    created: integer('created').notNull(),
    fromAt: unixMs('from_at').notNull(),
    toAt: unixMs('to_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_generations_client_key_idx').on(t.campaignId, t.clientKey)],
);
