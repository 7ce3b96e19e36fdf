/**
 * @module A giveaway's provably fair draw (docs/decisions/023-provably-fair-draw.md). `draws` holds one row per
 * campaign, written when the campaign goes live: the secret seed (revealed only once the draw has run) and its
 * SHA-256 commitment (public from the start); at the draw, the frozen list of entries and its hash. `draw_picks` is
 * the sequence the seed produced, in order: winners, then reserves, then any picks a re-pick needed; a replaced
 * winner stays, with who replaced it, when and why.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

/** One frozen entry: its place in the list, the participant (private) and SHA-256 of `platform:userId` (public). */
export interface DrawEntry {
  index: number;
  participantId: number;
  platform: string;
  userId: string;
  hash: string;
}

export const PICK_ROLES = ['winner', 'reserve'] as const;
export type PickRole = (typeof PICK_ROLES)[number];

export const draws = sqliteTable(
  'draws',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** `provably-fair-draw/v1`: the name and version of the published algorithm. */
    algorithm: text('algorithm').notNull(),
    /** 32 random bytes, hex. Secret until `drawnAt` is set. */
    seed: text('seed').notNull(),
    /** SHA-256 of the seed's bytes, hex; public from the launch. */
    commitment: text('commitment').notNull(),
    committedAt: integer('committed_at').notNull(),
    /** Set once, by the one transaction that runs the draw. */
    drawnAt: integer('drawn_at'),
    drawnByPlatform: text('drawn_by_platform'),
    drawnByUserId: text('drawn_by_user_id'),
    /** The frozen list, in order (entry index = position). */
    entries: text('entries', { mode: 'json' }).$type<DrawEntry[]>(),
    /** SHA-256 of the entry hashes joined by `\n`, hex. */
    entriesHash: text('entries_hash'),
    /** The next counter k of the pick sequence (picks continue from here on a re-pick). */
    nextCounter: integer('next_counter').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('draws_campaign_idx').on(t.campaignId)],
);

export const drawPicks = sqliteTable(
  'draw_picks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    drawId: integer('draw_id')
      .notNull()
      .references(() => draws.id),
    /** 1-based place in the sequence of distinct picks. */
    position: integer('position').notNull(),
    /** The counter k whose HMAC produced this pick. */
    counter: integer('counter').notNull(),
    entryIndex: integer('entry_index').notNull(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    role: text('role', { enum: PICK_ROLES }).notNull(),
    /** The pick this one took the place of (a re-pick). */
    replacesPickId: integer('replaces_pick_id'),
    replacedAt: integer('replaced_at'),
    replacedReason: text('replaced_reason'),
    replacedByPlatform: text('replaced_by_platform'),
    replacedByUserId: text('replaced_by_user_id'),
    /** The last verification: `{ at, ok, checks: [{ taskKey, kind, ok, source }] }`. */
    verification: text('verification', { mode: 'json' }).$type<Record<string, unknown>>(),
    announcedAt: integer('announced_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('draw_picks_entry_idx').on(t.drawId, t.entryIndex),
    uniqueIndex('draw_picks_position_idx').on(t.drawId, t.position),
    index('draw_picks_participant_idx').on(t.participantId),
  ],
);

/**
 * An entry the brand took out of the draw before it ran (a fraud flag it agreed with), with the reason and who; the
 * draw's frozen list leaves these participants out. Nothing is excluded after the draw: the list is part of the proof.
 */
export const drawExclusions = sqliteTable(
  'draw_exclusions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
