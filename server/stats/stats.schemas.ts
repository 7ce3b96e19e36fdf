/**
 * @module The statistics dashboard's API contract (section `stats`): the query every measure takes and the response
 * of each measure. One route per measure and scope — `/api/admin/stats/campaigns/{id}/<measure>` and
 * `/api/admin/stats/brands/{brandId}/<measure>` — each answering JSON or, with `format=csv`, the same numbers as CSV.
 *
 * Days are local dates (`YYYY-MM-DD`) in the scope's time zone: the campaign's, or for a brand the time zone of its
 * most recently started campaign, unless `timeZone` is given. `from` and `to` are both inclusive days.
 */
import { z } from '@hono/zod-openapi';
import { RowIdParam } from '../http/row-id.ts';
import { TimeZoneSchema } from '../iana-time-zone.ts';

export const STATS_MEASURES = [
  'summary',
  'funnel',
  'activity',
  'sessions',
  'retention',
  'drop-off-screens',
  'errors',
  'rewards',
  'mailings',
] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];

/** Sessions split after this much inactivity (the usual web-analytics rule). */
export const SESSION_GAP_MS = 30 * 60_000;

/**
 * A day the calendar has, as `YYYY-MM-DD`. zod's ISO date checks the day against its month (leap years too): the
 * `Date.parse` check it replaces let `2026-02-30` through, and the range then silently began on 2 March.
 */
const Day = z.iso.date('Not a calendar date as YYYY-MM-DD (e.g. 2026-02-28)');

/**
 * The platform filter of every statistics answer: only participants of this platform. One schema for the statistics
 * routes and the funnel report the statistics page opens from its funnel (server/funnel/funnel.routes.ts).
 */
export const StatsPlatformParam = z
  .enum(['vk', 'ok', 'telegram'])
  .openapi({ description: 'Only participants of this platform' });

export const StatsQuerySchema = z.object({
  from: Day.optional().openapi({
    description: 'First day, inclusive (default: 29 days before `to`)',
    example: '2026-06-01',
  }),
  to: Day.optional().openapi({
    description: 'Last day, inclusive (default: today in the time zone)',
    example: '2026-06-30',
  }),
  platform: StatsPlatformParam.optional(),
  timeZone: TimeZoneSchema.optional().openapi({
    description: "Default: the campaign's (brand: its latest campaign's)",
    example: 'Europe/Moscow',
  }),
  format: z.enum(['json', 'csv']).default('json'),
  lang: z
    .enum(['ru', 'en'])
    .optional()
    .openapi({ description: "Language of a CSV's headers (default: the member's launch language)" }),
});
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

export const CampaignScopeParam = z.object({ id: RowIdParam });
export const BrandScopeParam = z.object({ brandId: RowIdParam });

export const StatsRangeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    /** The range as UTC ms: [fromMs, toMs). */
    fromMs: z.number().int(),
    toMs: z.number().int(),
    days: z.number().int(),
  })
  .openapi('StatsRange');
export type StatsRange = z.infer<typeof StatsRangeSchema>;

const Header = {
  scope: z.object({ kind: z.enum(['campaign', 'brand']), id: z.number().int() }),
  range: StatsRangeSchema,
  platform: StatsPlatformParam.nullable(),
};

/** A rate 0–1, four decimals. */
const Rate = z.number().min(0).max(1);

export const SUMMARY_KPIS = [
  'new_participants',
  'active_users',
  'sessions',
  'sessions_per_user',
  'median_session_ms',
  'screen_views',
  'error_rate',
  'rewards_issued',
] as const;

export const SummarySchema = z
  .object({
    ...Header,
    /** The period of the same length just before `range`. */
    previousRange: StatsRangeSchema,
    kpis: z.array(
      z.object({
        key: z.enum(SUMMARY_KPIS),
        current: z.number().nullable(),
        previous: z.number().nullable(),
        /** (current − previous) / previous × 100, two decimals; null when previous is 0 or null. */
        changePct: z.number().nullable(),
      }),
    ),
  })
  .openapi('StatsSummary');

export const FunnelStageSchema = z.object({
  stage: z.string(),
  count: z.number().int(),
  pctOfFirst: z.number(),
  pctOfPrevious: z.number(),
  dropOff: z.number().int(),
  medianMsFromPrevious: z.number().nullable(),
  meanMsFromPrevious: z.number().nullable(),
});
export const StatsFunnelSchema = z
  .object({
    ...Header,
    windowMs: z.number().int(),
    funnels: z.array(
      z.object({
        campaignId: z.number().int(),
        title: z.string(),
        stages: z.array(FunnelStageSchema),
        /** The titles of the tasks its `task:<key>` stages name, keyed by task key (server/funnel/stage-task-titles.ts). */
        taskTitles: z.record(z.string(), z.string()),
      }),
    ),
  })
  .openapi('StatsFunnel');

export const ActivitySchema = z
  .object({
    ...Header,
    days: z.array(z.object({ day: z.string(), activeUsers: z.number().int(), newParticipants: z.number().int() })),
    totals: z.object({ activeUsers: z.number().int(), newParticipants: z.number().int() }),
  })
  .openapi('StatsActivity');

