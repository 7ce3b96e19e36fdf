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
    /** Answers scored so far (quiz tasks), against the task's `maxAttempts` (decision 073). */
    attempts: integer('attempts').notNull().default(0),
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
    /** A beta-test pool: only testers take from it, in place of the pool `sandboxOf` (server/office/beta/). */
    sandbox: integer('sandbox', { mode: 'boolean' }).notNull().default(false),
    /** For a sandbox pool, the real pool whose rewards it stands in for during the beta test. */
    sandboxOf: integer('sandbox_of'),
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
    // Only free codes are indexed: taking one deletes its entry rather than moving it (decision 008). SQLite appends
    // the rowid (`id`) to every index anyway; naming it keeps the PostgreSQL mirror's order (oldest free first) the same.
    index('promo_pool_codes_free_idx').on(t.poolId, t.id).where(sql`${t.usedAt} IS NULL`),
    // The codes a participant holds (the beta wipe returns a tester's; deleting a participant checks them): only held
    // codes are indexed, so a pool's free codes cost nothing here.
    index('promo_pool_codes_participant_idx').on(t.participantId).where(sql`${t.participantId} IS NOT NULL`),
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
    /**
     * How many times one participant may win it by plays (wheel spins, pack codes, calendar moments). A claim or a quiz
     * band is earned once by one condition, so those give one whatever this says.
     */
    perUserLimit: integer('per_user_limit').notNull().default(1),
    requiresServerVerified: integer('requires_server_verified', { mode: 'boolean' }).notNull().default(false),
    unlock: text('unlock', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** Set when a published revision dropped the reward: grants keep it valid, nobody can get it any more. */
    removedAt: integer('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_rewards_campaign_key_idx').on(t.campaignId, t.key)],
);

/** What issued a grant: a claim, the quiz, a wheel spin or a pack-code play. */
export const GRANT_SOURCES = ['claim', 'quiz', 'wheel', 'code'] as const;
export type GrantSource = (typeof GRANT_SOURCES)[number];

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
    source: text('source', { enum: GRANT_SOURCES }).notNull(),
    issuedAt: integer('issued_at').notNull(),
    /**
     * Which of this participant's grants of the reward it is, 1…`perUserLimit`: unique with them, so two plays at once
     * can never both take the same place, and a participant never holds more than the limit.
     */
    nth: integer('nth').notNull().default(1),
  },
  (t) => [
    uniqueIndex('promo_grants_nth_idx').on(t.participantId, t.rewardId, t.nth),
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

/**
 * The prize calendar (server/promo/calendar/): a winning moment of an instant-win reward. The first eligible play at or
 * after `at` takes the oldest unwon moment that has come; `wonBy` is set by one conditional UPDATE, so a moment is won
 * once. Moments nobody could take (stock, caps) stay unwon and roll forward to later plays.
 */
export const prizeMoments = sqliteTable(
  'prize_moments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => rewards.id),
    at: integer('at').notNull(),
    wonBy: integer('won_by').references(() => participants.id),
    wonAt: integer('won_at'),
    grantId: integer('grant_id').references(() => grants.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('prize_moments_campaign_at_idx').on(t.campaignId, t.at),
    // Plays look only at unwon moments; the partial index keeps that a short range scan however many were won.
    index('prize_moments_unwon_idx').on(t.campaignId, t.rewardId, t.at).where(sql`${t.wonBy} IS NULL`),
    // Deleting a grant (the beta wipe) checks the moments pointing at it, and the wipe frees a tester's moments by
    // `won_by`: without these both are a scan of every moment.
    index('prize_moments_grant_idx').on(t.grantId),
    index('prize_moments_won_by_idx').on(t.wonBy),
  ],
);

/**
 * One play of the pack-code mechanic (server/promo/codes/): the entry code it spent (unique, so a code is played once
 * ever) and what it won. A retry of the same code by the same participant reads this row back.
 */
export const codePlays = sqliteTable(
  'promo_code_plays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    at: integer('at').notNull(),
  },
  (t) => [
    uniqueIndex('promo_code_plays_code_idx').on(t.poolCodeId),
    index('promo_code_plays_participant_idx').on(t.participantId),
    // Deleting a grant checks the plays pointing at it (a foreign key): an index, not a scan of every play.
    index('promo_code_plays_grant_idx').on(t.grantId),
  ],
);

/** A calendar generation's request as stored (its mode is one of server/promo/calendar/moment-slots.ts's). */
export interface CalendarGenerationRequest {
  mode: string;
  rewards: { rewardKey: string; count: number }[];
  from?: number;
  to?: number;
}

/**
 * A generation of the prize calendar's moments that the office sent with its key (server/promo/calendar/
 * generation-keys.ts): what was asked and what was answered, so a double click or a retry after a lost answer is
 * answered again instead of drawing the moments twice. Unique per campaign and key.
 */
export const calendarGenerations = sqliteTable(
  'calendar_generations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    clientKey: text('client_key').notNull(),
    /** The request as sent, without its key: mode, rewards and the window asked for. */
    request: text('request', { mode: 'json' }).$type<CalendarGenerationRequest>().notNull(),
    /** The answer: moments drawn and the window they were drawn over (UTC ms). */
    created: integer('created').notNull(),
    fromAt: integer('from_at').notNull(),
    toAt: integer('to_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_generations_client_key_idx').on(t.campaignId, t.clientKey)],
);
