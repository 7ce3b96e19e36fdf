/**
 * @module The campaign document: the editable whole of a campaign as one JSON value, the contract between the office
 * editor and the server. Texts are `{ ru, en }` (the server keeps Russian in the columns and English in
 * `translations.en`, decision 017); tasks, rewards and pools are identified by their keys, never by row ids.
 * Mechanic settings, task configs and reward unlock rules are validated through server/promo/settings.ts, their
 * one home. Shape errors are a 422 with field paths; whether a valid document may be published is a separate
 * question answered by `campaignProblems` (campaign-problems.ts).
 */
import { z } from '@hono/zod-openapi';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_KEY_LENGTH,
  MAX_LOW_STOCK_THRESHOLD,
  MAX_PER_USER_LIMIT,
  MAX_POOL_NAME_LENGTH,
  MAX_POOLS,
  MAX_REWARD_WEIGHT,
  MAX_REWARDS,
  MAX_RULES_LENGTH,
  MAX_STOCK,
  MAX_TASK_ATTEMPTS_GRANTED,
  MAX_TASK_POSITION,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
} from '../../campaigns/content-bounds.ts';
import { CAMPAIGN_STATUSES, LEGAL_TYPES, MECHANICS } from '../../db/schema/campaign.ts';
import { POOL_PURPOSES, TASK_KINDS } from '../../db/schema/promo.ts';
import { visibleText, visibleTextOrEmpty } from '../../http/text-fields.ts';
import { TimeZoneSchema } from '../../iana-time-zone.ts';
import {
  CampaignSettingsSchema,
  HttpsImageSchema,
  RewardUnlockSchema,
  TaskConfigSchemas,
} from '../../promo/settings.ts';
import { UtcMs } from '../../utc-ms.ts';

/**
 * A text in both content languages; an empty string is a missing translation (a warning, not a shape error), text
 * with nothing visible in it is refused (`blank_text`): participants would see an empty title or button.
 */
export const BilingualSchema = (max: number) =>
  z
    .object({ ru: visibleTextOrEmpty(max), en: visibleTextOrEmpty(max) })
    .openapi({ example: { ru: 'Привет', en: 'Hello' } });
export type Bilingual = { ru: string; en: string };

/** Keys of tasks, rewards and pools: they appear in URLs and in other rows' settings (`of`, `poolKey`, `rewardKey`). */
export const DocumentKeySchema = z
  .string()
  .min(1)
  .max(MAX_KEY_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'Latin letters, digits, "-" and "_" only');

export const SlugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case latin letters and digits, words joined by "-"');

export const TaskDocumentSchema = z
  .object({
    key: DocumentKeySchema,
    kind: z.enum(TASK_KINDS),
    title: BilingualSchema(MAX_TITLE_LENGTH),
    description: BilingualSchema(MAX_DESCRIPTION_LENGTH),
    /** Kind-specific settings, checked against the kind's shape in server/promo/settings.ts. */
    config: z.record(z.string(), z.unknown()),
    attemptsGranted: z.number().int().min(0).max(MAX_TASK_ATTEMPTS_GRANTED),
    position: z.number().int().min(-MAX_TASK_POSITION).max(MAX_TASK_POSITION),
  })
  .superRefine((task, ctx) => {
    const parsed = TaskConfigSchemas[task.kind].safeParse(task.config);
    if (parsed.success) return;
    // Each issue as the kind's shape gave it (its code and bounds, so the office can say what is wrong; a key the kind
    // does not have, by name: server/http/field-issues.ts), under `config`.
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['config', ...issue.path] });
  })
  .openapi('CampaignTaskDocument');
export type TaskDocument = z.infer<typeof TaskDocumentSchema>;

export const RewardDocumentSchema = z
  .object({
    key: DocumentKeySchema,
    title: BilingualSchema(MAX_TITLE_LENGTH),
    description: BilingualSchema(MAX_DESCRIPTION_LENGTH),
    howToUse: BilingualSchema(MAX_DESCRIPTION_LENGTH),
    /** The code pool the reward hands codes from (a key of `pools`), or null for a prize without codes. */
    poolKey: DocumentKeySchema.nullable(),
    /** Units in total; null: limited by the pool only (or unlimited when there is no pool). */
    stock: z.number().int().min(0).max(MAX_STOCK).nullable(),
    /** Units per campaign day; null: no cap. */
    dailyCap: z.number().int().min(1).max(MAX_STOCK).nullable(),
    /** Wheel odds weight, relative to the other sectors and the lose weight. */
    weight: z.number().int().min(0).max(MAX_REWARD_WEIGHT),
    /**
     * How many times one participant may win it by plays (wheel, pack codes, calendar); absent: once. A claim or a quiz
     * band is earned once, so more than one there is a validation error (campaign-problems.ts).
     */
    perUserLimit: z.number().int().min(1).max(MAX_PER_USER_LIMIT).optional(),
    requiresServerVerified: z.boolean(),
    unlock: RewardUnlockSchema,
  })
  .openapi('CampaignRewardDocument');
