/**
 * @module Opening a campaign: the first open of a running campaign creates the user's one participation
 * (unique per platform user and campaign, enforced by an index, so parallel opens cannot create two) and
 * attributes a referral; every open is an `opened` event. Also the rules-viewed fact.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { campaignPhase } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { findParticipant, loadCampaign, type ParticipantRow, requireRunning } from '../promo-context.ts';
import { carryOverMembership } from '../tasks/membership-carry-over.ts';
import { startParamSource } from './deep-link.ts';
import { creditReferrer, resolveReferrer } from './referrals.ts';

export interface OpenResult {
  participant: ParticipantRow;
  created: boolean;
}

const newReferralCode = () => randomBytes(6).toString('base64url');

/** Where the participant came from: VK's `vk_ref` placement as it is; Telegram's `start_param` without a friend's code. */
const launchSource = (identity: Identity): string | null =>
  identity.ref === undefined ? null : identity.platform === 'telegram' ? startParamSource(identity.ref) : identity.ref;

/**
 * Joins (first time, campaign running) or re-opens a campaign.
 * @example await openCampaign(deps, identity, 3, { ref: 'aZ3kQ9xY' })
 */
export async function openCampaign(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  input: { ref?: string },
): Promise<OpenResult> {
  const { db } = deps;
  const at = deps.now();
  const campaign = await loadCampaign(deps, identity, campaignId);
  const opened = await inTransaction(db, async (tx): Promise<OpenResult> => {
    const existing = await findParticipant(tx, campaign.id, identity);
    if (existing) {
      // The language follows the launch: a user who switched VK to English gets mailings in English from now on.
      await tx
        .update(schema.participants)
        .set({ lastSeenAt: at, language: identity.language })
        .where(eq(schema.participants.id, existing.id));
      await recordEvent(tx, { campaignId: campaign.id, participantId: existing.id, type: 'opened', at });
      return { participant: { ...existing, lastSeenAt: at, language: identity.language }, created: false };
    }
    requireRunning(campaign, at);
    const referredBy = await resolveReferrer(tx, campaign.id, input.ref, {
      platform: identity.platform,
      platformUserId: identity.userId,
    });
    const participant = inserted(
      await tx
        .insert(schema.participants)
        .values({
          campaignId: campaign.id,
          platform: identity.platform,
          platformUserId: identity.userId,
          stage: campaign.stages[0] ?? 'opened',
          stageIndex: 0,
          stageReachedAt: at,
          source: launchSource(identity),
          language: identity.language,
          referralCode: newReferralCode(),
          referredBy,
          // Seen early as a beta tester: kept out of statistics, deleted at the launch (server/office/beta/).
          isTester: campaign.betaTester,
          lastSeenAt: at,
        })
        .returning(),
    );
    await recordEvent(tx, {
      campaignId: campaign.id,
      participantId: participant.id,
      type: 'opened',
      at,
      data: { first: true, ...(referredBy ? { referredBy } : {}) },
    });
    if (referredBy) await creditReferrer(tx, campaign.id, referredBy, at);
    return { participant: { ...participant }, created: true };
  });
  // A membership verified in another campaign of the same community is not asked for again.
  if (campaignPhase(campaign, at) === 'running')
    await carryOverMembership(deps, identity, campaign, opened.participant);
  return opened;
}

export async function recordRulesViewed(deps: Deps, identity: Identity, campaignId: number): Promise<void> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  // Rules may be read before joining; the event is then anonymous (no participant).
  const participant = await findParticipant(deps.db, campaign.id, identity);
  await inTransaction(deps.db, (tx) =>
    recordEvent(tx, {
      campaignId: campaign.id,
      participantId: participant?.id ?? null,
      type: 'rules_viewed',
      at: deps.now(),
    }),
  );
}
