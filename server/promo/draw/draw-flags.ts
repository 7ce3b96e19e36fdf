/**
 * @module Advisory fraud flags on a giveaway's entries, computed on the server for the office (Gleam's "fraud
 * flags"): a VK page deleted/banned, without a photo or closed (users.get, outside any transaction); several
 * entries referred by one referrer in a burst; an entry whose task check failed (a failed completion, or a pick that
 * failed verification). They decide nothing: the brand may exclude a flagged entry before the draw, with a reason.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { type Person, personOf } from '../../profile-url.ts';
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

/** Why a referral burst was flagged: the referrer (as the office names a person) and the most entries they brought in one window. */
export interface ReferralBurst {
  referrer: Person;
  entries: number;
  windowMinutes: number;
}

/** Participants among `ids` who joined in a burst of referrals by one referrer, with the referrer and the burst's size. */
export async function referralBursts(db: Db, ids: readonly number[]): Promise<Map<number, ReferralBurst>> {
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
  const largest = new Map<number, { referrer: number; entries: number }>();
  for (const [referrer, list] of byReferrer) {
    list.sort((a, b) => a.at - b.at);
    // Sliding window: every referral inside a window holding `count` or more is part of the burst.
    let start = 0;
    for (let end = 0; end < list.length; end += 1) {
      while ((list[end] as { at: number }).at - (list[start] as { at: number }).at > REFERRAL_BURST.windowMs)
        start += 1;
      const entries = end - start + 1;
      if (entries < REFERRAL_BURST.count) continue;
      for (let i = start; i <= end; i += 1) {
        const id = list[i]?.id ?? 0;
        if ((largest.get(id)?.entries ?? 0) < entries) largest.set(id, { referrer, entries });
      }
    }
  }
  const referrers = [...new Set([...largest.values()].map((b) => b.referrer))];
  const people = new Map<number, Person>();
  for (const part of chunks(referrers)) {
    const rows = await db
      .select({ id: participants.id, platform: participants.platform, userId: participants.platformUserId })
      .from(participants)
      .where(inArray(participants.id, part));
    for (const r of rows) people.set(r.id, personOf(r.platform, r.userId));
  }
  const windowMinutes = REFERRAL_BURST.windowMs / 60_000;
  return new Map(
    [...largest].map(([id, b]) => [
      id,
      { referrer: people.get(b.referrer) ?? personOf('', String(b.referrer)), entries: b.entries, windowMinutes },
    ]),
  );
}

/** Participants among `ids` with a failed task check in the campaign, or a draw pick that failed verification: the task keys. */
export async function failedChecks(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const { taskCompletions, drawPicks, tasks } = schema;
  const failed = new Map<number, Set<string>>();
  const add = (id: number, key: string) => failed.set(id, (failed.get(id) ?? new Set()).add(key));
  for (const part of chunks(ids)) {
    const rows = await db
      .select({ id: taskCompletions.participantId, key: tasks.key })
      .from(taskCompletions)
      .innerJoin(tasks, eq(tasks.id, taskCompletions.taskId))
      .where(and(inArray(taskCompletions.participantId, part), eq(taskCompletions.status, 'failed')));
    for (const r of rows) add(r.id, r.key);
    const picks = await db
      .select({ id: drawPicks.participantId, verification: drawPicks.verification })
      .from(drawPicks)
      .where(and(inArray(drawPicks.participantId, part), isNotNull(drawPicks.verification)));
    for (const p of picks) {
      const v = p.verification as { ok?: boolean; checks?: { taskKey?: string; ok?: boolean }[] } | null;
      if (v?.ok !== false) continue;
      const keys = (v.checks ?? []).filter((c) => c.ok === false).map((c) => c.taskKey ?? '?');
      for (const key of keys.length > 0 ? keys : ['?']) add(p.id, key);
    }
  }
  return new Map([...failed].map(([id, keys]) => [id, [...keys].sort()]));
}

/** What the office shows beside a flag, so the brand sees why it was raised (only the flags that have details). */
export interface EntryFlagWhy {
  deactivated?: { state: string };
  referral_burst?: ReferralBurst;
  verification_failed?: { tasks: string[] };
}

/**
 * Each entrant's flags (in `ENTRY_FLAGS` order) and why they were raised. `vkChecked` is false when VK could not
 * answer: the page flags are then missing, not cleared.
 * @example const { flags } = await entryFlags(deps, entrants); flags.get(participantId) // ['no_photo']
 */
export async function entryFlags(
  deps: Pick<Deps, 'db' | 'config' | 'vk'>,
  entrants: readonly Entrant[],
): Promise<{ flags: Map<number, EntryFlag[]>; why: Map<number, EntryFlagWhy>; vkChecked: boolean }> {
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
  const why = new Map<number, EntryFlagWhy>();
  for (const e of entrants) {
    const page = e.platform === 'vk' ? pages.get(e.userId) : undefined;
    const raised: Record<EntryFlag, boolean> = {
      deactivated: page?.deactivated != null,
      no_photo: page !== undefined && page.deactivated == null && !page.hasPhoto,
      closed_profile: page?.isClosed === true,
      referral_burst: bursts.has(e.participantId),
      verification_failed: failed.has(e.participantId),
    };
    const burst = bursts.get(e.participantId);
    const tasks = failed.get(e.participantId);
    why.set(e.participantId, {
      ...(page?.deactivated != null ? { deactivated: { state: page.deactivated } } : {}),
      ...(burst ? { referral_burst: burst } : {}),
      ...(tasks ? { verification_failed: { tasks } } : {}),
    });
    flags.set(
      e.participantId,
      ENTRY_FLAGS.filter((f) => raised[f]),
    );
  }
  return { flags, why, vkChecked };
}
