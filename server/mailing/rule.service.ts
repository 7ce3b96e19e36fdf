/** @module Funnel rules as the brand sets them up: created and edited against the campaign's stages, switched on and off. */
import { and, eq } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { MessageChannel, RuleSegment, RuleVariant } from '../db/schema/messaging.ts';
import { inTransaction } from '../db/transactions.ts';
import { withoutClientKey } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { changesNothing, setChangesNothing } from '../office/audit.ts';
import { nextSavedAt, SavedMeanwhileError } from '../office/one-save-per-copy.ts';
import { auditMailing, type MailingActor } from './mailing-audit.ts';
import { notificationLengthIssues } from './notification-text.ts';
import type { RuleRow } from './rule-evaluation.ts';
import { type RuleColumns, ruleCreatedWithKey } from './rule-keys.ts';

const { messageRules, campaigns, messagingSettings } = schema;

export interface NewRule {
  name: string;
  stage: string;
  notStage: string;
  minHours: number;
  maxHours?: number | null;
  channel: MessageChannel;
  intent?: string;
  variants: RuleVariant[];
  segment?: RuleSegment;
  holdoutPercent?: number;
  quietFromHour?: number;
  quietToHour?: number;
  /** The office's key for this composed rule (rule-keys.ts): a repeat is the rule it created. */
  clientKey?: string | undefined;
}

/** The rule's settings as its columns store them, defaults filled: from what was sent alone, the campaign aside. */
function ruleColumns(campaignId: number, r: NewRule): RuleColumns {
  return {
    campaignId,
    name: r.name,
    stage: r.stage,
    notStage: r.notStage,
    minHours: r.minHours,
    maxHours: r.maxHours ?? null,
    channel: r.channel,
    intent: r.intent ?? 'non_promo_newsletter',
    variants: r.variants,
    segment: r.segment ?? {},
    holdoutPercent: r.holdoutPercent ?? 0,
    quietFromHour: r.quietFromHour ?? 22,
    quietToHour: r.quietToHour ?? 9,
  };
}

/** Checks the rule against the campaign (stages in order, unique variants, notification length): a 422 with fields. */
async function checkedRule(db: Db, campaignId: number, r: NewRule) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  const a = campaign.stages.indexOf(r.stage);
  const b = campaign.stages.indexOf(r.notStage);
  const issues = [];
  if (a < 0) issues.push({ path: 'stage', message: `not one of ${campaign.stages.join(', ')}` });
  if (b < 0) issues.push({ path: 'notStage', message: `not one of ${campaign.stages.join(', ')}` });
  else if (a >= 0 && b <= a) issues.push({ path: 'notStage', message: 'must come after stage' });
  if (r.maxHours != null && r.maxHours < r.minHours) issues.push({ path: 'maxHours', message: 'must be ≥ minHours' });
  if (new Set(r.variants.map((v) => v.key)).size !== r.variants.length) {
    issues.push({ path: 'variants', message: 'variant keys must be unique' });
  }
  if (r.channel === 'notification') {
    const texts = r.variants.flatMap((v, i): [string, string | undefined][] => [
      [`variants.${i}.text`, v.text],
      ...Object.entries(v.texts ?? {}).map(([l, t]): [string, string | undefined] => [`variants.${i}.texts.${l}`, t]),
    ]);
    issues.push(...notificationLengthIssues(texts));
  }
  if (issues.length > 0) throw new ApiError(422, 'invalid_rule', 'The rule does not fit the campaign', issues);
  return ruleColumns(campaignId, r);
}

/**
 * The rule an earlier create of this key wrote (undefined: none, or no key), asked before anything that judges a new
 * rule (decision 079): a retry after the screen its link opens was removed is that rule, not a 422.
 */
export async function ruleSentBefore(db: Db, campaignId: number, r: NewRule): Promise<RuleRow | undefined> {
  const { clientKey } = r;
  if (!clientKey) return undefined;
  return inTransaction(db, (tx) => ruleCreatedWithKey(tx, ruleColumns(campaignId, r), clientKey));
}

