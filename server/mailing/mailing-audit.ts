/**
 * @module Who changes the mailings, for the office audit log: every mailing write (rule, broadcast, frequency cap, tag)
 * records an entry with section `mailings` in the transaction that makes the change (server/office/audit.ts).
 */
import type { Identity } from '../auth/identity.ts';
import type { Tx } from '../db/transactions.ts';
import { recordAudit } from '../office/audit.ts';

/** The member making a mailing change and the brand it belongs to. */
export interface MailingActor {
  actor: Identity;
  brandId: number;
}

export function auditMailing(
  tx: Tx,
  who: MailingActor,
  change: { action: string; entity: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(tx, { actor: who.actor, brandId: who.brandId, section: 'mailings', ...change });
}
