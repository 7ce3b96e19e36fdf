/**
 * @module The wheel mechanic: an instant win over weighted sectors (prizes plus a lose sector). Each participant's
 * wheel holds only the prizes they can still win right now (not already theirs, not sold out, not over today's
 * cap); the others leave the wheel, listed with the reason, and the odds shown are the weights of what remains.
 * The draw is made on that same wheel inside the spin's transaction, so where the wheel stops is what is granted.
 * Attempt, draw, issue and events share one transaction.
 */
import { randomInt } from 'node:crypto';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type ContentLanguage, columnText } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import { type Db, schema } from '../../db/client.ts';
import { lockParticipant, lockStock } from '../../db/row-locks.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { ApiError } from '../../http/errors.ts';
import { usesCalendar, winByCalendar } from '../calendar/calendar-play.ts';
import { campaignDay, nextDayStart } from '../campaign-day.ts';
import { loadCampaign, requireParticipant, requireRunning } from '../promo-context.ts';
import { issueReward, mayWinAgain, type RewardRow, unavailability } from '../rewards/issue-reward.ts';
import { campaignRewards, type GrantView, grantView } from '../rewards/reward.service.ts';
import { parseCampaignSettings, type WheelSettings } from '../settings.ts';
import { type AttemptsState, attemptsState } from './wheel-attempts.ts';

export const cryptoRandom = (): number => randomInt(0, 2 ** 47) / 2 ** 47;

export interface Sector {
  key: string;
  label: string;
  rewardKey: string | null;
  weight: number;
  /** Chance of landing here, 0..1. */
  odds: number;
}

export function wheelSettingsOf(campaign: CampaignRow): WheelSettings {
  const wheel = campaign.mechanic === 'wheel' ? parseCampaignSettings(campaign.settings).wheel : undefined;
  if (!wheel) throw new ApiError(409, 'wrong_mechanic', 'This campaign has no wheel');
  return wheel;
}

const isWheelPrize = (r: RewardRow): boolean => (r.unlock as { wheel?: boolean }).wheel === true;

export async function wheelPrizes(db: Db, campaignId: number): Promise<RewardRow[]> {
  return (await campaignRewards(db, campaignId)).filter(isWheelPrize);
}

/** A prize that is not on this participant's wheel, and why. */
export interface ExcludedSector {
  key: string;
  label: string;
  reason: 'already_won' | 'sold_out' | 'daily_cap';
}

/**
 * The sectors of the given prizes plus the lose sector, with odds over exactly these sectors. A sector of weight 0
 * can never be landed on, so it is not drawn on the wheel.
 */
export function sectors(
  prizes: RewardRow[],
  wheel: WheelSettings,
  language: ContentLanguage,
  byCalendar = false,
): Sector[] {
  const weighted = prizes.filter((p) => p.weight > 0);
  // Under the prize calendar the weights decide nothing: every prize left and losing are on the wheel, so a spin stops
  // on the sector of what it gave (a weight-0 prize won by a moment used to stop on the first sector drawn).
  const shown = byCalendar ? prizes : weighted;
  const total = weighted.reduce((s, p) => s + p.weight, 0) + wheel.loseWeight;
  // With nothing weighted left (no lose weight, every prize gone) the wheel is a sure loss, and says so.
  const loseWeight = total === 0 ? 1 : wheel.loseWeight;
  const sum = total === 0 ? 1 : total;
  const label = resolveText(wheel.loseLabel, language);
  const lose = { key: 'lose', label, rewardKey: null, weight: loseWeight, odds: loseWeight / sum };
  return [
    ...shown.map((p) => ({
      key: p.key,
      label: columnText(p, 'title', language),
      rewardKey: p.key,
      weight: p.weight,
      odds: p.weight / sum,
    })),
    ...(loseWeight > 0 || byCalendar ? [lose] : []),
  ];
}

/**
 * This participant's wheel now: prizes they can still win, and those taken off it with the reason.
 * @example (await participantWheel(db, campaign, wheel, 7, '2026-06-01', 'ru')).excluded // [{ key: 'wheel5', reason: 'already_won', … }]
 */
