/**
 * @module Advisory fraud flags on a giveaway's entries, computed on the server for the office (Gleam's "fraud
 * flags"): a VK page deleted/banned, without a photo or closed (users.get, outside any transaction); several
 * entries referred by one referrer in a burst; an entry whose task check failed (a failed completion, or a pick that
 * failed verification). They decide nothing: the brand may exclude a flagged entry before the draw, with a reason.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { VkApiUnavailableError, vkOf } from '../../vk/vk-api.ts';
import type { Entrant } from './draw-entries.ts';

export const ENTRY_FLAGS = [
  'deactivated',
  'no_photo',
  'closed_profile',
  'referral_burst',
  'verification_failed',
] as const;
export type EntryFlag = (typeof ENTRY_FLAGS)[number];

/** At least `count` entries referred by one referrer whose joins fall within `windowMs` of each other. */
export const REFERRAL_BURST = { count: 3, windowMs: 10 * 60_000 } as const;

const CHUNK = 500;
const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** Participants among `ids` who joined in a burst of referrals by one referrer. */
export async function referralBursts(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const { participants } = schema;
  const byReferrer = new Map<number, { id: number; at: number }[]>();
  for (const part of chunks(ids)) {
    const rows = await db
      .select({ id: participants.id, referredBy: participants.referredBy, at: participants.createdAt })
      .from(participants)
      .where(and(inArray(participants.id, part), isNotNull(participants.referredBy)));
    for (const r of rows) {
      const list = byReferrer.get(r.referredBy as number) ?? [];
      list.push({ id: r.id, at: Number(r.at) });
      byReferrer.set(r.referredBy as number, list);
    }
  }
  const flagged = new Set<number>();
  for (const list of byReferrer.values()) {
    list.sort((a, b) => a.at - b.at);
    // Sliding window: every referral inside a window holding `count` or more is part of the burst.
    let start = 0;
    for (let end = 0; end < list.length; end += 1) {
      while ((list[end] as { at: number }).at - (list[start] as { at: number }).at > REFERRAL_BURST.windowMs)
        start += 1;
      if (end - start + 1 >= REFERRAL_BURST.count) for (let i = start; i <= end; i += 1) flagged.add(list[i]?.id ?? 0);
    }
  }
  return flagged;
}

/** Participants among `ids` with a failed task check in the campaign, or a draw pick that failed verification. */
export async function failedChecks(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const { taskCompletions, drawPicks } = schema;
  const failed = new Set<number>();
  for (const part of chunks(ids)) {
    const rows = await db
      .select({ id: taskCompletions.participantId })
      .from(taskCompletions)
      .where(and(inArray(taskCompletions.participantId, part), eq(taskCompletions.status, 'failed')));
    for (const r of rows) failed.add(r.id);
    const picks = await db
      .select({ id: drawPicks.participantId, verification: drawPicks.verification })
      .from(drawPicks)
      .where(and(inArray(drawPicks.participantId, part), isNotNull(drawPicks.verification)));
    for (const p of picks) if ((p.verification as { ok?: boolean } | null)?.ok === false) failed.add(p.id);
  }
  return failed;
}

/**
 * Each entrant's flags (in `ENTRY_FLAGS` order). `vkChecked` is false when VK could not answer: the page flags are
 * then missing, not cleared.
 * @example const { flags } = await entryFlags(deps, entrants); flags.get(participantId) // ['no_photo']
 */
export async function entryFlags(
  deps: Pick<Deps, 'db' | 'config' | 'vk'>,
  entrants: readonly Entrant[],
): Promise<{ flags: Map<number, EntryFlag[]>; vkChecked: boolean }> {
  const ids = entrants.map((e) => e.participantId);
  const [bursts, failed] = [await referralBursts(deps.db, ids), await failedChecks(deps.db, ids)];
  const vkIds = entrants.filter((e) => e.platform === 'vk').map((e) => e.userId);
  let pages = new Map<string, { hasPhoto: boolean; isClosed: boolean; deactivated: string | null }>();
  let vkChecked = true;
  if (vkIds.length > 0) {
    try {
      pages = await vkOf(deps).profiles(vkIds);
    } catch (err) {
      if (!(err instanceof VkApiUnavailableError)) throw err;
      vkChecked = false;
    }
  }
  const flags = new Map<number, EntryFlag[]>();
  for (const e of entrants) {
    const page = e.platform === 'vk' ? pages.get(e.userId) : undefined;
    const raised: Record<EntryFlag, boolean> = {
      deactivated: page?.deactivated != null,
      no_photo: page !== undefined && page.deactivated == null && !page.hasPhoto,
      closed_profile: page?.isClosed === true,
      referral_burst: bursts.has(e.participantId),
      verification_failed: failed.has(e.participantId),
    };
    flags.set(
      e.participantId,
      ENTRY_FLAGS.filter((f) => raised[f]),
    );
  }
  return { flags, vkChecked };
}
