/** @module PostgreSQL mirror of ../schema/draw.ts: a giveaway's provably fair draw and its picks. */
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { type DrawEntry, PICK_ROLES } from '../schema/draw.ts';

export { PICK_ROLES };

import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export const draws = pgTable(
  'draws',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    algorithm: text('algorithm').notNull(),
    seed: text('seed').notNull(),
    commitment: text('commitment').notNull(),
    committedAt: unixMs('committed_at').notNull(),
    drawnAt: unixMs('drawn_at'),
    drawnByPlatform: text('drawn_by_platform'),
    drawnByUserId: text('drawn_by_user_id'),
    entries: jsonb('entries').$type<DrawEntry[]>(),
    entriesHash: text('entries_hash'),
    nextCounter: integer('next_counter').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('draws_campaign_idx').on(t.campaignId)],
);

export const drawPicks = pgTable(
  'draw_picks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    drawId: integer('draw_id')
      .notNull()
      .references(() => draws.id),
    position: integer('position').notNull(),
    counter: integer('counter').notNull(),
    entryIndex: integer('entry_index').notNull(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    role: text('role', { enum: PICK_ROLES }).notNull(),
    replacesPickId: integer('replaces_pick_id'),
    replacedAt: unixMs('replaced_at'),
    replacedReason: text('replaced_reason'),
    replacedByPlatform: text('replaced_by_platform'),
    replacedByUserId: text('replaced_by_user_id'),
    verification: jsonb('verification').$type<Record<string, unknown>>(),
    announcedAt: unixMs('announced_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('draw_picks_entry_idx').on(t.drawId, t.entryIndex),
    uniqueIndex('draw_picks_position_idx').on(t.drawId, t.position),
    index('draw_picks_participant_idx').on(t.participantId),
  ],
);

export const drawExclusions = pgTable(
  'draw_exclusions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    reason: text('reason').notNull(),
    byPlatform: text('by_platform').notNull(),
    byUserId: text('by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('draw_exclusions_participant_idx').on(t.campaignId, t.participantId)],
);
