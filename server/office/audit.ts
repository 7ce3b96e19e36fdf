/**
 * @module The office audit log's one writer. Every back-office write calls `recordAudit` with the transaction that
 * makes the change, so the entry commits or rolls back with it (server/db/schema/office.ts).
 */
import type { Identity } from '../auth/identity.ts';
import type { Section } from '../auth/permissions.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';

export interface AuditEntry {
  actor: Identity;
  brandId: number | null;
  /** The section the write needed; `agency` for the agency's own acts (server/office/agency/). */
  section: Section | 'agency';
  /** `entity.verb`, e.g. `campaign.create`, `campaign.publish`, `pool.import`. */
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.officeAudit).values({
    brandId: entry.brandId,
    actorPlatform: entry.actor.platform,
    actorUserId: entry.actor.userId,
    section: entry.section,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
