/** @module Funnel rules as the brand sets them up: created against the campaign's stages, switched on and off. */
import { eq } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { MessageChannel, RuleVariant } from '../db/schema/messaging.ts';
import { inTransaction } from '../db/transactions.ts';
import { ApiError } from '../http/errors.ts';
import type { RuleRow } from './rule-evaluation.ts';

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
  holdoutPercent?: number;
  quietFromHour?: number;
  quietToHour?: number;
}

export async function createRule(db: Db, campaignId: number, r: NewRule): Promise<RuleRow> {
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
  if (r.channel === 'notification' && r.variants.some((v) => v.text.length > 254)) {
    issues.push({ path: 'variants', message: 'notification texts are at most 254 characters' });
  }
  if (issues.length > 0) throw new ApiError(422, 'invalid_rule', 'The rule does not fit the campaign', issues);
  const rows = await inTransaction(db, (tx) =>
    tx
      .insert(messageRules)
      .values({
        campaignId,
        name: r.name,
        stage: r.stage,
        notStage: r.notStage,
        minHours: r.minHours,
        maxHours: r.maxHours ?? null,
        channel: r.channel,
        intent: r.intent ?? 'non_promo_newsletter',
        variants: r.variants,
        holdoutPercent: r.holdoutPercent ?? 0,
        quietFromHour: r.quietFromHour ?? 22,
        quietToHour: r.quietToHour ?? 9,
      })
      .returning(),
  );
  return inserted(rows);
}

export async function setRuleActive(db: Db, ruleId: number, active: boolean): Promise<RuleRow> {
  const [row] = await inTransaction(db, (tx) =>
    tx.update(messageRules).set({ active }).where(eq(messageRules.id, ruleId)).returning(),
  );
  if (!row) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
  return row;
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
export async function setFrequencyCap(db: Db, vkGroupId: number, capCount: number, capHours: number): Promise<void> {
  await inTransaction(db, (tx) =>
    tx
      .insert(messagingSettings)
      .values({ vkGroupId, capCount, capHours })
      .onConflictDoUpdate({ target: messagingSettings.vkGroupId, set: { capCount, capHours } }),
  );
}
