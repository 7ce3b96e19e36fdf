/** @module OpenAPI shapes of the brand-facing mailing API: rules, broadcasts, previews and stats. */
import { z } from '@hono/zod-openapi';
import { BROADCAST_CANCEL_REASONS, MESSAGE_CHANNELS } from '../db/schema/messaging.ts';
import { ClientKey } from '../http/client-key.ts';
import { RowIdParam, rowId } from '../http/row-id.ts';
import { authErrors, errorResponse } from '../http/schemas.ts';
import { visibleText, visibleTextOrEmpty } from '../http/text-fields.ts';
import { SavedAtField } from '../office/one-save-per-copy.ts';
import { UtcMs } from '../utc-ms.ts';
import { CLOSE_REASONS } from './close-reasons.ts';

export const CampaignParam = z.object({ id: RowIdParam });
export const RuleParams = CampaignParam.extend({ ruleId: RowIdParam });
export const BroadcastParams = CampaignParam.extend({ broadcastId: RowIdParam });

const stageKey = z.string().min(1).max(64);
const hour = z.number().int().min(0).max(23);
const language = z.enum(['ru', 'en']);
/** The message per language; each recipient gets theirs (server/mailing/message-language.ts). */
export const MessageTextsSchema = z
  .object({ ru: visibleTextOrEmpty(4000).optional(), en: visibleTextOrEmpty(4000).optional() })
  .openapi('MessageTexts');

export const VariantSchema = z.object({
  key: z
    .string()
    .min(1)
    .max(16)
    .regex(/^[A-Za-z0-9_-]+$/),
  text: visibleText(4000),
  texts: MessageTextsSchema.optional(),
  fragment: z.string().max(2047).optional(),
});

export const RuleSegmentSchema = z
  .object({
    source: z.string().max(64).optional(),
    tags: z.array(z.string().min(1).max(64)).max(20).optional(),
    languages: z.array(language).max(2).optional(),
  })
  .openapi('RuleSegment');

export const NewRuleSchema = z
  .object({
    name: visibleText(120),
    stage: stageKey,
    notStage: stageKey,
    minHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 366),
    maxHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366)
      .nullable()
      .optional(),
    channel: z.enum(MESSAGE_CHANNELS),
    intent: z.enum(['non_promo_newsletter', 'promo_newsletter', 'confirmed_notification', 'default']).optional(),
    variants: z.array(VariantSchema).min(1).max(10),
    segment: RuleSegmentSchema.optional(),
    holdoutPercent: z.number().int().min(0).max(90).optional(),
    quietFromHour: hour.optional(),
    quietToHour: hour.optional(),
  })
  .openapi('NewRule');

/** A new rule: its settings and, optionally, the office's key for this composition (a repeat is the rule it created). */
export const RuleCreateSchema = NewRuleSchema.extend({ clientKey: ClientKey.optional() }).openapi('RuleCreate');

export const RuleSchema = NewRuleSchema.extend({
  id: z.number().int(),
  campaignId: z.number().int(),
  maxHours: z.number().int().nullable(),
  intent: z.string(),
  segment: RuleSegmentSchema,
  holdoutPercent: z.number().int(),
  quietFromHour: hour,
  quietToHour: hour,
  active: z.boolean(),
  createdAt: z.number().int(),
  /** When its settings were last saved (ms): an edit sends it back as `savedAt` (office/one-save-per-copy.ts). */
  updatedAt: z.number().int(),
}).openapi('Rule');

/** An edit: the settings and the `updatedAt` of the copy they were made on. */
export const RuleEditSchema = NewRuleSchema.extend({ savedAt: SavedAtField }).openapi('RuleEdit');

export const RuleRunSchema = z
  .object({
    ruleId: z.number().int(),
    candidates: z.number().int(),
    queued: z.number().int(),
    holdout: z.number().int(),
    already: z.number().int(),
    noConsent: z.number().int(),
    capped: z.number().int(),
    delayedUntil: z.number().int().optional(),
    skipped: z.string().optional(),
  })
  .openapi('RuleRun');

const ConversionSchema = z.object({ users: z.number().int(), converted: z.number().int(), rate: z.number() });
export const StatsSchema = z
  .object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).openapi({
      description:
        'Messages by status: queued and sending are still to go; sent reached VK; failed and cancelled (closed) did ' +
        'not; holdout were deliberately sent nothing. What went out is sent of all but holdout',
    }),
    failedByReason: z.record(z.string(), z.number().int()),
    cancelledByReason: z.partialRecord(z.enum(CLOSE_REASONS), z.number().int()).openapi({
      description:
        'Messages closed unsent (cancelled), by the reason stored when each was closed, the largest first; they add ' +
        'up to byStatus.cancelled. unrecorded: closed with no reason stored (an earlier release)',
    }),
    openedAfter: z.number().int(),
    targetStage: z.string().nullable(),
    treated: ConversionSchema,
    holdout: ConversionSchema,
    liftPoints: z.number().nullable(),
    byVariant: z.record(z.string(), ConversionSchema),
  })
  .openapi('MessageStats');

export const TagSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'letters, digits, _ . : - only')
  // Written out: the document's generator appends a regex's flags to its pattern (`…$/u`), which then matches nothing.
  .openapi({ example: 'vip', pattern: '^[\\p{L}\\p{N}_.:-]+$' });

