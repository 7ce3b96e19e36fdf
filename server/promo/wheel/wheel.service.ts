/**
 * @module The wheel mechanic: an instant win over weighted sectors (prizes plus a lose sector). The published odds
 * are the draw's weights; a drawn prize that is sold out, over its per-day cap or already won by this participant
 * becomes a loss with that reason (never a different prize). Attempt, draw, issue and events share one transaction.
 */
import { randomInt } from 'node:crypto';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { type DbOrTx, recordEvent } from '../../funnel/record-event.ts';
import { ApiError } from '../../http/errors.ts';
import { loadCampaign, requireParticipant, requireRunning } from '../promo-context.ts';
import { findGrant, issueReward, type RewardRow, unavailability } from '../rewards/issue-reward.ts';
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

export function wheelPrizes(db: DbOrTx, campaignId: number): RewardRow[] {
  return campaignRewards(db, campaignId).filter((r) => (r.unlock as { wheel?: boolean }).wheel === true);
}

export function sectors(prizes: RewardRow[], wheel: WheelSettings): Sector[] {
  const total = prizes.reduce((s, p) => s + p.weight, 0) + wheel.loseWeight;
  const odds = (w: number) => (total === 0 ? 0 : w / total);
  return [
    ...prizes.map((p) => ({ key: p.key, label: p.title, rewardKey: p.key, weight: p.weight, odds: odds(p.weight) })),
    { key: 'lose', label: wheel.loseLabel, rewardKey: null, weight: wheel.loseWeight, odds: odds(wheel.loseWeight) },
  ];
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
  outcome: 'win' | 'lose';
  /** When a prize sector was drawn but could not be given. */
  lossReason: 'sold_out' | 'daily_cap' | 'already_won' | null;
  prize: GrantView | null;
  attempts: AttemptsState;
}

/**
 * Spends one attempt and draws.
 * @example spinWheel(deps, identity, 3) // { outcome: 'lose', sector: { key: 'lose', ... }, ... }
 */
export function spinWheel(deps: Deps, identity: Identity, campaignId: number): SpinResult {
  const { db } = deps;
  const at = deps.now();
  const campaign = loadCampaign(db, identity, campaignId);
  const wheel = wheelSettingsOf(campaign);
  requireRunning(campaign, at);
  const participant = requireParticipant(db, campaign.id, identity);
  const who = { campaignId: campaign.id, participantId: participant.id };
  const random = deps.random ?? cryptoRandom;
  return db.transaction((tx) => {
    const before = attemptsState(tx, campaign, wheel, participant.id, at);
    if (before.next === 'daily_limit') throw new ApiError(409, 'daily_limit', 'No more attempts today');
    if (before.next === 'none_left')
      throw new ApiError(409, 'no_attempts', 'No attempts left; complete tasks for more');
    const prizes = wheelPrizes(tx, campaign.id);
    const sector = drawSector(sectors(prizes, wheel), random);
    const reward = prizes.find((p) => p.key === sector.rewardKey);
    let lossReason: SpinResult['lossReason'] = null;
    let prize: GrantView | null = null;
    if (reward) {
      lossReason = findGrant(tx, participant.id, reward.id) ? 'already_won' : unavailability(tx, reward, before.day);
      if (!lossReason) {
        const issued = issueReward(tx, { ...who, reward, source: 'wheel', day: before.day, at });
        if (issued.status === 'issued' || issued.status === 'already_issued') prize = grantView(issued.grant, reward);
        else lossReason = issued.status;
      }
    }
    tx.insert(schema.wheelAttempts)
      .values({
        participantId: participant.id,
        day: before.day,
        kind: before.next as 'free' | 'bonus',
        rewardId: prize && reward ? reward.id : null,
        lossReason,
        at,
      })
      .run();
    recordEvent(tx, {
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
      recordEvent(tx, { ...who, type: 'sold_out_seen', at, data: { reward: sector.rewardKey, reason: lossReason } });
    }
    return {
      sector,
      outcome: prize ? ('win' as const) : ('lose' as const),
      lossReason,
      prize,
      attempts: attemptsState(tx, campaign, wheel, participant.id, at),
    };
  });
}

export function wheelView(db: DbOrTx, campaign: CampaignRow, participantId: number | undefined, at: number) {
  const wheel = wheelSettingsOf(campaign);
  return {
    sectors: sectors(wheelPrizes(db, campaign.id), wheel),
    resetHour: wheel.resetHour,
    attempts: participantId === undefined ? null : attemptsState(db, campaign, wheel, participantId, at),
  };
}
