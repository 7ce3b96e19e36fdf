/**
 * @module Evaluating a funnel rule: participants who reached stage A but not stage B, for at least N hours (at most
 * M), in a live campaign, get one message (variant by a stable hash) or, in the holdout share, a recorded nothing.
 * Users without consent are skipped, the community's per-user frequency cap is respected (they are reconsidered
 * later), and during quiet hours the row waits until they end. The candidate scan is the participants' stage index.
 */
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { campaignPhase } from '../campaigns/campaign.service.ts';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { hasConsent } from './consent.ts';
import { contentLanguage, messageText } from './message-language.ts';
import { type AppTarget, campaignAppTarget } from './open-app-button.ts';
import { enqueue, type OutboxDraft, recentRuleMessages } from './outbox.ts';
import { taggedParticipantIds } from './participant-tags.ts';
import { quietEnd } from './quiet-hours.ts';
import { bucketOf } from './stable-split.ts';

const { participants, campaigns, messageRules, messagingSettings, outbox, brands } = schema;
const HOUR = 3_600_000;

export type RuleRow = typeof messageRules.$inferSelect;

export interface RuleRunResult {
  ruleId: number;
  candidates: number;
  queued: number;
  holdout: number;
  already: number;
  noConsent: number;
  capped: number;
  /** When quiet hours delayed the queued rows, the moment they become due. */
  delayedUntil?: number;
  skipped?: 'campaign_not_live' | 'rule_inactive' | 'bad_stages' | 'no_community';
}

/** A rule's open_app / fragment deep link and keyboard are built by the caller (the bot knows keyboards). */
export type Decorate = (
  rule: RuleRow,
  variant: { key: string; text: string; fragment?: string },
  language: ContentLanguage,
  /** The campaign's community and VK app, which its `open_app` button opens. */
  target: AppTarget,
) => OutboxDraft['extras'];

/**
 * Runs one rule: in a transaction that writes its outbox rows, or (`dryRun`) as reads only, counting who it would reach.
 * @example const result = await evaluateRule(db, rule, Date.now(), ruleDecorator(deps));
 */
export async function evaluateRule(
  db: Db,
  rule: RuleRow,
  now: number,
  decorate: Decorate,
  dryRun = false,
): Promise<RuleRunResult> {
  const result: RuleRunResult = {
    ruleId: rule.id,
    candidates: 0,
    queued: 0,
    holdout: 0,
    already: 0,
    noConsent: 0,
    capped: 0,
  };
  if (!rule.active) return { ...result, skipped: 'rule_inactive' };
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, rule.campaignId)).limit(1);
  if (!campaign || campaignPhase(campaign, now) !== 'running') return { ...result, skipped: 'campaign_not_live' };
  const from = campaign.stages.indexOf(rule.stage);
  const to = campaign.stages.indexOf(rule.notStage);
  if (from < 0 || to <= from) return { ...result, skipped: 'bad_stages' };
  const target = await campaignAppTarget(db, campaign.id);
  if (!target) return { ...result, skipped: 'no_community' };
  const { groupId } = target;
  const [stored] = await db.select().from(messagingSettings).where(eq(messagingSettings.vkGroupId, groupId)).limit(1);
  const settings = stored ?? { capCount: 1, capHours: 24 };
  const due = quietEnd(now, campaign.timeZone, rule.quietFromHour, rule.quietToHour);
  if (due > now) result.delayedUntil = due;

  const run = async (tx: Db | Tx): Promise<RuleRunResult> => {
    // Written together at the end, so rows with the same text share peer_ids calls.
    const drafts: OutboxDraft[] = [];
    for (const stage of campaign.stages.slice(from, to)) {
      const rows = await tx
        .select({ id: participants.id, platformUserId: participants.platformUserId, language: participants.language })
        .from(participants)
        .where(
          and(
            eq(participants.campaignId, campaign.id),
            eq(participants.stage, stage),
            lte(participants.stageReachedAt, now - rule.minHours * HOUR),
            rule.maxHours === null ? undefined : gte(participants.stageReachedAt, now - rule.maxHours * HOUR),
            eq(participants.platform, 'vk'),
            ...segmentFilter(tx, rule.segment),
          ),
        );
      for (const p of rows) {
        const vkUserId = Number(p.platformUserId);
        if (!Number.isSafeInteger(vkUserId)) continue;
        result.candidates += 1;
        const dedupeKey = `rule:${rule.id}:${p.id}`;
        const [queuedBefore] = await tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(eq(outbox.dedupeKey, dedupeKey))
          .limit(1);
        if (queuedBefore) {
          result.already += 1;
          continue;
        }
        if (rule.channel === 'message' && !(await hasConsent(tx, groupId, vkUserId, 'message'))) {
          result.noConsent += 1;
          continue;
        }
        const inHoldout = bucketOf(100, 'holdout', rule.id, vkUserId) < rule.holdoutPercent;
        if (
          !inHoldout &&
          (await recentRuleMessages(tx, groupId, vkUserId, now - settings.capHours * HOUR)) >= settings.capCount
        ) {
          result.capped += 1;
          continue;
        }
        const variant = rule.variants[bucketOf(rule.variants.length, 'variant', rule.id, vkUserId)] ?? rule.variants[0];
        if (!variant) continue;
        if (inHoldout) result.holdout += 1;
        else result.queued += 1;
        const language = contentLanguage(p.language);
        drafts.push({
          dedupeKey,
          kind: 'rule',
          ruleId: rule.id,
          campaignId: campaign.id,
          participantId: p.id,
          vkGroupId: groupId,
          vkUserId,
          channel: rule.channel,
          variant: inHoldout ? 'holdout' : variant.key,
          text: messageText(variant.text, variant.texts, language),
          extras: { ...decorate(rule, variant, language, target), intent: rule.intent },
          status: inHoldout ? 'holdout' : 'queued',
          nextAttemptAt: due,
        });
      }
    }
    if (!dryRun) await enqueue(tx, drafts, now);
    return result;
  };
  // The dry run only reads; a real run decides and writes in one transaction, so two passes never both count a
  // user under the cap (the dedupe key alone already keeps a rule from enqueueing twice).
  return dryRun ? run(db) : inTransaction(db, run);
}

/** The rule's audience beyond its stages: launch source, any of the tags, languages. */
function segmentFilter(tx: Db | Tx, segment: RuleRow['segment']) {
  const where = [];
  if (segment.source) where.push(eq(participants.source, segment.source));
  if (segment.tags && segment.tags.length > 0)
    where.push(inArray(participants.id, taggedParticipantIds(tx, segment.tags)));
  if (segment.languages && segment.languages.length > 0) where.push(inArray(participants.language, segment.languages));
  return where;
}

/** Every active rule of live campaigns. */
export async function evaluateAllRules(db: Db, now: number, decorate: Decorate): Promise<RuleRunResult[]> {
  // A brand its agency switched off sends nothing; its rules wait, so switching it on finds its stuck users again.
  const rules = (
    await db
      .select({ rule: messageRules })
      .from(messageRules)
      .innerJoin(campaigns, eq(campaigns.id, messageRules.campaignId))
      .innerJoin(brands, eq(brands.id, campaigns.brandId))
      .where(and(eq(messageRules.active, true), isNull(brands.disabledAt)))
  ).map((r) => r.rule);
  const results: RuleRunResult[] = [];
  for (const r of rules) results.push(await evaluateRule(db, r, now, decorate));
  return results;
}