export const SegmentSchema = z
  .object({
    stage: stageKey.optional(),
    source: z.string().max(64).optional(),
    tags: z.array(TagSchema).min(1).max(20).optional().openapi({ description: 'Participants with any of these tags' }),
    languages: z.array(language).min(1).max(2).optional().openapi({ description: 'Participants with these languages' }),
  })
  .openapi('Segment');

const participantIds = z.array(rowId()).max(10_000);
export const TagChangeSchema = z
  .object({ tag: TagSchema, add: participantIds.optional(), remove: participantIds.optional() })
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, {
    message: 'add or remove at least one participant',
    path: ['add'],
  })
  .openapi('TagChange');
export const TagChangeResultSchema = z
  .object({ tag: z.string(), added: z.number().int(), removed: z.number().int(), total: z.number().int() })
  .openapi('TagChangeResult');
export const TagListSchema = z
  .object({ tags: z.array(z.object({ tag: z.string(), participants: z.number().int() })) })
  .openapi('TagList');

export const PreviewRequest = z.object({ segment: SegmentSchema, channel: z.enum(MESSAGE_CHANNELS) });
export const PreviewSchema = z
  .object({
    total: z.number().int(),
    withConsent: z.number().int(),
    /** Recipients with consent per language, so the composer can warn about a language without a text. */
    byLanguage: z.object({ ru: z.number().int(), en: z.number().int() }),
    sample: z.array(z.number().int()),
  })
  .openapi('SegmentPreview');

export const NewBroadcastSchema = z
  .object({
    name: visibleText(120),
    segment: SegmentSchema,
    channel: z.enum(MESSAGE_CHANNELS),
    text: visibleText(4000),
    texts: MessageTextsSchema.optional(),
    fragment: z.string().max(2047).optional(),
    targetStage: stageKey.optional(),
    scheduledAt: UtcMs.positive().optional(),
    /** Send even during the campaign's quiet hours (time-critical news). */
    ignoreQuietHours: z.boolean().optional(),
    quietFromHour: hour.optional(),
    quietToHour: hour.optional(),
    dryRun: z.boolean().optional(),
    /** Made once per composed broadcast: a Send repeated with it is the broadcast already written. */
    clientKey: ClientKey.optional(),
  })
  .openapi('NewBroadcast');

export const BroadcastSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    name: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    text: z.string(),
    texts: MessageTextsSchema,
    fragment: z.string().nullable(),
    segment: SegmentSchema,
    createdAt: z.number().int(),
    status: z.enum(['scheduled', 'enqueued', 'cancelled']),
    /** When it goes out: the requested moment, moved past quiet hours unless `ignoreQuietHours`. */
    scheduledAt: z.number().int(),
    ignoreQuietHours: z.boolean(),
    quietFromHour: hour,
    quietToHour: hour,
    cancelledAt: z.number().int().nullable(),
    /** Cancelled without a member stopping it (null: a member did, or not cancelled): `brand_switched_off` — the
     * agency switched the brand off before (all of) it was sent; `no_community_token` — its community had no token to
     * send with when its moment came or while its messages waited (decision 078); `no_app_token` — its notifications'
     * VK app had no service token to send them with (decision 090). */
    cancelReason: z.enum(BROADCAST_CANCEL_REASONS).nullable(),
    enqueuedCount: z.number().int(),
  })
  .openapi('Broadcast');

/** A broadcast as the office's list shows it: with how many of its messages were sent and how many are still to send. */
export const ListedBroadcastSchema = BroadcastSchema.extend({
  sentCount: z.number().int(),
  openCount: z
    .number()
    .int()
    .openapi({ description: 'Messages still to send (queued or sending); 0 once the broadcast is finished' }),
}).openapi('ListedBroadcast');

export const CapSchema = z
  .object({
    capCount: z.number().int().min(1).max(100),
    capHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
  })
  .openapi('FrequencyCap');

export const RuleSummarySchema = z
  .object({
    rule: RuleSchema,
    sent: z.number().int(),
    openedAfter: z.number().int(),
    converted: z.number().int(),
    liftPoints: z.number().nullable(),
  })
  .openapi('RuleSummary');

export const ScreenSchema = z
  .object({
    kind: z.enum(['campaign', 'rules', 'quiz', 'prizes', 'help', 'task', 'reward']),
    key: z.string().optional(),
    title: z.string(),
    hash: z.string(),
  })
  .openapi('CampaignScreen');

export const ComposerOptionsSchema = z
  .object({
    stages: z.array(z.string()),
    /** The titles of the tasks its `task:<key>` stages name, keyed by task key (server/funnel/stage-task-titles.ts). */
    taskTitles: z.record(z.string(), z.string()),
    sources: z.array(z.string()),
    tags: z.array(z.string()),
    screens: z.array(ScreenSchema),
    /** The community's cap on rule messages; null without a community. */
    cap: CapSchema.nullable(),
    /** The campaign's IANA time zone: schedules and quiet hours are wall-clock times there. */
    timeZone: z.string(),
    /**
     * Who a recipient sees as the sender, per channel: the campaign's community for a message, its mini app for a
     * notification (null when the campaign has none), so the composer's preview shows the real name.
     */
    senders: z.object({ message: z.string().nullable(), notification: z.string().nullable() }),
  })
  .openapi('MailingOptions');

/** The answers every mailing office route may give besides its own, and the OpenAPI tag they share. */
export const mailingErrors = {
  ...authErrors,
  403: errorResponse('No `mailings` rights on this brand'),
  404: errorResponse('No such campaign, rule or broadcast'),
  422: errorResponse('Invalid input'),
} as const;
export const mailingTags = ['admin: mailing'];
