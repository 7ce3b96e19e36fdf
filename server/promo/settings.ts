/**
 * @module Mechanics as configuration: the zod shapes of a campaign's `settings`, a task's `config` and a reward's
 * `unlock`. Stored JSON is parsed here, so services work with typed values: a save with the shapes a brand member
 * writes now (`CampaignSettingsSchema`, `TaskConfigSchemas`), a read with what any earlier release may have stored
 * (`parseCampaignSettings`, `parseTaskConfig`; decision 055).
 */
import { z } from 'zod';
import {
  MAX_DAILY_ATTEMPTS,
  MAX_DRAW_RESERVES,
  MAX_DRAW_WINNERS,
  MAX_FRIENDS_REQUIRED,
  MAX_KEY_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_LINK_LENGTH,
  MAX_REWARD_WEIGHT,
  MAX_SETTINGS_TEXT_LENGTH,
  MAX_TASKS,
} from '../campaigns/content-bounds.ts';
import { READING, type SettingsRules, WRITING } from '../campaigns/settings-rules.ts';
import type { TaskKind } from '../db/schema/promo.ts';
import { faqShape } from '../support/faq.ts';
import { UtcMs } from '../utc-ms.ts';
import { MAX_RESET_HOUR } from './campaign-day.ts';
import {
  DEFAULT_QUIZ_TASK_ATTEMPTS,
  MAX_OPTION_ID_LENGTH,
  MAX_QUESTION_POINTS,
  MAX_QUIZ_OPTIONS,
  MAX_QUIZ_QUESTIONS,
  MAX_QUIZ_SCORE,
  MAX_QUIZ_TASK_ATTEMPTS,
  MAX_SCORE_BANDS,
} from './quiz/quiz-bounds.ts';

/** A question's id, as a submission's answers are keyed. */
const QuizQuestionId = z.string().min(1).max(40);

/**
 * How instant-win plays (wheel spins, pack codes) decide a win: `odds` draws on the prize weights at each play;
 * `calendar` wins exactly at the prize calendar's moments (server/promo/calendar/), the first eligible play at or
 * after a moment taking its prize, so wins spread over the campaign instead of going to the first hour.
 */
export const InstantWinSettingsSchema = instantWinShape(WRITING);
function instantWinShape(rules: SettingsRules) {
  return rules.fields({ mode: z.enum(['odds', 'calendar']).default('odds') });
}
export type InstantWinSettings = z.infer<typeof InstantWinSettingsSchema>;

/**
 * The settings shapes under one set of rules: as a brand member writes them, or as stored (settings-rules.ts). Every
 * text, key, list and number a brand writes has its bound when writing (`rules.capped`, `rules.text(max)`; the values
 * in content-bounds.ts and quiz-bounds.ts, which the office's preview reads too).
 */