export async function createRule(
  db: Db,
  campaignId: number,
  r: NewRule,
  who: MailingActor,
  now: number,
): Promise<RuleRow> {
  const values = await checkedRule(db, campaignId, r);
  return inTransaction(db, async (tx) => {
    const earlier = r.clientKey ? await ruleCreatedWithKey(tx, values, r.clientKey) : undefined;
    if (earlier) return earlier;
    const rule = inserted(
      await tx
        .insert(messageRules)
        .values({ ...values, clientKey: r.clientKey ?? null, updatedAt: now })
        .returning(),
    );
    await auditMailing(tx, who, {
      action: 'rule.create',
      entity: 'rule',
      entityId: rule.id,
      after: withoutClientKey(rule),
    });
    return rule;
  });
}

/**
 * Replaces a rule's settings if they are still the copy the edit was made on (`savedAt`), else 409 `saved_meanwhile`
 * and nothing written; outbox rows already written keep the text they were written with. Switching a rule on or off
 * is not an edit of its settings and does not make an open editor's copy stale.
 */
export async function updateRule(
  db: Db,
  ruleId: number,
  r: NewRule & { savedAt: number },
  who: MailingActor,
  now: number,
): Promise<RuleRow> {
  const before = await getRule(db, ruleId);
  const values = await checkedRule(db, before.campaignId, r);
  return inTransaction(db, async (tx) => {
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current.
    const [current] = await tx.select().from(messageRules).where(eq(messageRules.id, ruleId)).limit(1);
    if (current && current.updatedAt === r.savedAt && setChangesNothing(current, values)) return current;
    // The check is in the UPDATE itself: a concurrent save of the same copy waits for this row and then matches nothing.
    const [rule] = await tx
      .update(messageRules)
      .set({ ...values, updatedAt: nextSavedAt(now, r.savedAt) })
      .where(and(eq(messageRules.id, ruleId), eq(messageRules.updatedAt, r.savedAt)))
      .returning();
    if (!rule) throw new SavedMeanwhileError('rule');
    await auditMailing(tx, who, {
      action: 'rule.update',
      entity: 'rule',
      entityId: ruleId,
      before: withoutClientKey(before),
      after: withoutClientKey(rule),
    });
    return rule;
  });
}

export async function setRuleActive(db: Db, ruleId: number, active: boolean, who: MailingActor): Promise<RuleRow> {
  return inTransaction(db, async (tx) => {
    const [was] = await tx.select().from(messageRules).where(eq(messageRules.id, ruleId)).limit(1);
    if (!was) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
    if (changesNothing({ active: was.active }, { active })) return was;
    const [row] = await tx.update(messageRules).set({ active }).where(eq(messageRules.id, ruleId)).returning();
    if (!row) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
    await auditMailing(tx, who, {
      action: active ? 'rule.enable' : 'rule.disable',
      entity: 'rule',
      entityId: ruleId,
      before: { active: was.active },
      after: { active: row.active },
    });
    return row;
  });
}

export async function getRule(db: Db, ruleId: number): Promise<RuleRow> {
  const [row] = await db.select().from(messageRules).where(eq(messageRules.id, ruleId)).limit(1);
  if (!row) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
  return row;
}

export async function campaignRules(db: Db, campaignId: number): Promise<RuleRow[]> {
  return db.select().from(messageRules).where(eq(messageRules.campaignId, campaignId)).orderBy(messageRules.id);
}

/** The community's per-user cap on rule messages (default: 1 per 24 hours). */
export async function frequencyCap(db: Db, vkGroupId: number): Promise<{ capCount: number; capHours: number }> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.vkGroupId, vkGroupId)).limit(1);
  return { capCount: row?.capCount ?? 1, capHours: row?.capHours ?? 24 };
}

export async function setFrequencyCap(
  db: Db,
  vkGroupId: number,
  capCount: number,
  capHours: number,
  who: MailingActor,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await frequencyCap(tx, vkGroupId);
    if (changesNothing(before, { capCount, capHours })) return;
    await tx
      .insert(messagingSettings)
      .values({ vkGroupId, capCount, capHours })
      .onConflictDoUpdate({ target: messagingSettings.vkGroupId, set: { capCount, capHours } });
    await auditMailing(tx, who, {
      action: 'frequency_cap.set',
      entity: 'community',
      entityId: vkGroupId,
      before,
      after: { capCount, capHours },
    });
  });
}
