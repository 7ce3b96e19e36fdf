/**
 * @module The office's key for one "generate" of the prize calendar (http/client-key.ts `ClientKey`, made per
 * composed request by the calendar screen), so a double click or a retry after a lost answer is the generation
 * already made instead of a second draw of the same moments. A generation writes many moments and no row of its own,
 * so the keyed ones are kept in `calendar_generations` (unique per campaign and key) with the request and the answer;
 * looked up inside the writing transaction, as broadcasts do (decision 059): on SQLite the one writer orders two
 * generations of one key, on PostgreSQL SERIALIZABLE fails the second and it runs again, finding the first.
 */
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../../canonical-json.ts';
import { schema } from '../../db/client.ts';
import type { CalendarGenerationRequest } from '../../db/schema/promo.ts';
import type { Tx } from '../../db/transactions.ts';
import { reused } from '../../http/client-key.ts';

const { calendarGenerations } = schema;

/** What a generation answers: moments drawn and the window (UTC ms) they were drawn over. */
export interface Generated {
  created: number;
  from: number;
  to: number;
}

/** The request as the member composed it (the key aside), as stored and compared. */
const asked = (r: CalendarGenerationRequest): CalendarGenerationRequest => ({
  mode: r.mode,
  rewards: r.rewards.map((p) => ({ rewardKey: p.rewardKey, count: p.count })),
  from: r.from,
  to: r.to,
});

/**
 * What an earlier generation of this key answered in the campaign (undefined: none, draw now). The key sent with
 * another mode, prizes, counts or window is a 409 `client_key_reused`.
 * @example const earlier = await generatedWithKey(tx, campaignId, request, clientKey);
 */
export async function generatedWithKey(
  tx: Tx,
  campaignId: number,
  request: CalendarGenerationRequest,
  clientKey: string,
): Promise<Generated | undefined> {
  const [row] = await tx
    .select()
    .from(calendarGenerations)
    .where(and(eq(calendarGenerations.campaignId, campaignId), eq(calendarGenerations.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  if (canonicalJson(asked(row.request)) !== canonicalJson(asked(request))) throw reused();
  return { created: row.created, from: row.fromAt, to: row.toAt };
}

/** Keeps a keyed generation's request and answer, in the transaction that wrote its moments. */
export async function keepGeneration(
  tx: Tx,
  campaignId: number,
  request: CalendarGenerationRequest,
  clientKey: string,
  answer: Generated,
): Promise<void> {
  await tx.insert(calendarGenerations).values({
    campaignId,
    clientKey,
    request: asked(request),
    created: answer.created,
    fromAt: answer.from,
    toAt: answer.to,
  });
}
