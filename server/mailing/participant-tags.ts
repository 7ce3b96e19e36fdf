/**
 * @module Participant tags: labels the brand puts on participants of a campaign (VIP, "asked about delivery", a
 * partner's list...) so a broadcast can target them ("any of these tags"). Set in bulk by participant id through the
 * admin API, or by server code; unique per (participant, tag), so adding twice changes nothing.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { changedRows, inTransaction, type Tx } from '../db/transactions.ts';
import { ApiError } from '../http/errors.ts';
import { auditMailing, type MailingActor } from './mailing-audit.ts';

const { participantTags, participants } = schema;

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
async function foreignIds(tx: Db | Tx, campaignId: number, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const known = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.campaignId, campaignId), inArray(participants.id, unique.slice(i, i + 500))));
    for (const r of rows) known.add(r.id);
  }
  return unique.filter((id) => !known.has(id));
}

/**
 * Adds and removes one tag for lists of the campaign's participants, all or nothing.
 * @example changeTag(db, 1, { tag: 'vip', add: [10, 11], remove: [12] }, now, { actor, brandId }) // → { tag: 'vip', added: 2, removed: 1, total: 2 }
 */
export async function changeTag(
  db: Db,
  campaignId: number,
  change: TagChange,
  now: number,
  who: MailingActor,
): Promise<TagChangeResult> {
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  return inTransaction(db, async (tx) => {
    const unknown = await foreignIds(tx, campaignId, [...add, ...remove]);
    if (unknown.length > 0) {
      throw new ApiError(422, 'unknown_participants', 'Some participants are not in this campaign', [
        { path: 'participantIds', message: `not in campaign ${campaignId}: ${unknown.slice(0, 20).join(', ')}` },
      ]);
    }
    let added = 0;
    for (let i = 0; i < add.length; i += 500) {
      const rows = await tx
        .insert(participantTags)
        .values(add.slice(i, i + 500).map((participantId) => ({ participantId, tag: change.tag, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: participantTags.participantId });
      added += rows.length;
    }
    let removed = 0;
    for (let i = 0; i < remove.length; i += 500) {
      removed += changedRows(
        await tx
          .delete(participantTags)
          .where(
            and(eq(participantTags.tag, change.tag), inArray(participantTags.participantId, remove.slice(i, i + 500))),
          ),
      );
    }
    const result = { tag: change.tag, added, removed, total: await tagCount(tx, campaignId, change.tag) };
    await auditMailing(tx, who, {
      action: 'tag.change',
      entity: 'tag',
      entityId: change.tag,
      after: { campaignId, add, remove, ...result },
    });
    return result;
  });
}

async function tagCount(db: Db | Tx, campaignId: number, tag: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participantTags)
    .innerJoin(participants, eq(participants.id, participantTags.participantId))
    .where(and(eq(participantTags.tag, tag), eq(participants.campaignId, campaignId)));
  return row?.n ?? 0;
}

/** The campaign's tags with how many participants carry each. */
export async function campaignTags(db: Db, campaignId: number): Promise<Array<{ tag: string; participants: number }>> {
  return db
    .select({ tag: participantTags.tag, participants: count() })
    .from(participantTags)
    .innerJoin(participants, eq(participants.id, participantTags.participantId))
    .where(eq(participants.campaignId, campaignId))
    .groupBy(participantTags.tag)
    .orderBy(participantTags.tag);
}

/**
 * Participants carrying any of `tags`: a subquery for segment filters (not awaited; it runs inside the caller's
 * query), on the (tag, participant) index.
 */
export function taggedParticipantIds(db: Db | Tx, tags: string[]) {
  return db
    .select({ id: participantTags.participantId })
    .from(participantTags)
    .where(inArray(participantTags.tag, tags));
}
