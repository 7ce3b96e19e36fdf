/**
 * @module Promo mechanics as data: a campaign's tasks and rewards, the code pools behind them, and what each
 * participant did and got. Every "once" rule (one completion per task, one grant per reward, one use per code)
 * is a unique index, so the database refuses a second one even if a service forgot to check.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns, type TextTranslations } from './campaign.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export const TASK_KINDS = [
  'join_community',
  'allow_messages',
  'allow_notifications',
  'share_story',
  'visit_link',
  'invite_friends',
  'enter_code',
  'quiz',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** How much the server knows a completion is real. */
export const VERIFICATION_LEVELS = ['server_verified', 'client_confirmed'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

export const TASK_STATUSES = ['started', 'done', 'failed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const tasks = sqliteTable(
  'promo_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** `{ en: { title, description } }` beside the Russian columns (decision 017). */
    translations: text('translations', { mode: 'json' }).$type<TextTranslations>().notNull().default(sql`'{}'`),
    position: integer('position').notNull().default(0),
    /** Kind-specific settings (link, story picture, friends required, entry pool, quiz questions). */
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** Extra wheel attempts a completion earns (wheel campaigns). */
    attemptsGranted: integer('attempts_granted').notNull().default(0),
    /** Set when a published revision dropped the task: kept for the completions that reference it, hidden otherwise. */
    removedAt: integer('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_tasks_campaign_key_idx').on(t.campaignId, t.key)],
);

export const taskCompletions = sqliteTable(
  'promo_task_completions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    status: text('status', { enum: TASK_STATUSES }).notNull(),
    level: text('level', { enum: VERIFICATION_LEVELS }),
    /** Why the last attempt failed (`not_member`, `denied`, `code_used`, ...). */
    failure: text('failure'),
    /** The `key` handed to VKWebAppAllowMessagesFromGroup; comes back in `message_allow`. */
    consentKey: text('consent_key'),
    startedAt: integer('started_at').notNull(),
    doneAt: integer('done_at'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [
    uniqueIndex('promo_task_completions_once_idx').on(t.participantId, t.taskId),
    uniqueIndex('promo_task_completions_key_idx').on(t.consentKey),
  ],
);

export const POOL_PURPOSES = ['reward', 'entry'] as const;

/** Brand-supplied codes: `reward` pools are handed out, `entry` pools are checked when a user types a code. */
export const codePools = sqliteTable(
  'promo_code_pools',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose', { enum: POOL_PURPOSES }).notNull().default('reward'),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(20),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_code_pools_campaign_key_idx').on(t.campaignId, t.key)],
);

export const poolCodes = sqliteTable(
  'promo_pool_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    poolId: integer('pool_id')
      .notNull()
      .references(() => codePools.id),
    code: text('code').notNull(),
    /** The participant it was issued to (reward pool) or who entered it (entry pool). */
    participantId: integer('participant_id').references(() => participants.id),
    usedAt: integer('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('promo_pool_codes_code_idx').on(t.poolId, t.code),
    // Only free codes are indexed: taking one deletes its entry rather than moving it (decision 008).
    index('promo_pool_codes_free_idx').on(t.poolId).where(sql`${t.usedAt} IS NULL`),
  ],
);

/**
 * Something a participant can get. How it unlocks is in `unlock`: `{tasks: N, of?: [taskKey]}` (tasks),
 * `{minScore, maxScore?}` (quiz band) or `{wheel: true}` (a wheel sector whose odds are `weight`).
 */
export const rewards = sqliteTable(
  'promo_rewards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    howToUse: text('how_to_use').notNull().default(''),
    /** `{ en: { title, description, howToUse } }` beside the Russian columns (decision 017). */
    translations: text('translations', { mode: 'json' }).$type<TextTranslations>().notNull().default(sql`'{}'`),
    position: integer('position').notNull().default(0),
    poolId: integer('pool_id').references(() => codePools.id),
    /** Units available in total (null: limited only by the pool, or unlimited). */
    stock: integer('stock'),
    /** Units that may be issued per campaign day (null: no cap). */
    dailyCap: integer('daily_cap'),
    /** Wheel odds weight, relative to the other sectors and the lose weight. */
    weight: integer('weight').notNull().default(0),
    requiresServerVerified: integer('requires_server_verified', { mode: 'boolean' }).notNull().default(false),
    unlock: text('unlock', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** Set when a published revision dropped the reward: grants keep it valid, nobody can get it any more. */
    removedAt: integer('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_rewards_campaign_key_idx').on(t.campaignId, t.key)],
);

export const grants = sqliteTable(
  'promo_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Campaign-local day (YYYY-MM-DD, reset hour applied) for per-day caps. */
    day: text('day').notNull(),
    source: text('source', { enum: ['claim', 'quiz', 'wheel'] }).notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('promo_grants_once_idx').on(t.participantId, t.rewardId),
    uniqueIndex('promo_grants_code_idx').on(t.poolCodeId),
    index('promo_grants_reward_day_idx').on(t.rewardId, t.day),
  ],
);

export const quizResults = sqliteTable('promo_quiz_results', {
  participantId: integer('participant_id')
    .primaryKey()
    .references(() => participants.id),
  answers: text('answers', { mode: 'json' }).$type<Record<string, string[]>>().notNull(),
  score: integer('score').notNull(),
  maxScore: integer('max_score').notNull(),
  band: text('band').notNull(),
  finishedAt: integer('finished_at').notNull(),
});

export const wheelAttempts = sqliteTable(
  'promo_wheel_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    day: text('day').notNull(),
    /** `free` attempts renew daily; `bonus` attempts were earned by tasks and are spent once. */
    kind: text('kind', { enum: ['free', 'bonus'] }).notNull(),
    rewardId: integer('reward_id').references(() => rewards.id),
    /** Why a drawn prize became a loss (`sold_out`, `daily_cap`, `already_won`), or null. */
    lossReason: text('loss_reason'),
    at: integer('at').notNull(),
  },
  (t) => [index('promo_wheel_attempts_participant_day_idx').on(t.participantId, t.day)],
);
