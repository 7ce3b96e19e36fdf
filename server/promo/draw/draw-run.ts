/**
 * @module Running the draw and re-picking, each in one transaction. The draw runs once: the transaction that sets
 * `drawn_at` (a conditional UPDATE, so of two racing requests, in one process or two, exactly one wins) freezes the
 * entries as of the draw time, stores the list and its hash, reveals the seed and writes the picks; the other request
 * answers with the same result. A re-pick replaces a winner by the next pick of the same sequence and records why.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { DrawEntry } from '../../db/schema/draw.ts';
import { changedRows, inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../../office/audit.ts';
import { entriesHashOf, entryHash, nextPicks } from './draw-algorithm.ts';
import { drawEntrants } from './draw-entries.ts';
import {
  drawPicksOf,
  excludedParticipants,
  officeCampaign,
  pickOf,
  requireDraw,
  requireDrawn,
  requireDrawSettings,
  unusedReserves,
} from './draw-records.ts';

const { draws, drawPicks } = schema;

/**
 * Runs the campaign's draw (at or after its `drawAt`), or returns when it already ran.
 * @example await runDraw(deps, identity, campaignId) // { drawn: true, already: false }
 */
export async function runDraw(deps: Deps, identity: Identity, campaignId: number): Promise<{ already: boolean }> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  const settings = requireDrawSettings(campaign);
  const now = deps.now();
  if (now < settings.drawAt) throw new ApiError(409, 'too_early', 'The draw time has not come yet');
  await requireDraw(deps.db, campaignId);
  return inTransaction(deps.db, async (tx) => {
    const draw = await requireDraw(tx, campaignId);
    const claimed = changedRows(
      await tx
        .update(draws)
        .set({ drawnAt: now, drawnByPlatform: identity.platform, drawnByUserId: identity.userId })
        .where(and(eq(draws.id, draw.id), isNull(draws.drawnAt))),
    );
    if (claimed === 0) return { already: true };
    // Entries the brand excluded before the draw (draw-exclusions.ts) are not in the frozen list.
    const excluded = await excludedParticipants(tx, campaignId);
    const entrants = (await drawEntrants(tx, campaign, settings, settings.drawAt)).filter(
      (e) => !excluded.has(e.participantId),
    );
    if (entrants.length === 0) throw new ApiError(409, 'no_entries', 'Nobody completed the required tasks in time');
    const entries: DrawEntry[] = entrants.map((e, index) => ({ index, ...e, hash: entryHash(e.platform, e.userId) }));
    const entriesHash = entriesHashOf(entries.map((e) => e.hash));
    const { picks, nextCounter } = nextPicks(
      draw.seed,
      entries.length,
      settings.winners + settings.reserves,
      0,
      new Set(),
    );
    await tx.update(draws).set({ entries, entriesHash, nextCounter }).where(eq(draws.id, draw.id));
    await tx.insert(drawPicks).values(
      picks.map((p, i) => ({
        drawId: draw.id,
        position: i + 1,
        counter: p.counter,
        entryIndex: p.index,
        participantId: (entries[p.index] as DrawEntry).participantId,
        role: i < settings.winners ? ('winner' as const) : ('reserve' as const),
      })),
    );
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.run',
      entity: 'draw',
      entityId: draw.id,
      before: { drawnAt: null },
      after: { drawnAt: now, entries: entries.length, entriesHash, picks: picks.map((p) => p.index) },
    });
    return { already: false };
  });
}

/**
 * Replaces a winner: the first unused reserve becomes a winner, or, with none left, the next pick of the sequence.
 * The replaced pick keeps its place with the reason, who and when; the audit log records both.
 */
export async function repick(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  pickId: number,
  reason: string,
): Promise<{ replacementPickId: number }> {
  const campaign = await officeCampaign(deps.db, identity, campaignId);
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const draw = requireDrawn(await requireDraw(tx, campaignId));
    const picks = await drawPicksOf(tx, draw.id);
    const replaced = pickOf(picks, pickId);
    if (replaced.role !== 'winner' || replaced.replacedAt != null)
      throw new ApiError(409, 'not_a_winner', 'Only a standing winner can be re-picked');
    const marked = changedRows(
      await tx
        .update(drawPicks)
        .set({
          replacedAt: now,
          replacedReason: reason,
          replacedByPlatform: identity.platform,
          replacedByUserId: identity.userId,
        })
        .where(and(eq(drawPicks.id, pickId), isNull(drawPicks.replacedAt))),
    );
    if (marked === 0) throw new ApiError(409, 'not_a_winner', 'Only a standing winner can be re-picked');
    const replacementPickId = await replacement(tx, draw, picks, pickId);
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'draw.repick',
      entity: 'draw_pick',
      entityId: pickId,
      before: { pickId, entryIndex: replaced.entryIndex, role: 'winner' },
      after: { pickId, replacedAt: now, reason, replacementPickId },
    });
    return { replacementPickId };
  });
}

async function replacement(
  tx: Tx,
  draw: Awaited<ReturnType<typeof requireDraw>>,
  picks: Awaited<ReturnType<typeof drawPicksOf>>,
  replacedId: number,
): Promise<number> {
  const [reserve] = unusedReserves(picks);
  if (reserve) {
    await tx.update(drawPicks).set({ role: 'winner', replacesPickId: replacedId }).where(eq(drawPicks.id, reserve.id));
    return reserve.id;
  }
  const entries = draw.entries ?? [];
  const { picks: next, nextCounter } = nextPicks(
    draw.seed,
    entries.length,
    1,
    draw.nextCounter,
    new Set(picks.map((p) => p.entryIndex)),
  );
  const [pick] = next;
  if (!pick) throw new ApiError(409, 'no_entries_left', 'Every entry has been picked already');
  await tx.update(draws).set({ nextCounter }).where(eq(draws.id, draw.id));
  const row = inserted(
    await tx
      .insert(drawPicks)
      .values({
        drawId: draw.id,
        position: picks.length + 1,
        counter: pick.counter,
        entryIndex: pick.index,
        participantId: (entries[pick.index] as DrawEntry).participantId,
        role: 'winner',
        replacesPickId: replacedId,
      })
      .returning({ id: drawPicks.id }),
  );
  return row.id;
}
