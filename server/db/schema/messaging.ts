/**
 * @module Everything about talking to participants: consents, the outbox (the only way a message leaves),
 * funnel rules, broadcasts, participant tags, journaled Callback API events, and support tickets with their messages.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export const MESSAGE_CHANNELS = ['message', 'notification'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Who allowed what: community messages (`message_allow`/`message_deny`) or mini-app notifications. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vkGroupId: integer('vk_group_id').notNull(),
    vkUserId: integer('vk_user_id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    allowed: integer('allowed', { mode: 'boolean' }).notNull(),
    /** What changed it last: message_allow, message_deny, vk_error_901, ... */
    source: text('source').notNull(),
    /** The `key` the mini app passed to VKWebAppAllowMessagesFromGroup, when there was one. */
    key: text('key'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('consents_user_idx').on(t.vkGroupId, t.vkUserId, t.channel)],
);

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'holdout'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_KINDS = ['rule', 'broadcast', 'support', 'reply', 'catalogue'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface OutboxExtras {
  keyboard?: string;
  fragment?: string;
  intent?: string;
}

/**
 * One row per (rule or broadcast or ticket message, user), unique by `dedupe_key`. `random_id` is fixed when
 * the row is written, before any attempt, so a resend after a crash is dropped by VK as a duplicate.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    ruleId: integer('rule_id'),
    broadcastId: integer('broadcast_id'),
    ticketMessageId: integer('ticket_message_id'),
    campaignId: integer('campaign_id'),
    participantId: integer('participant_id'),
    vkGroupId: integer('vk_group_id').notNull(),
    /**
     * A notification's VK app (its campaign's app's VK id; null: the configured app's), written when it is enqueued and
     * kept while it waits (server/mailing/outbox-app.ts), so an app's sender finds its rows by index (decision 093).
     */
    vkAppId: integer('vk_app_id'),
    vkUserId: integer('vk_user_id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    variant: text('variant'),
    text: text('text').notNull(),
    extras: text('extras', { mode: 'json' }).$type<OutboxExtras>().notNull().default(sql`'{}'`),
    /** Rows with the same content key carry the same text and may share one `peer_ids` call. */
    contentKey: text('content_key').notNull(),
    randomId: integer('random_id').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    claimedAt: integer('claimed_at'),
    sentAt: integer('sent_at'),
    vkMessageId: integer('vk_message_id'),
    errorCode: integer('error_code'),
    errorReason: text('error_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey),
    uniqueIndex('outbox_random_id_idx').on(t.vkGroupId, t.channel, t.randomId, t.vkUserId),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // One sender run's rows (outbox-scope.ts), due first: its claim and its next-due look never walk another's.
    index('outbox_community_due_idx').on(t.vkGroupId, t.channel, t.status, t.nextAttemptAt),
    index('outbox_app_due_idx').on(t.vkAppId, t.channel, t.status, t.nextAttemptAt),
    index('outbox_rule_idx').on(t.ruleId, t.status),
    index('outbox_broadcast_idx').on(t.broadcastId, t.status),
    index('outbox_user_idx').on(t.vkGroupId, t.vkUserId, t.createdAt),
  ],
);

/** A message in other languages beside its main text, `{ en: '…' }`, chosen by the recipient's language. */
export type MessageTexts = Partial<Record<'ru' | 'en', string>>;

export interface RuleVariant {
  key: string;
  /** The main text (read as Russian unless `texts` says otherwise). */
  text: string;
  /** The text per language; the recipient's language wins, then `text`. */
  texts?: MessageTexts;
  /** Deep-link hash for the open_app button or the notification `fragment`. */
  fragment?: string;
}

/** A rule's audience filter beside its stages. */
export interface RuleSegment {
  source?: string;
  tags?: string[];
  languages?: Array<'ru' | 'en'>;
}

/** "Reached stage A, not stage B, for at least N hours (at most M), campaign live" → a message. */
export const messageRules = sqliteTable(
  'message_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    stage: text('stage').notNull(),
    notStage: text('not_stage').notNull(),
    minHours: integer('min_hours').notNull(),
    maxHours: integer('max_hours'),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull().default('message'),
    intent: text('intent').notNull().default('non_promo_newsletter'),
    variants: text('variants', { mode: 'json' }).$type<RuleVariant[]>().notNull(),
    holdoutPercent: integer('holdout_percent').notNull().default(0),
    /** Who among the stuck the rule reaches: launch source, any of the tags, languages (empty: everyone). */
    segment: text('segment', { mode: 'json' }).$type<RuleSegment>().notNull().default(sql`'{}'`),
    /** Quiet hours in the campaign's time zone, [from, to) in whole hours; equal values mean none. */
    quietFromHour: integer('quiet_from_hour').notNull().default(22),
    quietToHour: integer('quiet_to_hour').notNull().default(9),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The office's key for the Create that wrote it (null: without one), unique per campaign: a double click or a
     * retry is this rule, not a second one (rule-keys.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    /** Last saved (ms; 0 for a rule not saved since this column came): an edit names it (office/one-save-per-copy.ts). */
    updatedAt: integer('updated_at').notNull().default(0),
  },
  (t) => [
    index('message_rules_campaign_idx').on(t.campaignId, t.active),
    uniqueIndex('message_rules_client_key_idx').on(t.campaignId, t.clientKey),
  ],
);

/** Per community: how many rule messages one user may get within a rolling window. */
export const messagingSettings = sqliteTable('messaging_settings', {
  vkGroupId: integer('vk_group_id').primaryKey(),
  capCount: integer('cap_count').notNull().default(1),
  capHours: integer('cap_hours').notNull().default(24),
});

export interface BroadcastSegment {
  campaignId: number;
  stage?: string;
  /** Only users with consent for the channel (always true for sending; false only widens the preview). */
  consentOnly?: boolean;
  source?: string;
  /** Participants carrying any of these tags (`participant_tags`). */
  tags?: string[];
  /** Participants whose language (their launch's `vk_language`) is one of these. */
  languages?: Array<'ru' | 'en'>;
}

export const BROADCAST_STATUSES = ['scheduled', 'enqueued', 'cancelled'] as const;
/** Why a broadcast was cancelled without a member stopping it. */
export const BROADCAST_CANCEL_REASONS = ['brand_switched_off', 'no_community_token', 'no_app_token'] as const;
export type BroadcastCancelReason = (typeof BROADCAST_CANCEL_REASONS)[number];

export const broadcasts = sqliteTable(
  'broadcasts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    segment: text('segment', { mode: 'json' }).$type<BroadcastSegment>().notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull().default('message'),
    intent: text('intent').notNull().default('non_promo_newsletter'),
    text: text('text').notNull(),
    /** The text per language (`{ ru, en }`), chosen by each recipient's language; `text` is the fallback. */
    texts: text('texts', { mode: 'json' }).$type<MessageTexts>().notNull().default(sql`'{}'`),
    fragment: text('fragment'),
    targetStage: text('target_stage'),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull().default('scheduled'),
    /** When it may go out: the requested time, moved past the campaign's quiet hours unless `ignoreQuietHours`. */
    scheduledAt: integer('scheduled_at').notNull(),
    /** Quiet hours in the campaign's time zone, [from, to) in whole hours, like rules; equal values mean none. */
    quietFromHour: integer('quiet_from_hour').notNull().default(22),
    quietToHour: integer('quiet_to_hour').notNull().default(9),
    ignoreQuietHours: integer('ignore_quiet_hours', { mode: 'boolean' }).notNull().default(false),
    cancelledAt: integer('cancelled_at'),
    /** Why it was cancelled when no member stopped it (null: a member did): its moment came while the agency had
     * switched the brand off (decision 054). */
    cancelReason: text('cancel_reason', { enum: BROADCAST_CANCEL_REASONS }),
    enqueuedCount: integer('enqueued_count').notNull().default(0),
    /** The office's key for one composed broadcast (null before keys, or from a client without one): a Send retried
     * or double-clicked is the broadcast already written, so subscribers are messaged once (broadcast-keys.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('broadcasts_due_idx').on(t.status, t.scheduledAt),
    uniqueIndex('broadcasts_client_key_idx').on(t.campaignId, t.clientKey),
  ],
);

/** Brand-set labels on participants (VIP, "asked about delivery", ...), used by broadcast segments. */
export const participantTags = sqliteTable(
  'participant_tags',
  {
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    tag: text('tag').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('participant_tags_unique_idx').on(t.participantId, t.tag),
    index('participant_tags_tag_idx').on(t.tag, t.participantId),
  ],
);

export const CALLBACK_EVENT_STATUSES = ['received', 'handled', 'failed'] as const;
export type CallbackEventStatus = (typeof CALLBACK_EVENT_STATUSES)[number];

/**
 * Callback API / Long Poll updates by `event_id` (VK retries, so each is taken once). The raw update is stored as
 * `received` before VK gets `ok` and marked `handled` after the handler finished; a `received` row whose claim is
 * stale (crash, kill -9) is handled again by the recovery pass. Rows written before this column existed were
 * handled already, hence the default.
 */
export const callbackEvents = sqliteTable(
  'callback_events',
  {
    /** VK's id of the event, unique within its community only (two communities may send the same one). */
    eventId: text('event_id').notNull(),
    vkGroupId: integer('vk_group_id').notNull(),
    type: text('type').notNull(),
    receivedAt: integer('received_at').notNull(),
    status: text('status', { enum: CALLBACK_EVENT_STATUSES }).notNull().default('handled'),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    /** When a process last took it (receipt or recovery); a stale claim means that process died. */
    claimedAt: integer('claimed_at'),
    handledAt: integer('handled_at'),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.vkGroupId, t.eventId] }),
    index('callback_events_pending_idx').on(t.status, t.claimedAt),
  ],
);

