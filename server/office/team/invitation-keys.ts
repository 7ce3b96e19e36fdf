/**
 * @module The office's key for one "invite" click (http/client-key.ts `ClientKey`, made per composed invitation by the
 * team screen), so a double click or a retry after a lost answer is the invitation already made, with the same link,
 * instead of a second live link. The link's token is kept only as a hash, so a repeat could not show the first's
 * token again: a keyed invitation's token is derived from the key instead (decision 061), an HMAC under a key from the
 * server's secrets used for nothing else, over the agency, the member and their key. The same key gives the same token
 * and so the same `token_hash`, whose unique index already holds one row per token; nobody without the server's
 * secret can compute it. Looked up inside the writing transaction, as broadcasts do (decision 059).
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { Config } from '../../config.ts';
import { schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { reused } from '../../http/client-key.ts';

const { invitations } = schema;
type InvitationRow = typeof invitations.$inferSelect;

/** The token of the invitation `actor` makes in `agencyId` with `clientKey`: as long and as random as a drawn one. */
export function keyedInvitationToken(
  config: Pick<Config, 'SECRETS_KEY' | 'VK_APP_SECRET'>,
  agencyId: number,
  actor: Identity,
  clientKey: string,
): string {
  const root = config.SECRETS_KEY ?? Buffer.from(config.VK_APP_SECRET, 'utf8');
  const key = createHmac('sha256', root).update('office-invitation-token/v1').digest();
  const mac = createHmac('sha256', key).update(`${agencyId}:${actor.platform}:${actor.userId}:${clientKey}`).digest();
  return mac.subarray(0, 24).toString('base64url');
}

/** What the member composed, as the invitation's row stores it (the lifetime, not the moment it ends). */
export interface ComposedInvitation {
  agencyId: number;
  brandId: number | null;
  role: InvitationRow['role'];
  sections: string[];
  platform: InvitationRow['platform'];
  platformUserId: string | null;
  lifetimeMs: number;
  createdBy: Identity;
}

const composed = (row: InvitationRow) =>
  JSON.stringify([
    row.agencyId,
    row.brandId,
    row.role,
    row.sections,
    row.platform,
    row.platformUserId,
    row.expiresAt - row.createdAt,
    row.createdByPlatform,
    row.createdByUserId,
  ]);

/**
 * The invitation an earlier click with this key made (undefined: none, make it now), found by its token's hash. The
 * key sent with another invitation is a 409 `client_key_reused`.
 * @example const earlier = await invitationMadeWithKey(tx, hashToken(token), sent);
 */
export async function invitationMadeWithKey(
  tx: Tx,
  tokenHash: string,
  sent: ComposedInvitation,
): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  if (!row) return undefined;
  const asSent = {
    ...row,
    ...sent,
    expiresAt: row.createdAt + sent.lifetimeMs,
    createdByPlatform: sent.createdBy.platform,
    createdByUserId: sent.createdBy.userId,
  };
  if (composed(row) !== composed(asSent)) throw reused();
  return row;
}