function settingsShapes(rules: SettingsRules) {
  /** A key naming a task, prize, pool or band of the campaign. */
  const key = () => rules.capped(z.string(), MAX_KEY_LENGTH);
  /** An odds weight, as a prize's is bounded (campaign-document.ts). */
  const weight = () => rules.capped(z.number().int().min(0), MAX_REWARD_WEIGHT);
  /** A quiz's score: a question's points summed. */
  const score = () => rules.capped(z.number().int().min(0), MAX_QUIZ_SCORE);
  /** The pack-code mechanic (server/promo/codes/): which entry pool holds the printed codes, and the odds of losing. */
  const PackCodeSettingsSchema = rules.fields({
    /** Key of the campaign's `entry` code pool; each of its codes is one play, once ever. */
    poolKey: key().min(1),
    /** Odds weight of losing in `odds` mode, relative to the prizes' weights. */
    loseWeight: weight().default(1),
  });
  const QuizQuestionSchema = rules.fields({
    id: QuizQuestionId,
    text: rules.text(MAX_SETTINGS_TEXT_LENGTH),
    /** A picture the participant's page shows itself: https only, as the campaign's cover (HttpsImageSchema). */
    imageUrl: rules.safeLink(HttpsImageSchema).optional(),
    multiple: z.boolean().default(false),
    /** At most 20 when saved (quiz-bounds.ts); an answer names at most as many as the stored question has. */
    options: rules.capped(
      z
        .array(rules.fields({ id: z.string().min(1).max(MAX_OPTION_ID_LENGTH), text: rules.text(MAX_LABEL_LENGTH) }))
        .min(2),
      MAX_QUIZ_OPTIONS,
    ),
    /** Option ids that are right; a question scores `points` only when the chosen set equals this set. */
    correct: rules.capped(z.array(rules.capped(z.string(), MAX_OPTION_ID_LENGTH)).min(1), MAX_QUIZ_OPTIONS),
    points: rules.capped(z.number().int().min(0), MAX_QUESTION_POINTS).default(1),
  });
  const ScoreBandSchema = rules.fields({
    key: key().min(1),
    minScore: score(),
    title: rules.text(MAX_LABEL_LENGTH),
    text: rules.textOrEmpty(MAX_SETTINGS_TEXT_LENGTH).default(''),
    /** Reward issued to participants whose score lands in this band. */
    rewardKey: key().optional(),
  });
  const QuizSettingsSchema = rules.fields({
    questions: rules.capped(z.array(QuizQuestionSchema).min(1), MAX_QUIZ_QUESTIONS),
    bands: rules.capped(z.array(ScoreBandSchema).min(1), MAX_SCORE_BANDS),
  });
  const dailyAttempts = (min: number) => rules.capped(z.number().int().min(min), MAX_DAILY_ATTEMPTS);
  const WheelSettingsSchema = rules.fields({
    /** Free attempts every campaign day. */
    dailyFreeAttempts: dailyAttempts(0).default(1),
    /** At most this many attempts (free + bonus) per campaign day. */
    dailyAttemptLimit: dailyAttempts(1).default(3),
    /** Local hour (campaign time zone) at which the day's counters reset. */
    resetHour: z.number().int().min(0).max(MAX_RESET_HOUR).default(0),
    /** Odds weight of the lose sector, relative to prize weights. */
    loseWeight: weight().default(1),
    loseLabel: rules.blankIsAbsent(rules.textOrEmpty(MAX_LABEL_LENGTH).default({ ru: 'Не повезло', en: 'No luck' })),
  });
  /**
   * A giveaway's draw (server/promo/draw/): `winners` then `reserves` picked at or after `drawAt` among the participants
   * who completed every task in `requiredTaskKeys` (server-verified where the kind allows) by `drawAt`.
   */
  const DrawSettingsSchema = rules.fields({
    winners: z.number().int().min(1).max(MAX_DRAW_WINNERS),
    reserves: z.number().int().min(0).max(MAX_DRAW_RESERVES).default(0),
    drawAt: UtcMs.positive(),
    requiredTaskKeys: rules.capped(z.array(key().min(1)).min(1), MAX_TASKS),
    /** What each winner gets, for the rules' prize fund (a draw's prize is handed over, not claimed in the app). */
    prize: rules.blankIsAbsent(rules.textOrEmpty(MAX_SETTINGS_TEXT_LENGTH).optional()),
  });
  const CampaignSettingsSchema = rules.fields({
    quiz: QuizSettingsSchema.optional(),
    wheel: WheelSettingsSchema.optional(),
    packCode: PackCodeSettingsSchema.optional(),
    /** Odds or prize calendar for the wheel and the pack-code mechanic (odds when absent). */
    instantWin: instantWinShape(rules).optional(),
    /** Who runs the promotion, for the rules (the brand's name when absent). */
    organizer: rules.blankIsAbsent(rules.textOrEmpty(MAX_SETTINGS_TEXT_LENGTH).optional()),
    /** Day boundary for per-day prize caps outside the wheel. */
    resetHour: z.number().int().min(0).max(MAX_RESET_HOUR).optional(),
    /** Help questions for the mini app's help screen (server/support/faq.ts). */
    faq: faqShape(rules).optional(),
    /** A giveaway's draw (legal type `giveaway`, mechanic `tasks`). */
    draw: DrawSettingsSchema.optional(),
  });
  /** Per-kind task configuration. */
  const TaskConfigSchemas = {
    join_community: rules.fields({ groupId: z.number().int().positive().optional() }),
    allow_messages: rules.fields({ groupId: z.number().int().positive().optional() }),
    allow_notifications: rules.fields({}),
    share_story: rules.fields({
      imageUrl: rules.safeLink(WebLinkSchema),
      link: rules.safeLink(WebLinkSchema),
      linkText: rules.blankIsAbsent(rules.plainOrEmpty(MAX_LABEL_LENGTH).optional()),
    }),
    visit_link: rules.fields({ url: rules.safeLink(WebLinkSchema) }),
    invite_friends: rules.fields({
      friendsRequired: rules.capped(z.number().int().min(1), MAX_FRIENDS_REQUIRED).default(1),
    }),
    enter_code: rules.fields({ poolKey: key() }),
    quiz: rules.fields({
      questions: rules.capped(z.array(QuizQuestionSchema).min(1), MAX_QUIZ_QUESTIONS),
      passScore: score(),
      /** Scored answers one participant gets (decision 073); a task stored without it has the default. */
      maxAttempts: z.number().int().min(1).max(MAX_QUIZ_TASK_ATTEMPTS).default(DEFAULT_QUIZ_TASK_ATTEMPTS),
    }),
  } satisfies Record<TaskKind, z.ZodType>;
  const RewardUnlockSchema = z.union([
    z.object({
      tasks: z.union([rules.capped(z.number().int().min(0), MAX_TASKS), z.literal('all')]),
      of: rules.capped(z.array(key()), MAX_TASKS).optional(),
    }),
    /** Issued by the quiz to the score band naming this reward. */
    z.object({ quiz: z.literal(true) }),
    z.object({ wheel: z.literal(true) }),
    /** A prize of the pack-code mechanic: won by a play (odds `weight`, or the prize calendar). */
    z.object({ code: z.literal(true) }),
  ]);
  return {
    PackCodeSettingsSchema,
    RewardUnlockSchema,
    QuizQuestionSchema,
    ScoreBandSchema,
    QuizSettingsSchema,
    WheelSettingsSchema,
    DrawSettingsSchema,
    CampaignSettingsSchema,
    TaskConfigSchemas,
  };
}

