/**
 * @module The pack-code mechanic: a participant types the code printed in a product pack. Each valid, unused code of
 * the campaign's entry pool (`settings.packCode.poolKey`) is one play, once ever across all users: the code is marked
 * used by a conditional UPDATE and the play row has a unique index on the code, in the play's transaction. The play
 * wins by the prize calendar or by the odds (`settings.instantWin.mode`); stock, daily caps and one grant per prize
 * per participant apply either way. Wrong codes (unknown, or used by someone else) count against `code_attempt`.
 * The same participant sending their own code again (a retry) gets the first answer back.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { lockParticipant, lockStock } from '../../db/row-locks.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { ApiError } from '../../http/errors.ts';
import { usesCalendar, winByCalendar, winnablePrizes } from '../calendar/calendar-play.ts';
import { campaignDay } from '../campaign-day.ts';
import { loadCampaign, requireParticipant, requireRunning, resetHourOf } from '../promo-context.ts';
import { type GrantRow, issueReward, type RewardRow } from '../rewards/issue-reward.ts';
import { campaignRewards, type GrantView, grantView } from '../rewards/reward.service.ts';
import { type PackCodeSettings, parseCampaignSettings, StoredRewardUnlockSchema } from '../settings.ts';
import { checkCodeAttempts, countWrongCode } from './code-attempts.ts';

export interface CodePlayResult {
  outcome: 'win' | 'lose';
  prize: GrantView | null;
  playedAt: number;
  /** True when this code was already played by this participant and the first answer is returned. */
  repeated: boolean;
}

const cryptoRandom = (): number => randomInt(0, 2 ** 47) / 2 ** 47;

/** The campaign's pack-code settings, or 409 when it is another mechanic. */
export function packCodeOf(campaign: CampaignRow): PackCodeSettings {
  const packCode = campaign.mechanic === 'code' ? parseCampaignSettings(campaign.settings).packCode : undefined;
  if (!packCode) throw new ApiError(409, 'wrong_mechanic', 'This campaign has no pack-code game');
  return packCode;
}

/** A code as printed: surrounding spaces ignored, case-insensitive (pool codes are stored upper-case). */
export const normaliseCode = (raw: string): string => raw.trim().toUpperCase();

/** Prizes of the pack-code game (`unlock: { code: true }`). */
export async function codePrizes(db: Db, campaignId: number): Promise<RewardRow[]> {
  return (await campaignRewards(db, campaignId)).filter((r) => {
    const unlock = StoredRewardUnlockSchema.safeParse(r.unlock);
    return unlock.success && 'code' in unlock.data;
  });
}

/** Picks a prize by weight against the lose weight, or null (a loss). */
export function drawByOdds(prizes: readonly RewardRow[], loseWeight: number, random: () => number): RewardRow | null {
  const weighted = prizes.filter((p) => p.weight > 0);
  const total = weighted.reduce((s, p) => s + p.weight, 0) + loseWeight;
  if (total === 0) return null;
  let point = random() * total;
  for (const p of weighted) {
    if (point < p.weight) return p;
    point -= p.weight;
  }
  return null;
}

type Spent =
  | { kind: 'unknown' | 'used' }
  | { kind: 'played'; reward: RewardRow | null; grant: GrantRow | null; at: number; repeated: boolean };

/** The code row of this campaign's entry pool, if the code is one of it. */
async function entryCode(tx: Tx, campaignId: number, poolKey: string, code: string) {
  const [row] = await tx
    .select({ id: schema.poolCodes.id })
    .from(schema.poolCodes)
    .innerJoin(schema.codePools, eq(schema.codePools.id, schema.poolCodes.poolId))
    .where(
      and(
        eq(schema.codePools.campaignId, campaignId),
        eq(schema.codePools.key, poolKey),
        eq(schema.codePools.purpose, 'entry'),
        eq(schema.poolCodes.code, code),
      ),
    )
    .limit(1);
  return row;
}

/** The earlier play of a code by this participant, with what it won. */
async function ownEarlierPlay(tx: Tx, poolCodeId: number, participantId: number): Promise<Spent> {
  const [play] = await tx
    .select()
    .from(schema.codePlays)
    .where(and(eq(schema.codePlays.poolCodeId, poolCodeId), eq(schema.codePlays.participantId, participantId)))
    .limit(1);
  if (!play) return { kind: 'used' };
  const [grant] = play.grantId
    ? await tx.select().from(schema.grants).where(eq(schema.grants.id, play.grantId)).limit(1)
    : [];
  const [reward] = play.rewardId
    ? await tx.select().from(schema.rewards).where(eq(schema.rewards.id, play.rewardId)).limit(1)
    : [];
  return { kind: 'played', reward: reward ?? null, grant: grant ?? null, at: play.at, repeated: true };
}