export type RewardDocument = z.infer<typeof RewardDocumentSchema>;

export const PoolDocumentSchema = z
  .object({
    key: DocumentKeySchema,
    name: visibleText(MAX_POOL_NAME_LENGTH),
    purpose: z.enum(POOL_PURPOSES),
    lowStockThreshold: z.number().int().min(0).max(MAX_LOW_STOCK_THRESHOLD),
    /** Read-only: codes loaded and still free (uploads go through the pool routes); ignored when saving. */
    total: z.number().int().min(0).default(0),
    free: z.number().int().min(0).default(0),
    /** Read-only: a beta test's sandbox pool (server/office/beta/), made by the pool routes, never a reward's pool. */
    sandbox: z.boolean().default(false),
  })
  .openapi('CampaignPoolDocument');
export type PoolDocument = z.infer<typeof PoolDocumentSchema>;

export const ThemeSchema = z.object({
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb')
    .optional(),
  coverUrl: HttpsImageSchema.optional(),
});

/** What a template fills in and an editor edits: the document without identity, ownership and lifecycle. */
export const CampaignContentSchema = z.object({
  slug: SlugSchema,
  mechanic: z.enum(MECHANICS),
  legalType: z.enum(LEGAL_TYPES),
  title: BilingualSchema(MAX_TITLE_LENGTH),
  description: BilingualSchema(MAX_DESCRIPTION_LENGTH),
  rulesText: BilingualSchema(MAX_RULES_LENGTH),
  startsAt: UtcMs,
  endsAt: UtcMs,
  timeZone: TimeZoneSchema,
  theme: ThemeSchema,
  settings: CampaignSettingsSchema,
  tasks: z.array(TaskDocumentSchema).max(MAX_TASKS),
  rewards: z.array(RewardDocumentSchema).max(MAX_REWARDS),
  pools: z.array(PoolDocumentSchema).max(MAX_POOLS),
});
export type CampaignContent = z.infer<typeof CampaignContentSchema>;

export const CampaignDocumentSchema = CampaignContentSchema.extend({
  id: z.number().int(),
  brandId: z.number().int(),
  appId: z.number().int(),
  communityId: z.number().int().nullable(),
  /** Read-only: changed through `POST /campaigns/{id}/status` only. */
  status: z.enum(CAMPAIGN_STATUSES),
  /** Read-only: the published revision (0 = never published). */
  revision: z.number().int().min(0),
  /**
   * The saved version this document was read at: a save sends it back unchanged and is refused with 409
   * `edited_meanwhile` when someone saved the campaign since (two editors never silently undo each other).
   */
  editVersion: z.number().int().min(0),
  /** Read-only: the statuses it may move to now (campaign-transitions.ts); the office's buttons follow it. */
  allowedTransitions: z.array(z.enum(CAMPAIGN_STATUSES)).default([]),
}).openapi('CampaignDocument');
export type CampaignDocument = z.infer<typeof CampaignDocumentSchema>;

/** A problem that blocks publishing (`error`) or deserves a look (`warning`); codes are stable, the UI words them. */
export const ProblemSchema = z
  .object({
    path: z.string().openapi({ example: 'rewards.2.stock' }),
    code: z.string().openapi({ example: 'reward_without_stock' }),
    severity: z.enum(['error', 'warning']),
    params: z.record(z.string(), z.unknown()),
  })
  .openapi('CampaignProblem');
export type Problem = z.infer<typeof ProblemSchema>;

export const DocumentWithProblemsSchema = z
  .object({
    document: CampaignDocumentSchema,
    problems: z.array(ProblemSchema),
    launchNow: z.array(ProblemSchema).openapi({
      description:
        'Warnings «Запустить сейчас» says after its question: the prize calendar checked against today (problems ' +
        'check a scheduled campaign against its planned start)',
    }),
  })
  .openapi('CampaignDocumentWithProblems');
export type DocumentWithProblems = z.infer<typeof DocumentWithProblemsSchema>;