export const TICKET_STATUSES = ['new', 'waiting_on_us', 'waiting_on_user', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    participantId: integer('participant_id').references(() => participants.id),
    vkGroupId: integer('vk_group_id'),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    source: text('source', { enum: ['miniapp', 'bot'] }).notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** The newest message the participant has seen in the mini app; a brand answer after it is unread. */
    userSeenMessageId: integer('user_seen_message_id'),
    /** The support member (a `memberships` row) handling it; no foreign key, so removing a member keeps the history. */
    assigneeMembershipId: integer('assignee_membership_id'),
    /** The participant's oldest message not answered yet (the SLA clock); null while the brand has answered. */
    waitingSince: integer('waiting_since'),
  },
  (t) => [
    index('tickets_user_idx').on(t.platform, t.platformUserId, t.updatedAt),
    index('tickets_status_idx').on(t.vkGroupId, t.status, t.updatedAt),
  ],
);

export const ticketMessages = sqliteTable(
  'ticket_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    author: text('author', { enum: ['user', 'agent'] }).notNull(),
    /** Agent's platform user id, or the participant's for user messages. */
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    via: text('via', { enum: ['miniapp', 'bot', 'backoffice'] }).notNull(),
    /** The incoming VK message it came from (`vk:<group>:<user>:<message>`), so a re-handled update adds nothing. */
    externalKey: text('external_key'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.id),
    uniqueIndex('ticket_messages_external_idx').on(t.externalKey),
  ],
);
