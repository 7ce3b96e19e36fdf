/**
 * @module The office audit log's one writer. Every back-office write calls `recordAudit` with the transaction that
 * makes the change, so the entry commits or rolls back with it (server/db/schema/office.ts).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import type { Section } from '../auth/permissions.ts';
import { canonicalJson } from '../canonical-json.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';

/**
 * Where an entry belongs: a brand (its agency is looked up with the insert), or, with `brandId: null`, the agency as
 * a whole, which must then be named: an agency-level row without its agency would be read by nobody.
 */
export type AuditPlace = { brandId: number } | { brandId: number | null; agencyId: number };

export type AuditEntry = AuditPlace & {
  actor: Identity;
  /** The section the write needed; `agency` for the agency's own acts (server/office/agency/). */
  section: Section | 'agency';
  /** `entity.verb`, e.g. `campaign.create`, `campaign.publish`, `pool.import`. */
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Whether an edit leaves what the audit records of its entity as it was. The log is a record of changes: an edit
 * that changes nothing writes nothing and records nothing, and answers the state as it stands. Call it inside the
 * edit's transaction, on the row read there: on PostgreSQL (SERIALIZABLE) a same-value edit that raced one which
 * changed the row is re-run and then finds it already so, as the next one queued on SQLite's writer does.
 * @example if (changesNothing({ active: was.active }, { active })) return was;
 */
export function changesNothing(before: unknown, after: unknown): boolean {
  return canonicalJson(before) === canonicalJson(after);
}

/**
 * Whether writing `set` onto `row` would leave the row as it is (the columns `set` names only): an edit's save that
 * changes nothing but its copy's time.
 * @example if (before.updatedAt === savedAt && setChangesNothing(before, { title, bodyRu })) return before;
 */
export function setChangesNothing(row: object, set: object): boolean {
  const now = row as Record<string, unknown>;
  return changesNothing(Object.fromEntries(Object.keys(set).map((k) => [k, now[k]])), set);
}

/**
 * What a create recorded of its entity (the `after` of its audit row, written in the create's own transaction): what a
 * keyed create's retry is compared with, so an edit made since does not turn the retry into a 409 `client_key_reused`
 * (decision 098). Undefined when the log holds no such row; the caller then compares with the row as it stands.
 * @example const made = (await createdAs<{ name: string }>(tx, 'brand.create', 'brand', row.id)) ?? row;
 */
export async function createdAs<T>(
  tx: Tx,
  action: string,
  entity: string,
  entityId: string | number,
): Promise<T | undefined> {
  const { officeAudit } = schema;
  const [row] = await tx
    .select({ after: officeAudit.after })
    .from(officeAudit)
    .where(
      and(eq(officeAudit.entity, entity), eq(officeAudit.entityId, String(entityId)), eq(officeAudit.action, action)),
    )
    .orderBy(asc(officeAudit.id))
    .limit(1);
  return (row?.after ?? undefined) as T | undefined;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const { brands } = schema;
  await tx.insert(schema.officeAudit).values({
    brandId: entry.brandId,
    // A brand row takes its agency from the brand in the same statement (one source of truth, no extra round trip).
    agencyId:
      entry.brandId !== null
        ? sql`(${tx.select({ agencyId: brands.agencyId }).from(brands).where(eq(brands.id, entry.brandId))})`
        : 'agencyId' in entry
          ? entry.agencyId
          : null,
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
