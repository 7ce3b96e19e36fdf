/** @module PostgreSQL mirror of ../schema/messaging.ts: consents, the outbox, rules, broadcasts, tags, journal, tickets. */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  BROADCAST_CANCEL_REASONS,
  BROADCAST_STATUSES,
  type BroadcastSegment,
  CALLBACK_EVENT_STATUSES,
  MESSAGE_CHANNELS,
  type MessageTexts,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  type OutboxExtras,
  type RuleSegment,
  type RuleVariant,
  TICKET_STATUSES,
} from '../schema/messaging.ts';
import { campaigns } from './campaign.ts';
import { unixMs, vkId } from './columns.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export {
  BROADCAST_CANCEL_REASONS,
  BROADCAST_STATUSES,
  type BroadcastSegment,
  CALLBACK_EVENT_STATUSES,
  type CallbackEventStatus,
  MESSAGE_CHANNELS,
  type MessageChannel,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  type OutboxExtras,
  type OutboxKind,
  type OutboxStatus,
  type RuleVariant,
  TICKET_STATUSES,
  type TicketStatus,
} from '../schema/messaging.ts';

export const consents = pgTable(
  'consents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    vkGroupId: vkId('vk_group_id').notNull(),
    vkUserId: vkId('vk_user_id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    allowed: boolean('allowed').notNull(),
    source: text('source').notNull(),
    key: text('key'),
    updatedAt: unixMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('consents_user_idx').on(t.vkGroupId, t.vkUserId, t.channel)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    ruleId: integer('rule_id'),
    broadcastId: integer('broadcast_id'),
    ticketMessageId: integer('ticket_message_id'),
    campaignId: integer('campaign_id'),
    participantId: integer('participant_id'),
    vkGroupId: vkId('vk_group_id').notNull(),
    vkAppId: vkId('vk_app_id'),
    vkUserId: vkId('vk_user_id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    variant: text('variant'),
    text: text('text').notNull(),
    extras: jsonb('extras').$type<OutboxExtras>().notNull().default({}),
    contentKey: text('content_key').notNull(),
    /** 31-bit (server/mailing/random-id.ts), VK's int32 `random_id`: `integer` fits. */
    randomId: integer('random_id').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: unixMs('next_attempt_at').notNull(),
    claimedAt: unixMs('claimed_at'),
    sentAt: unixMs('sent_at'),
    vkMessageId: vkId('vk_message_id'),
    errorCode: integer('error_code'),
    errorReason: text('error_reason'),
    createdAt: unixMs('created_at').notNull(),
    updatedAt: unixMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey),
    uniqueIndex('outbox_random_id_idx').on(t.vkGroupId, t.channel, t.randomId, t.vkUserId),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_community_due_idx').on(t.vkGroupId, t.channel, t.status, t.nextAttemptAt),
    index('outbox_app_due_idx').on(t.vkAppId, t.channel, t.status, t.nextAttemptAt),
    index('outbox_rule_idx').on(t.ruleId, t.status),
    index('outbox_broadcast_idx').on(t.broadcastId, t.status),
    index('outbox_user_idx').on(t.vkGroupId, t.vkUserId, t.createdAt),
  ],
);

export const messageRules = pgTable(
  'message_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    variants: jsonb('variants').$type<RuleVariant[]>().notNull(),
    holdoutPercent: integer('holdout_percent').notNull().default(0),
    segment: jsonb('segment').$type<RuleSegment>().notNull().default({}),
    quietFromHour: integer('quiet_from_hour').notNull().default(22),
    quietToHour: integer('quiet_to_hour').notNull().default(9),
    active: boolean('active').notNull().default(true),
    /** The office's key for the Create that wrote it (null: without one), unique per campaign: a double click or a
     * retry is this rule, not a second one (rule-keys.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    /** Last saved (ms; 0 for a rule not saved since this column came): an edit names it (office/one-save-per-copy.ts). */
    updatedAt: unixMs('updated_at').notNull().default(0),
  },
  (t) => [
    index('message_rules_campaign_idx').on(t.campaignId, t.active),
    uniqueIndex('message_rules_client_key_idx').on(t.campaignId, t.clientKey),
  ],
);

export const messagingSettings = pgTable('messaging_settings', {
  vkGroupId: vkId('vk_group_id').primaryKey(),
  capCount: integer('cap_count').notNull().default(1),
  capHours: integer('cap_hours').notNull().default(24),
});

export const broadcasts = pgTable(
  'broadcasts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    segment: jsonb('segment').$type<BroadcastSegment>().notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull().default('message'),
    intent: text('intent').notNull().default('non_promo_newsletter'),
    text: text('text').notNull(),
    texts: jsonb('texts').$type<MessageTexts>().notNull().default({}),
    fragment: text('fragment'),
    targetStage: text('target_stage'),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull().default('scheduled'),
    scheduledAt: unixMs('scheduled_at').notNull(),
    quietFromHour: integer('quiet_from_hour').notNull().default(22),
    quietToHour: integer('quiet_to_hour').notNull().default(9),
    ignoreQuietHours: boolean('ignore_quiet_hours').notNull().default(false),
    cancelledAt: unixMs('cancelled_at'),
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

export const participantTags = pgTable(
  'participant_tags',
  {
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    tag: text('tag').notNull(),
    createdAt: unixMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('participant_tags_unique_idx').on(t.participantId, t.tag),
    index('participant_tags_tag_idx').on(t.tag, t.participantId),
  ],
);

export const callbackEvents = pgTable(
  'callback_events',
  {
    /** VK's id of the event, unique within its community only (two communities may send the same one). */
    eventId: text('event_id').notNull(),
    vkGroupId: vkId('vk_group_id').notNull(),
    type: text('type').notNull(),
    receivedAt: unixMs('received_at').notNull(),
    status: text('status', { enum: CALLBACK_EVENT_STATUSES }).notNull().default('handled'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: unixMs('claimed_at'),
    handledAt: unixMs('handled_at'),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.vkGroupId, t.eventId] }),
    index('callback_events_pending_idx').on(t.status, t.claimedAt),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    participantId: integer('participant_id').references(() => participants.id),
    vkGroupId: vkId('vk_group_id'),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    source: text('source', { enum: ['miniapp', 'bot'] }).notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    createdAt: unixMs('created_at').notNull(),
    updatedAt: unixMs('updated_at').notNull(),
    userSeenMessageId: integer('user_seen_message_id'),
    assigneeMembershipId: integer('assignee_membership_id'),
    waitingSince: unixMs('waiting_since'),
  },
  (t) => [
    index('tickets_user_idx').on(t.platform, t.platformUserId, t.updatedAt),
    index('tickets_status_idx').on(t.vkGroupId, t.status, t.updatedAt),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    author: text('author', { enum: ['user', 'agent'] }).notNull(),
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    via: text('via', { enum: ['miniapp', 'bot', 'backoffice'] }).notNull(),
    externalKey: text('external_key'),
    createdAt: unixMs('created_at').notNull(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.id),
    uniqueIndex('ticket_messages_external_idx').on(t.externalKey),
  ],
);