export async function participantWheel(
  db: Db,
  campaign: CampaignRow,
  wheel: WheelSettings,
  participantId: number | undefined,
  day: string,
  language: ContentLanguage,
  /** The campaign's rewards when the caller has them (the office preview's come from an unsaved document). */
  rewards?: readonly RewardRow[],
): Promise<{ sectors: Sector[]; excluded: ExcludedSector[]; prizes: RewardRow[] }> {
  const winnable: RewardRow[] = [];
  const excluded: ExcludedSector[] = [];
  const prizes = rewards ? rewards.filter(isWheelPrize) : await wheelPrizes(db, campaign.id);
  for (const prize of prizes) {
    const reason =
      participantId !== undefined && !(await mayWinAgain(db, participantId, prize))
        ? 'already_won'
        : await unavailability(db, prize, day);
    if (reason) excluded.push({ key: prize.key, label: columnText(prize, 'title', language), reason });
    else winnable.push(prize);
  }
  return { sectors: sectors(winnable, wheel, language, usesCalendar(campaign.settings)), excluded, prizes: winnable };
}

/** The sector of a prize won by the calendar (a weight-0 prize is not drawn on the wheel, so it gets its own). */
function sectorOf(all: Sector[], reward: RewardRow, language: ContentLanguage): Sector {
  const label = columnText(reward, 'title', language);
  return (
    all.find((s) => s.rewardKey === reward.key) ?? { key: reward.key, label, rewardKey: reward.key, weight: 0, odds: 0 }
  );
}

/** The lose sector, also when the odds left none (a wheel with lose weight 0 under the calendar still loses). */
function loseSectorOf(all: Sector[], wheel: WheelSettings, language: ContentLanguage): Sector {
  const label = resolveText(wheel.loseLabel, language);
  return all.find((s) => s.rewardKey === null) ?? { key: 'lose', label, rewardKey: null, weight: 0, odds: 0 };
}

/** Picks a sector by weight with `random()` in [0, 1). */
export function drawSector(all: Sector[], random: () => number): Sector {
  const total = all.reduce((s, x) => s + x.weight, 0);
  let point = random() * total;
  for (const s of all) {
    if (point < s.weight) return s;
    point -= s.weight;
  }
  return all.at(-1) as Sector;
}

export interface SpinResult {
  sector: Sector;
  /** The wheel the draw was made on: `sector` is one of these, and the client turns this wheel. */
  sectors: Sector[];
  outcome: 'win' | 'lose';
  /** Kept for older clients; null, since only winnable prizes are on the wheel. */
  lossReason: 'sold_out' | 'daily_cap' | 'already_won' | null;
  prize: GrantView | null;
  attempts: AttemptsState;
}

/**
 * Spends one attempt and draws.
 * @example await spinWheel(deps, identity, 3) // { outcome: 'lose', sector: { key: 'lose', ... }, ... }
 */
