/** @module The promo API's OpenAPI shapes: the contract the mini-app screens are built against. */
import { z } from '@hono/zod-openapi';
import { CampaignSchema } from '../campaigns/campaign.routes.ts';
import { GRANT_SOURCES, TASK_KINDS, VERIFICATION_LEVELS } from '../db/schema/promo.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody } from '../http/schemas.ts';

export const CampaignParams = z.object({ id: RowIdParam });
const keyParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const TaskParams = CampaignParams.extend({ taskKey: keyParam.openapi({ example: 'join' }) });
export const RewardParams = CampaignParams.extend({ rewardKey: keyParam.openapi({ example: 'discount15' }) });

export const GrantSchema = z
  .object({
    rewardKey: z.string(),
    title: z.string(),
    description: z.string(),
    howToUse: z.string(),
    code: z.string().nullable().openapi({ description: 'The promo code, when the reward carries one' }),
    source: z.enum(GRANT_SOURCES),
    issuedAt: z.number().int(),
  })
  .openapi('Grant');

export const TaskSchema = z
  .object({
    key: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    description: z.string(),
    state: z.enum(['todo', 'in_progress', 'done', 'failed', 'unavailable']),
    verification: z.enum(VERIFICATION_LEVELS).openapi({ description: 'Level a completion of this kind reaches' }),
    level: z.enum(VERIFICATION_LEVELS).nullable(),
    failure: z.string().nullable().openapi({
      description:
        'not_member, not_allowed, denied, failed, unsupported, not_started, code_unknown, code_used, score_too_low, check_unavailable',
    }),
    attemptsGranted: z.number().int(),
    action: z.record(z.string(), z.unknown()).openapi({
      description:
        'What the client needs: groupId (join/allow), key (allow_messages, after start), imageUrl/link (story), url (visit), referralCode/shareLink (absent where the platform app address is not configured)/friendsRequired/friendsJoined (invite), questions/passScore/maxAttempts/attemptsLeft (quiz: attempts counted on the server, decision 073)',
    }),
  })
  .openapi('Task');

export const RewardSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    description: z.string(),
    howToUse: z.string(),
    requirement: z.object({
      kind: z.enum(['tasks', 'quiz', 'wheel', 'code']),
      tasksRequired: z.number().int().optional(),
      tasksDone: z.number().int().optional(),
      serverVerifiedOnly: z.boolean(),
      met: z.boolean(),
      notOnPlatform: z.literal(true).optional(),
    }),
    soldOut: z.boolean(),
    hasCode: z.boolean(),
    grant: GrantSchema.nullable(),
  })
  .openapi('Reward');

export const QuizResultSchema = z
  .object({
    score: z.number().int(),
    maxScore: z.number().int(),
    band: z.object({ key: z.string(), title: z.string(), text: z.string() }),
    correct: z.record(z.string(), z.boolean()),
    reward: GrantSchema.nullable(),
    rewardStatus: z.enum(['issued', 'sold_out', 'daily_cap', 'none']),
    finishedAt: z.number().int(),
  })
  .openapi('QuizResult');

export const SectorSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    rewardKey: z.string().nullable(),
    weight: z.number().int(),
    odds: z.number(),
  })
  .openapi('WheelSector');

export const AttemptsSchema = z
  .object({
    day: z.string(),
    usedToday: z.number().int(),
    dailyLimit: z.number().int(),
    freeLeftToday: z.number().int(),
    bonusEarned: z.number().int(),
    bonusLeft: z.number().int(),
    availableNow: z.number().int(),
    next: z.enum(['free', 'bonus', 'daily_limit', 'none_left']),
    nextResetAt: z.number().int(),
  })
  .openapi('WheelAttempts');

export const StateSchema = z
  .object({
    campaign: CampaignSchema,
    participant: z
      .object({
        stage: z.string(),
        joinedAt: z.number().int(),
        referralCode: z.string(),
        shareLink: z.string().nullable().openapi({
          description: "The invitation link into this platform's app; null where its address is not configured",
        }),
      })
      .nullable(),
    tasks: z.array(TaskSchema).openapi({
      description:
        "The tasks on offer that can be done on the caller's platform (VK-only kinds are not listed on OK or Telegram)",
    }),
    tasksNotHere: z.number().int().openapi({
      description: "Tasks of the campaign that cannot be done on the caller's platform and so are not listed",
    }),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    rewards: z.array(RewardSchema),
    quiz: z
      .object({
        questions: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            imageUrl: z.string().optional(),
            multiple: z.boolean(),
            options: z.array(z.object({ id: z.string(), text: z.string() })),
          }),
        ),
        bands: z.array(
          z.object({
            key: z.string(),
            minScore: z.number().int(),
            title: z.string(),
            rewardKey: z.string().nullable().openapi({ description: 'The reward this band earns, if any' }),
          }),
        ),
        result: QuizResultSchema.nullable(),
      })
      .nullable(),
    wheel: z
      .object({
        sectors: z.array(SectorSchema).openapi({ description: "This user's wheel: only prizes they can still win" }),
        excluded: z
          .array(
            z.object({ key: z.string(), label: z.string(), reason: z.enum(['already_won', 'sold_out', 'daily_cap']) }),
          )
          .openapi({ description: 'Prizes taken off this wheel, and why (their odds went to the remaining sectors)' }),
        resetHour: z.number().int(),
        decidedBy: z.enum(['odds', 'calendar']).openapi({
          description: 'What decides a spin: the sectors’ odds, or the prize calendar (then the odds promise nothing)',
        }),
        attempts: AttemptsSchema.nullable(),
        nextFreeAt: z.number().int().nullable().openapi({
          description: "When the next day's free attempts arrive (ms); null when none will before the campaign ends",
        }),
      })
      .nullable(),
    hasOffers: z.boolean().openapi({
      description:
        'Whether an offer of its catalogue is live today (the screen then links to `#/campaign/{id}/offers`)',
    }),
  })
  .openapi('CampaignState');

export { json, jsonBody };

/** Errors every participant action can answer with. */
export const actionErrors = {
  ...authErrors,
  404: errorResponse('No such campaign (for this app), task or reward'),
  409: errorResponse(
    'Refused by a rule: campaign_not_started | campaign_paused | campaign_ended | not_joined | task_unavailable | not_eligible | sold_out | daily_cap_reached | daily_limit | no_attempts | quiz_attempts_used | wrong_mechanic',
  ),
  422: errorResponse('Invalid input (issues name the field)'),
  429: errorResponse('rate_limited: too many requests from this user; see Retry-After'),
} as const;
