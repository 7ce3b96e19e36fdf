/**
 * @module The office's view of a giveaway's entries with their fraud flags (draw-flags.ts), and taking an entry out
 * before the draw with a recorded reason (or putting it back). After the draw nothing changes: the frozen list is part of the proof.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { schema } from '../../db/client.ts';
import { changedRows, inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../../office/audit.ts';
import { type Person, personOf, profileUrl } from '../../profile-url.ts';
import { drawEntrants, type Entrant } from './draw-entries.ts';
import { type EntryFlag, type EntryFlagWhy, entryFlags } from './draw-flags.ts';
import { findDraw, officeCampaign, requireDraw, requireDrawSettings } from './draw-records.ts';

const { draws, drawExclusions, participants } = schema;

export interface OfficeEntrant extends Entrant {
  profileUrl: string | null;
  flags: EntryFlag[];
  /** The facts behind the flags that have any (the referrer and burst size, the deactivation, the failed tasks). */
  why: EntryFlagWhy;
  excluded: { reason: string; by: Person; at: number } | null;
}

/**
 * Before the draw: everyone who qualifies now, excluded ones included and marked; after it: the frozen list.
 * @example const { entrants } = await officeEntrants(deps, identity, campaignId)
 */
export async function officeEntrants(
  deps: Deps,
  identity: Identity,
  campaignId: number,
): Promise<{ frozen: boolean; vkChecked: boolean; entrants: OfficeEntrant[] }> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  const settings = requireDrawSettings(campaign);
  const draw = await findDraw(deps.db, campaignId);
  const frozen = draw?.drawnAt != null;
  const list: Entrant[] = frozen
    ? (draw?.entries ?? []).map(({ participantId, platform, userId }) => ({ participantId, platform, userId }))
    : await drawEntrants(deps.db, campaign, settings, settings.drawAt);
  const exclusions = await deps.db.select().from(drawExclusions).where(eq(drawExclusions.campaignId, campaignId));
  const byParticipant = new Map(exclusions.map((x) => [x.participantId, x]));
  const { flags, why, vkChecked } = await entryFlags(deps, list);
  return {
    frozen,
    vkChecked,
    entrants: list.map((e) => {
      const x = byParticipant.get(e.participantId);
      return {
        ...e,
        profileUrl: profileUrl(e.platform, e.userId),
        flags: flags.get(e.participantId) ?? [],
        why: why.get(e.participantId) ?? {},
        excluded: x ? { reason: x.reason, by: personOf(x.byPlatform, x.byUserId), at: Number(x.createdAt) } : null,
      };
    }),
  };
}

/**
 * Holds the draw's row (on PostgreSQL a row lock the draw's own UPDATE waits for), and only while not drawn: a change
 * of exclusions and the draw never overlap, so the frozen list always agrees with what was answered 200.
 */
async function holdOpenDraw(tx: Tx, campaignId: number): Promise<void> {
  const draw = await requireDraw(tx, campaignId);
  const open = changedRows(
    await tx
      .update(draws)
      .set({ nextCounter: sql`${draws.nextCounter}` })
      .where(and(eq(draws.id, draw.id), isNull(draws.drawnAt))),
  );
  if (open === 0) throw new ApiError(409, 'already_drawn', 'The draw has run: its list of entries is frozen');
}

/**
 * Takes a participant out of the draw, before it runs (409 `already_drawn` after), with a reason in the audit log.
 * @example await excludeEntrant(deps, identity, 12, 345, 'Page created yesterday, no photo')
 */
export async function excludeEntrant(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  participantId: number,
  reason: string,
): Promise<void> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  requireDrawSettings(campaign);
  await inTransaction(deps.db, async (tx) => {
    await holdOpenDraw(tx, campaignId);
    const [who] = await tx
      .select({ platform: participants.platform, userId: participants.platformUserId })
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.campaignId, campaignId)))
      .limit(1);
    if (!who) throw new ApiError(404, 'entry_not_found', `Participant ${participantId} is not in this campaign`);
    const added = await tx
      .insert(drawExclusions)
      .values({ campaignId, participantId, reason, byPlatform: identity.platform, byUserId: identity.userId })
      .onConflictDoNothing()
      .returning({ id: drawExclusions.id });
    if (added.length === 0) throw new ApiError(409, 'already_excluded', 'This entry is already excluded');
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.exclude',
      entity: 'participant',
      entityId: participantId,
      before: { excluded: false },
      after: { excluded: true, reason, platform: who.platform, userId: who.userId },
    });
  });
}

/**
 * Puts an excluded participant back into the draw, before it runs (409 `already_drawn` after, 404 `not_excluded` when
 * there is no exclusion); the audit log keeps the exclusion's reason as the entry's `before`.
 * @example await includeEntrant(deps, identity, 12, 345)
 */
export async function includeEntrant(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  participantId: number,
): Promise<void> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  requireDrawSettings(campaign);
  await inTransaction(deps.db, async (tx) => {
    await holdOpenDraw(tx, campaignId);
    const [removed] = await tx
      .delete(drawExclusions)
      .where(and(eq(drawExclusions.campaignId, campaignId), eq(drawExclusions.participantId, participantId)))
      .returning();
    if (!removed)
      throw new ApiError(404, 'not_excluded', `Participant ${participantId} is not excluded from this draw`);
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.include',
      entity: 'participant',
      entityId: participantId,
      // Who excluded it, as a person (rows before decision 109 kept the key `vk:900001`; the office reads both).
      before: {
        excluded: true,
        reason: removed.reason,
        by: { platform: removed.byPlatform, userId: removed.byUserId },
      },
      after: { excluded: false },
    });
  });
}
