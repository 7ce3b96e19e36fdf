/**
 * @module The office's key for one composed funnel rule (http/client-key.ts `ClientKey`, made per composition by the
 * rule editor), so a Save whose answer was lost, or a second click before the first answered, is the rule already
 * created instead of a second one messaging the same stuck people. Stored in `message_rules.client_key`, unique per
 * campaign; looked up inside the writing transaction, as broadcasts do (decision 059): on SQLite the one writer orders
 * two creates of one key, on PostgreSQL SERIALIZABLE fails the second and it runs again, finding the first.
 */
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../canonical-json.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import { reused } from '../http/client-key.ts';
import { createdAs } from '../office/audit.ts';
import type { RuleRow } from './rule-evaluation.ts';

const { messageRules } = schema;

/** A rule's settings as its columns store them (what `createRule` writes, defaults filled). */
export type RuleColumns = Pick<
  RuleRow,
  | 'campaignId'
  | 'name'
  | 'stage'
  | 'notStage'
  | 'minHours'
  | 'maxHours'
  | 'channel'
  | 'intent'
  | 'variants'
  | 'segment'
  | 'holdoutPercent'
  | 'quietFromHour'
  | 'quietToHour'
>;

const settingsOf = (r: RuleColumns): RuleColumns => ({
  campaignId: r.campaignId,
  name: r.name,
  stage: r.stage,
  notStage: r.notStage,
  minHours: r.minHours,
  maxHours: r.maxHours,
  channel: r.channel,
  intent: r.intent,
  variants: r.variants,
  segment: r.segment,
  holdoutPercent: r.holdoutPercent,
  quietFromHour: r.quietFromHour,
  quietToHour: r.quietToHour,
});

/**
 * The rule an earlier create of this key wrote in the campaign (undefined: none, write it now). The key sent with other
 * settings is a 409 `client_key_reused`.
 * @example const earlier = r.clientKey ? await ruleCreatedWithKey(tx, values, r.clientKey) : undefined;
 */
export async function ruleCreatedWithKey(tx: Tx, sent: RuleColumns, clientKey: string): Promise<RuleRow | undefined> {
  const [row] = await tx
    .select()
    .from(messageRules)
    .where(and(eq(messageRules.campaignId, sent.campaignId), eq(messageRules.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  // What the create wrote, not what an edit since left (decision 098).
  const made = (await createdAs<RuleColumns>(tx, 'rule.create', 'rule', row.id)) ?? row;
  if (canonicalJson(settingsOf(made)) !== canonicalJson(settingsOf(sent))) throw reused();
  return row;
}