/**
 * Plays one pack code.
 * @example await playCode(deps, identity, 5, 'PACK-7Q2X') // { outcome: 'win', prize: { rewardKey: 'mug', … }, … }
 */
export async function playCode(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  raw: string,
): Promise<CodePlayResult> {
  const { db } = deps;
  const at = deps.now();
  const campaign = await loadCampaign(deps, identity, campaignId);
  const packCode = packCodeOf(campaign);
  requireRunning(campaign, at);
  const participant = await requireParticipant(db, campaign.id, identity);
  await checkCodeAttempts(deps, identity);
  const code = normaliseCode(raw);
  const who = { campaignId: campaign.id, participantId: participant.id };
  const day = campaignDay(at, campaign.timeZone, resetHourOf(campaign));
  const calendar = usesCalendar(campaign.settings);
  const random = deps.random ?? cryptoRandom;
  const spent = await inTransaction(
    db,
    async (tx): Promise<Spent> => {
      // The player's row, then every prize whose stock may be counted, then the entry code (row-locks.ts' order).
      await lockParticipant(tx, participant.id);
      const candidates = await codePrizes(tx, campaign.id);
      await lockStock(tx, candidates);
      const row = await entryCode(tx, campaign.id, packCode.poolKey, code);
      if (!row) return { kind: 'unknown' };
      const [taken] = await tx
        .update(schema.poolCodes)
        .set({ participantId: participant.id, usedAt: at })
        .where(and(eq(schema.poolCodes.id, row.id), isNull(schema.poolCodes.usedAt)))
        .returning({ id: schema.poolCodes.id });
      if (!taken) return ownEarlierPlay(tx, row.id, participant.id);
      const prizes = await winnablePrizes(tx, candidates, participant.id, day);
      const play = { ...who, source: 'code' as const, day, at, stages: campaign.stages, repeatable: true };
      let won: { reward: RewardRow; grant: GrantRow } | null = null;
      if (calendar) {
        won = await winByCalendar(tx, { ...play, prizes });
      } else {
        const reward = drawByOdds(prizes, packCode.loseWeight, random);
        const issued = reward ? await issueReward(tx, { ...play, reward }) : undefined;
        // Drawn among prizes checked winnable here, yet a code can still be gone (as in winByCalendar): a loss.
        if (reward && issued?.status === 'issued') won = { reward, grant: issued.grant };
      }
      inserted(
        await tx
          .insert(schema.codePlays)
          .values({ ...who, poolCodeId: row.id, rewardId: won?.reward.id ?? null, grantId: won?.grant.id ?? null, at })
          .returning({ id: schema.codePlays.id }),
      );
      await recordEvent(
        tx,
        { ...who, type: 'attempt', at, data: { mechanic: 'code', outcome: won ? 'win' : 'lose' } },
        campaign.stages,
      );
      return { kind: 'played', reward: won?.reward ?? null, grant: won?.grant ?? null, at, repeated: false };
    },
    { explicitLocks: true },
  );
  if (spent.kind !== 'played') {
    await countWrongCode(deps, identity);
    if (spent.kind === 'used') throw new ApiError(409, 'code_used', 'This code has already been played');
    throw new ApiError(404, 'code_unknown', 'No such code in this promotion; check it and try again');
  }
  const prize = spent.reward && spent.grant ? grantView(spent.grant, spent.reward, identity.language) : null;
  return { outcome: prize ? 'win' : 'lose', prize, playedAt: spent.at, repeated: spent.repeated };
}

/** This participant's plays, latest first, for the pack-code screen. */
export async function codePlays(deps: Deps, identity: Identity, campaignId: number) {
  const campaign = await loadCampaign(deps, identity, campaignId);
  packCodeOf(campaign);
  const participant = await requireParticipant(deps.db, campaign.id, identity);
  const rows = await deps.db
    .select({ at: schema.codePlays.at, grant: schema.grants, reward: schema.rewards })
    .from(schema.codePlays)
    .leftJoin(schema.grants, eq(schema.grants.id, schema.codePlays.grantId))
    .leftJoin(schema.rewards, eq(schema.rewards.id, schema.codePlays.rewardId))
    .where(eq(schema.codePlays.participantId, participant.id))
    .orderBy(asc(schema.codePlays.id));
  return {
    mode: usesCalendar(campaign.settings) ? ('calendar' as const) : ('odds' as const),
    plays: rows.reverse().map((r) => ({
      playedAt: r.at,
      outcome: r.grant ? ('win' as const) : ('lose' as const),
      prize: r.grant && r.reward ? grantView(r.grant, r.reward, identity.language) : null,
    })),
  };
}