/**
 * A web address a participant's tap opens or the client fetches: http(s) only. A brand member types it, and a
 * `javascript:` or `data:` link opened from the participant's page would run script in it.
 */
export const WebLinkSchema = z
  .url({ protocol: /^https?$/, error: 'An http:// or https:// address' })
  .max(MAX_LINK_LENGTH);

/** An image the participant's page shows itself (a campaign's cover): https only, as its CSP and VK's https frame allow. */
export const HttpsImageSchema = z.url({ protocol: /^https$/, error: 'An https:// image address' }).max(MAX_LINK_LENGTH);

/** The shapes a brand member's save is checked with (the campaign document, the office's 422s). */
export const {
  PackCodeSettingsSchema,
  RewardUnlockSchema,
  QuizQuestionSchema,
  ScoreBandSchema,
  QuizSettingsSchema,
  WheelSettingsSchema,
  DrawSettingsSchema,
  CampaignSettingsSchema,
  TaskConfigSchemas,
} = settingsShapes(WRITING);
export type PackCodeSettings = z.infer<typeof PackCodeSettingsSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
export type ScoreBand = z.infer<typeof ScoreBandSchema>;
export type QuizSettings = z.infer<typeof QuizSettingsSchema>;
export type WheelSettings = z.infer<typeof WheelSettingsSchema>;
export type DrawSettings = z.infer<typeof DrawSettingsSchema>;
export type CampaignSettings = z.infer<typeof CampaignSettingsSchema>;
export type TaskConfig<K extends TaskKind> = z.infer<(typeof TaskConfigSchemas)[K]>;

/** The shapes stored JSON is read with: what any earlier release may have written (decision 055). */
const stored = settingsShapes(READING);

/** A campaign's stored settings. */
export function parseCampaignSettings(raw: unknown): CampaignSettings {
  return stored.CampaignSettingsSchema.parse(raw ?? {});
}

/** A task's stored configuration. */
export function parseTaskConfig<K extends TaskKind>(kind: K, raw: unknown): TaskConfig<K> {
  return stored.TaskConfigSchemas[kind].parse(raw ?? {}) as TaskConfig<K>;
}

/**
 * Stored JSON as the office edits it: every value as stored (a link the web-address rule refuses stays, for the save
 * to name, decision 055), a key the written shape does not have left out at any depth (a task's config, a quiz
 * question, an answer option, the campaign's settings), so an earlier release's stray key neither blocks the next
 * save nor is kept by it. The keys left out are those a save refuses (`rules.fields`), found by that shape itself.
 */
function withoutUnknownKeys(written: z.ZodType, raw: unknown): unknown {
  const parsed = written.safeParse(raw);
  if (parsed.success) return raw;
  const copy = structuredClone(raw);
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const at = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], copy);
    for (const key of issue.keys) delete (at as Record<string, unknown>)[key];
  }
  return copy;
}

/** A stored task configuration as the office edits it (`withoutUnknownKeys`). */
export function knownTaskConfig(kind: TaskKind, raw: Record<string, unknown>): Record<string, unknown> {
  return withoutUnknownKeys(TaskConfigSchemas[kind], raw ?? {}) as Record<string, unknown>;
}

/** A campaign's stored settings as the office edits them (`withoutUnknownKeys`). */
export function knownCampaignSettings(raw: unknown): Record<string, unknown> {
  return withoutUnknownKeys(CampaignSettingsSchema, raw ?? {}) as Record<string, unknown>;
}

/**
 * A stored reward's unlock rule (the services' read): a prize an earlier release saved counting more tasks, or naming
 * longer keys, than a save takes now still unlocks as stored (decision 055).
 */
export const StoredRewardUnlockSchema = stored.RewardUnlockSchema;
export type RewardUnlock = z.infer<typeof RewardUnlockSchema>;
