/** @module PostgreSQL mirror of ../schema/calculator.ts: calculators, leads, the webhook outbox and its log. */
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { DELIVERY_STATUSES, LEAD_STATUSES } from '../schema/calculator.ts';
import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export { DELIVERY_STATUSES, LEAD_STATUSES };

export const calculators = pgTable(
  'calculators',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    webhookUrl: text('webhook_url'),
    webhookSecretCiphertext: text('webhook_secret_ciphertext'),
    updatedAt: unixMs('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calculators_campaign_idx').on(t.campaignId)],
);

export const leads = pgTable(
  'leads',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    name: text('name').notNull(),
    phone: text('phone'),
    phoneVerified: boolean('phone_verified').notNull().default(false),
    email: text('email'),
    emailVerified: boolean('email_verified').notNull().default(false),
    calculation: jsonb('calculation').$type<Record<string, unknown>>().notNull(),
    consentAt: unixMs('consent_at').notNull(),
    consentVersion: text('consent_version').notNull(),
    consentText: text('consent_text').notNull(),
    policyUrl: text('policy_url').notNull(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    statusChangedAt: unixMs('status_changed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('leads_key_idx').on(t.key),
    uniqueIndex('leads_participant_idx').on(t.campaignId, t.participantId),
    index('leads_campaign_created_idx').on(t.campaignId, t.id),
  ],
);

export const leadDeliveries = pgTable(
  'lead_deliveries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: unixMs('next_attempt_at').notNull(),
    lastError: text('last_error'),
    deliveredAt: unixMs('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('lead_deliveries_lead_idx').on(t.leadId),
    index('lead_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export const leadDeliveryAttempts = pgTable(
  'lead_delivery_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    attempt: integer('attempt').notNull(),
    startedAt: unixMs('started_at').notNull(),
    finishedAt: unixMs('finished_at').notNull(),
    outcome: text('outcome').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (t) => [index('lead_delivery_attempts_lead_idx').on(t.leadId, t.id)],
);
