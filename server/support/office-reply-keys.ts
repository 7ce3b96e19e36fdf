/**
 * @module The office's key for one composed reply (http/client-key.ts `ClientKey`, made per text by the office's
 * thread, miniapp/api/client-key.ts), so a reply whose answer was lost can be sent again without answering twice.
 * Stored in the message's `external_key` (unique on both databases) as `office:<ticket>:<key>:<digest>`, the digest
 * being of the text the agent composed: the stored body has `{name}`, `{code}`, `{campaign}` filled, and a fill may
 * differ between two sends (a name VK now spells otherwise, a newer code), so the body cannot tell whether the agent
 * sent the same text. The same key and text again is the first reply; the same key with another text is a 409
 * `client_key_reused`, as on the participant's side (ticket-keys.ts). Kept in the key rather than in a column of its
 * own: no migration, and the key's unique index still writes one reply per key and text.
 */
import { createHash } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import { reused } from '../http/client-key.ts';
import type { TicketMessageRow } from './ticket.service.ts';

const { ticketMessages } = schema;

/** The office's key of a reply and the text the agent composed (variables not filled). */
export interface OfficeReplyKey {
  clientKey: string;
  composed: string;
}

/** `office:<ticket>:<key>`: how a reply's key was stored before its text's digest was (an older reply, its text unknown). */
const keyOnly = (ticketId: number, clientKey: string) => `office:${ticketId}:${clientKey}`;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);

/** The `external_key` of an office reply. */
export const officeReplyKey = (ticketId: number, key: OfficeReplyKey) =>
  `${keyOnly(ticketId, key.clientKey)}:${digest(key.composed)}`;

/**
 * The reply an earlier send of this key wrote in the ticket (undefined: none, write it now); the key with another
 * composed text is a 409. The `ClientKey` shape has no `:`, so the prefix names one key.
 */
export async function officeReplyWithKey(
  tx: Tx,
  ticketId: number,
  key: OfficeReplyKey,
): Promise<TicketMessageRow | undefined> {
  const prefix = `${keyOnly(ticketId, key.clientKey)}:`;
  const [found] = await tx
    .select()
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticketId),
        or(
          eq(ticketMessages.externalKey, keyOnly(ticketId, key.clientKey)),
          eq(sql`substr(${ticketMessages.externalKey}, 1, ${prefix.length})`, prefix),
        ),
      ),
    )
    .limit(1);
  if (!found) return undefined;
  if (found.externalKey !== keyOnly(ticketId, key.clientKey) && found.externalKey !== officeReplyKey(ticketId, key)) {
    throw reused();
  }
  return found;
}
