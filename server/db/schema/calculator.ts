/**
 * @module The calculator mechanic and its leads (issue 17). `calculators`: one per campaign, its configuration
 * (inputs, formula, texts, consent) as JSON validated by server/calculator/calculator-config.ts, and the brand's CRM
 * webhook (URL and its HMAC secret, sealed like every stored token). `leads`: what a participant left after a
 * calculation, with the consent they gave (152-FZ: the text, its version and the policy link as shown). `lead_deliveries`
 * is the webhook's outbox, one row per lead written in the lead's own transaction; `lead_delivery_attempts` its log.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export const LEAD_STATUSES = ['new', 'in_progress', 'converted', 'rejected'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const calculators = sqliteTable(
  'calculators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    webhookUrl: text('webhook_url'),
    webhookSecretCiphertext: text('webhook_secret_ciphertext'),
    updatedAt: integer('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calculators_campaign_idx').on(t.campaignId)],
);

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable, random; the webhook's Idempotency-Key. */
    key: text('key').notNull(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    name: text('name').notNull(),
    phone: text('phone'),
    /** True when the phone came from VKWebAppGetPhoneNumber with a sign that verified on the server. */
    phoneVerified: integer('phone_verified', { mode: 'boolean' }).notNull().default(false),
    email: text('email'),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    /** The inputs and the result, as the server computed them. */
    calculation: text('calculation', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    consentAt: integer('consent_at').notNull(),
    consentVersion: text('consent_version').notNull(),
    consentText: text('consent_text').notNull(),
    policyUrl: text('policy_url').notNull(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    statusChangedAt: integer('status_changed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('leads_key_idx').on(t.key),
    uniqueIndex('leads_participant_idx').on(t.campaignId, t.participantId),
    index('leads_campaign_created_idx').on(t.campaignId, t.id),
  ],
);

export const leadDeliveries = sqliteTable(
  'lead_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the row is due; a claim moves it one lease ahead, so a sender killed mid-call leaves it due again. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('lead_deliveries_lead_idx').on(t.leadId),
    index('lead_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export const leadDeliveryAttempts = sqliteTable(
  'lead_delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    attempt: integer('attempt').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at').notNull(),
    /** `delivered`, `http_error`, `timeout`, `network_error`, `refused_address` (SSRF guard), `no_webhook`. */
    outcome: text('outcome').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (t) => [index('lead_delivery_attempts_lead_idx').on(t.leadId, t.id)],
);
