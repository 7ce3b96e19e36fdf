/**
 * @module The office's key for one composed broadcast (http/client-key.ts `ClientKey`, made per composition by the
 * mailing page), so a Send whose answer was lost, or a second click before the first answered, is the broadcast
 * already written instead of a second one messaging every subscriber again. Stored in `broadcasts.client_key`, unique
 * per campaign; looked up inside the writing transaction: on SQLite the one writer orders two sends of one key, on
 * PostgreSQL SERIALIZABLE fails the second (its read saw no row the first then wrote) and it runs again, finding it.
 */
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../canonical-json.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import { reused } from '../http/client-key.ts';
import type { BroadcastRow, NewBroadcast } from './broadcast.service.ts';

const { broadcasts } = schema;

/**
 * What the member composed, as the broadcast's columns store it: written by `createBroadcast`, compared here (the
 * moment is left out: a "send now" repeated has another now).
 */
export const composedColumns = (b: NewBroadcast) => ({
  name: b.name,
  segment: { ...b.segment, campaignId: b.campaignId },
  channel: b.channel,
  intent: b.intent ?? ('non_promo_newsletter' as const),
  text: b.text,
  texts: b.texts ?? {},
  fragment: b.fragment ?? null,
  targetStage: b.targetStage ?? null,
});

const stored = (row: BroadcastRow): ReturnType<typeof composedColumns> => ({
  name: row.name,
  segment: row.segment,
  channel: row.channel,
  intent: row.intent,
  text: row.text,
  texts: row.texts,
  fragment: row.fragment,
  targetStage: row.targetStage,
});

/**
 * The broadcast an earlier send of this key wrote (undefined: none, write it now). The key sent with another
 * broadcast is a 409 `client_key_reused`.
 * @example const earlier = b.clientKey ? await broadcastSentWithKey(tx, b, b.clientKey) : undefined;
 */
export async function broadcastSentWithKey(
  tx: Tx,
  sent: NewBroadcast,
  clientKey: string,
): Promise<BroadcastRow | undefined> {
  const [row] = await tx
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.campaignId, sent.campaignId), eq(broadcasts.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  if (canonicalJson(stored(row)) !== canonicalJson(composedColumns(sent))) throw reused();
  return row;
}