const Bucket = z.object({ label: z.string(), count: z.number().int() });
export const SessionsSchema = z
  .object({
    ...Header,
    gapMs: z.number().int(),
    sessions: z.number().int(),
    users: z.number().int(),
    sessionsPerUser: z.object({ mean: z.number().nullable(), median: z.number().nullable() }),
    lengthMs: z.object({ mean: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable() }),
    /** Sessions by length: `<10s`, `10s-1m`, `1-3m`, `3-10m`, `10-30m`, `30m+`. */
    lengthBuckets: z.array(Bucket),
    /** Users by their number of sessions: `1`, `2`, `3-5`, `6-10`, `11+`. */
    perUserBuckets: z.array(Bucket),
    days: z.array(z.object({ day: z.string(), sessions: z.number().int(), medianLengthMs: z.number().nullable() })),
  })
  .openapi('StatsSessions');

const Retained = z.object({ users: z.number().int(), rate: Rate }).nullable();
export const RetentionSchema = z
  .object({
    ...Header,
    /** Cohort = participants whose first day is `day`; Dn = active on exactly the n-th day after; null = not yet known. */
    cohorts: z.array(z.object({ day: z.string(), size: z.number().int(), d1: Retained, d7: Retained, d30: Retained })),
    /** Over the cohorts whose Dn is known, weighted by size. */
    overall: z.object({ d1: Retained, d7: Retained, d30: Retained }),
  })
  .openapi('StatsRetention');

export const DropOffScreensSchema = z
  .object({
    ...Header,
    sessions: z.number().int(),
    /** The last screen viewed in each session, most frequent first. */
    screens: z.array(z.object({ screen: z.string(), sessionsEnded: z.number().int(), share: Rate })),
  })
  .openapi('StatsDropOffScreens');

export const ErrorsSchema = z
  .object({
    ...Header,
    sessions: z.number().int(),
    sessionsWithErrors: z.number().int(),
    /** Share of sessions with at least one client error. */
    errorRate: Rate,
    errors: z.number().int(),
    days: z.array(
      z.object({
        day: z.string(),
        sessions: z.number().int(),
        sessionsWithErrors: z.number().int(),
        errors: z.number().int(),
      }),
    ),
    top: z.array(
      z.object({
        message: z.string(),
        screen: z.string(),
        count: z.number().int(),
        users: z.number().int(),
        lastAt: z.number().int(),
        build: z.string().nullable(),
      }),
    ),
  })
  .openapi('StatsErrors');

export const RewardsSchema = z
  .object({
    ...Header,
    rewards: z.array(
      z.object({
        campaignId: z.number().int(),
        rewardKey: z.string(),
        title: z.string(),
        /** Issued within the range. */
        issued: z.number().int(),
        issuedTotal: z.number().int(),
        /** Null: unlimited. */
        stock: z.number().int().nullable(),
        stockLeft: z.number().int().nullable(),
      }),
    ),
    days: z.array(z.object({ day: z.string(), issued: z.number().int() })),
    /** Prize calendar moments by reward: scheduled in the range, won, passed unwon, still ahead. */
    calendar: z.array(
      z.object({
        campaignId: z.number().int(),
        rewardKey: z.string(),
        moments: z.number().int(),
        won: z.number().int(),
        missed: z.number().int(),
        upcoming: z.number().int(),
      }),
    ),
  })
  .openapi('StatsRewards');

const Conversion = z.object({ users: z.number().int(), converted: z.number().int(), rate: Rate });
const MessagePerformance = z.object({
  campaignId: z.number().int(),
  targetStage: z.string().nullable(),
  /** The title of the task a `task:<key>` target stage names, keyed by task key (server/funnel/stage-task-titles.ts). */
  taskTitles: z.record(z.string(), z.string()),
  sent: z.number().int(),
  failed: z.number().int(),
  treated: Conversion,
  holdout: Conversion,
  /** Treated rate minus holdout rate, percentage points; null without a holdout. */
  liftPoints: z.number().nullable(),
});
export const MailingsSchema = z
  .object({
    ...Header,
    rules: z.array(MessagePerformance.extend({ ruleId: z.number().int(), name: z.string(), enabled: z.boolean() })),
    broadcasts: z.array(
      MessagePerformance.extend({ broadcastId: z.number().int(), title: z.string(), status: z.string() }),
    ),
  })
  .openapi('StatsMailings');

export const MEASURE_SCHEMAS = {
  summary: SummarySchema,
  funnel: StatsFunnelSchema,
  activity: ActivitySchema,
  sessions: SessionsSchema,
  retention: RetentionSchema,
  'drop-off-screens': DropOffScreensSchema,
  errors: ErrorsSchema,
  rewards: RewardsSchema,
  mailings: MailingsSchema,
} as const satisfies Record<StatsMeasure, z.ZodType>;

export type StatsResponse<M extends StatsMeasure> = z.infer<(typeof MEASURE_SCHEMAS)[M]>;
export type StatsSummary = StatsResponse<'summary'>;
export type StatsFunnel = StatsResponse<'funnel'>;
export type StatsActivity = StatsResponse<'activity'>;
export type StatsSessions = StatsResponse<'sessions'>;
export type StatsRetention = StatsResponse<'retention'>;
export type StatsDropOffScreens = StatsResponse<'drop-off-screens'>;
export type StatsErrors = StatsResponse<'errors'>;
export type StatsRewards = StatsResponse<'rewards'>;
export type StatsMailings = StatsResponse<'mailings'>;
