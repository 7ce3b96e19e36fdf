/**
 * @module Participant tags: labels the brand puts on participants of a campaign (VIP, "asked about delivery", a
 * partner's list...) so a broadcast can target them ("any of these tags"). Set in bulk by participant id through the
 * admin API, or by server code; unique per (participant, tag), so adding twice changes nothing.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

const { participantTags, participants } = schema;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface TagChange {
  tag: string;
  add?: number[];
  remove?: number[];
}

export interface TagChangeResult {
  tag: string;
  added: number;
  removed: number;
  /** Participants of the campaign carrying the tag afterwards. */
  total: number;
}

/** Participant ids among `ids` that are not in the campaign (all checked before anything is written). */
function foreignIds(tx: Db | Tx, campaignId: number, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  const known = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.campaignId, campaignId), inArray(participants.id, unique.slice(i, i + 500))))
      .all();
    for (const r of rows) known.add(r.id);
  }
  return unique.filter((id) => !known.has(id));
}

/**
 * Adds and removes one tag for lists of the campaign's participants, all or nothing.
 * @example changeTag(db, 1, { tag: 'vip', add: [10, 11], remove: [12] }, now) // → { tag: 'vip', added: 2, removed: 1, total: 2 }
 */
export function changeTag(db: Db, campaignId: number, change: TagChange, now: number): TagChangeResult {
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  return db.transaction((tx) => {
    const unknown = foreignIds(tx, campaignId, [...add, ...remove]);
    if (unknown.length > 0) {
      throw new ApiError(422, 'unknown_participants', 'Some participants are not in this campaign', [
        { path: 'participantIds', message: `not in campaign ${campaignId}: ${unknown.slice(0, 20).join(', ')}` },
      ]);
    }
    let added = 0;
    for (const participantId of add) {
      const row = tx
        .insert(participantTags)
        .values({ participantId, tag: change.tag, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: participantTags.participantId })
        .get();
      if (row) added += 1;
    }
    let removed = 0;
    for (let i = 0; i < remove.length; i += 500) {
      removed += tx
        .delete(participantTags)
        .where(
          and(eq(participantTags.tag, change.tag), inArray(participantTags.participantId, remove.slice(i, i + 500))),
        )
        .run().changes;
    }
    return { tag: change.tag, added, removed, total: tagCount(tx, campaignId, change.tag) };
  });
}

function tagCount(db: Db | Tx, campaignId: number, tag: string): number {
  const row = db
    .select({ n: count() })
    .from(participantTags)
    .innerJoin(participants, eq(participants.id, participantTags.participantId))
    .where(and(eq(participantTags.tag, tag), eq(participants.campaignId, campaignId)))
    .get();
  return row?.n ?? 0;
}

/** The campaign's tags with how many participants carry each. */
export function campaignTags(db: Db, campaignId: number): Array<{ tag: string; participants: number }> {
  return db
    .select({ tag: participantTags.tag, participants: count() })
    .from(participantTags)
    .innerJoin(participants, eq(participants.id, participantTags.participantId))
    .where(eq(participants.campaignId, campaignId))
    .groupBy(participantTags.tag)
    .orderBy(participantTags.tag)
    .all();
}

/** Participants carrying any of `tags` (a subquery for segment filters; uses the (tag, participant) index). */
export function taggedParticipantIds(db: Db, tags: string[]) {
  return db
    .select({ id: participantTags.participantId })
    .from(participantTags)
    .where(inArray(participantTags.tag, tags));
}