export async function spinWheel(deps: Deps, identity: Identity, campaignId: number): Promise<SpinResult> {
  const { db } = deps;
  const at = deps.now();
  const campaign = await loadCampaign(deps, identity, campaignId);
  const wheel = wheelSettingsOf(campaign);
  requireRunning(campaign, at);
  const participant = await requireParticipant(db, campaign.id, identity);
  const who = { campaignId: campaign.id, participantId: participant.id };
  const random = deps.random ?? cryptoRandom;
  return inTransaction(
    db,
    async (tx): Promise<SpinResult> => {
      // The spinner's row, then every prize whose stock may be counted, before reading attempts and what is left
      // (row-locks.ts): the prize drawn below stays winnable until COMMIT.
      await lockParticipant(tx, participant.id);
      const prizes = await wheelPrizes(tx, campaign.id);
      await lockStock(tx, prizes);
      const before = await attemptsState(tx, campaign, wheel, participant.id, at);
      if (before.next === 'daily_limit') throw new ApiError(409, 'daily_limit', 'No more attempts today');
      if (before.next === 'none_left')
        throw new ApiError(409, 'no_attempts', 'No attempts left; complete tasks for more');
      const own = await participantWheel(tx, campaign, wheel, participant.id, before.day, identity.language, prizes);
      let lossReason: SpinResult['lossReason'] = null;
      let unavailableKey: string | null = null;
      let prize: GrantView | null = null;
      let sector: Sector;
      let reward: RewardRow | undefined;
      if (usesCalendar(campaign.settings)) {
        // The prize calendar decides (server/promo/calendar/); the wheel stops on the prize won, or on a loss.
        const won = await winByCalendar(tx, { ...who, prizes: own.prizes, source: 'wheel', day: before.day, at });
        reward = won?.reward;
        sector = won
          ? sectorOf(own.sectors, won.reward, identity.language)
          : loseSectorOf(own.sectors, wheel, identity.language);
        if (won) prize = grantView(won.grant, won.reward, identity.language);
      } else {
        sector = drawSector(own.sectors, random);
        reward = own.prizes.find((p) => p.key === sector.rewardKey);
      }
      if (reward && !prize) {
        const issued = await issueReward(tx, {
          ...who,
          reward,
          source: 'wheel',
          day: before.day,
          at,
          stages: campaign.stages,
          repeatable: true,
        });
        if (issued.status === 'issued') prize = grantView(issued.grant, reward, identity.language);
        else {
          // Checked winnable in this transaction, yet its code can still be gone: on PostgreSQL another spin holds the
          // pool's last free codes until it commits (takeFreeCode skips them), and a tester takes from the sandbox
          // pool, which may be empty. The spin is a loss, sold out — not an error.
          lossReason = issued.status === 'daily_cap' ? 'daily_cap' : 'sold_out';
          unavailableKey = reward.key;
          sector = loseSectorOf(own.sectors, wheel, identity.language);
          reward = undefined;
        }
      }
      await tx.insert(schema.wheelAttempts).values({
        participantId: participant.id,
        day: before.day,
        kind: before.next as 'free' | 'bonus',
        rewardId: prize && reward ? reward.id : null,
        lossReason,
        at,
      });
      await recordEvent(tx, {
        ...who,
        type: 'attempt',
        at,
        data: {
          sector: sector.key,
          outcome: prize ? 'win' : 'lose',
          kind: before.next,
          ...(lossReason ? { lossReason } : {}),
        },
      });
      if (lossReason === 'sold_out' || lossReason === 'daily_cap') {
        await recordEvent(tx, {
          ...who,
          type: 'sold_out_seen',
          at,
          data: { reward: unavailableKey ?? sector.rewardKey, reason: lossReason },
        });
      }
      return {
        sector,
        sectors: own.sectors,
        outcome: prize ? 'win' : 'lose',
        lossReason,
        prize,
        attempts: await attemptsState(tx, campaign, wheel, participant.id, at),
      };
    },
    { explicitLocks: true },
  );
}

export async function wheelView(
  db: Db,
  campaign: CampaignRow,
  participantId: number | undefined,
  at: number,
  language: ContentLanguage,
  rewards?: readonly RewardRow[],
) {
  const wheel = wheelSettingsOf(campaign);
  const own = await participantWheel(
    db,
    campaign,
    wheel,
    participantId,
    campaignDay(at, campaign.timeZone, wheel.resetHour),
    language,
    rewards,
  );
  return {
    sectors: own.sectors,
    excluded: own.excluded,
    resetHour: wheel.resetHour,
    decidedBy: usesCalendar(campaign.settings) ? ('calendar' as const) : ('odds' as const),
    attempts: participantId === undefined ? null : await attemptsState(db, campaign, wheel, participantId, at),
    nextFreeAt: nextFreeAttemptAt(campaign, wheel, at),
  };
}

/**
 * When the next day's free attempts arrive, or null when none will (no free attempts, or the campaign ends first):
 * with none left now, the participant is told when to come back rather than only to do tasks, which on OK or
 * Telegram may all be VK-only.
 */
function nextFreeAttemptAt(campaign: CampaignRow, wheel: WheelSettings, at: number): number | null {
  const reset = nextDayStart(at, campaign.timeZone, wheel.resetHour);
  return wheel.dailyFreeAttempts > 0 && reset < campaign.endsAt ? reset : null;
}
