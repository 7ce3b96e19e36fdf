/**
 * @module A brand's canned answers: ready replies in Russian (and optionally English) the desk inserts into the reply
 * box in one tap; their `{name}`, `{code}`, `{campaign}` are filled on the server when the reply is sent
 * (canned-variables.ts). Every write is audited in its transaction.
 */
import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { Tx } from '../db/transactions.ts';
import { ClientKey, reused } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { visibleText } from '../http/text-fields.ts';
import { createdAs, recordAudit, setChangesNothing } from '../office/audit.ts';
import { nextSavedAt, SavedAtField, SavedMeanwhileError } from '../office/one-save-per-copy.ts';

const { cannedAnswers } = schema;
export type CannedRow = typeof cannedAnswers.$inferSelect;

export const CannedInputSchema = z
  .object({
    title: visibleText(80),
    bodyRu: visibleText(4000),
    bodyEn: visibleText(4000).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('CannedAnswerInput');
export type CannedInput = z.infer<typeof CannedInputSchema>;
/** A new one: the fields and, optionally, the office's key for this Add (a repeat is the answer it wrote). */
export const CannedNewSchema = CannedInputSchema.extend({ clientKey: ClientKey.optional() }).openapi('CannedAnswerNew');
export type CannedNew = z.infer<typeof CannedNewSchema>;
/** An edit: the fields and the `updatedAt` of the copy it was made on (../office/one-save-per-copy.ts). */
export const CannedEditSchema = CannedInputSchema.extend({ savedAt: SavedAtField }).openapi('CannedAnswerEdit');
export type CannedEdit = z.infer<typeof CannedEditSchema>;

export const CannedSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    bodyRu: z.string(),
    bodyEn: z.string().nullable(),
    position: z.number().int(),
    /** When it was last saved (ms): an edit sends it back as `savedAt`. */
    updatedAt: z.number().int(),
  })
  .openapi('CannedAnswer');

export const publicCanned = (c: CannedRow) => ({
  id: c.id,
  title: c.title,
  bodyRu: c.bodyRu,
  bodyEn: c.bodyEn,
  position: c.position,
  updatedAt: c.updatedAt,
});

/**
 * Titles as a Russian reader alphabetises them: digits by value ("2" before "10"), case aside, Cyrillic before Latin.
 * Compared here, not in SQL: SQLite's BINARY and PostgreSQL's collation order case and Cyrillic differently.
 */
const byTitle = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * The brand's canned answers in the order the desk reads them: a position set through the API first, then by title
 * (the office's form sets none, so for it, by title), then the older first. Before, the order they were added in,
 * which nobody chose and the office cannot change.
 */
export async function listCanned(db: Db, brandId: number): Promise<CannedRow[]> {
  const rows = await db.select().from(cannedAnswers).where(eq(cannedAnswers.brandId, brandId));
  return rows.sort((a, b) => a.position - b.position || byTitle.compare(a.title, b.title) || a.id - b.id);
}

async function cannedOf(tx: Tx, brandId: number, id: number): Promise<CannedRow> {
  const [row] = await tx
    .select()
    .from(cannedAnswers)
    .where(and(eq(cannedAnswers.id, id), eq(cannedAnswers.brandId, brandId)))
    .limit(1);
  if (!row) throw new ApiError(404, 'canned_not_found', `Canned answer ${id} does not exist`);
  return row;
}

const audit = (
  tx: Tx,
  actor: Identity,
  brandId: number,
  verb: string,
  id: number,
  before?: CannedRow,
  after?: CannedRow,
) =>
  recordAudit(tx, {
    actor,
    brandId,
    section: 'support',
    action: `canned.${verb}`,
    entity: 'canned_answer',
    entityId: id,
    before: before && publicCanned(before),
    after: after && publicCanned(after),
  });

/**
 * The answer an earlier Add with this key wrote in the brand (undefined: none, write it now); the key sent with other
 * fields than that Add had is a 409 `client_key_reused`, an edit since is not (decision 098). Looked up in the writing
 * transaction, as broadcasts do (decision 059).
 */
async function cannedAddedWithKey(tx: Tx, brandId: number, input: CannedNew, clientKey: string) {
  const [row] = await tx
    .select()
    .from(cannedAnswers)
    .where(and(eq(cannedAnswers.brandId, brandId), eq(cannedAnswers.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  const made = (await createdAs<ReturnType<typeof publicCanned>>(tx, 'canned.create', 'canned_answer', row.id)) ?? row;
  const same =
    made.title === input.title &&
    made.bodyRu === input.bodyRu &&
    made.bodyEn === (input.bodyEn ?? null) &&
    made.position === (input.position ?? 0);
  if (!same) throw reused();
  return row;
}

export async function createCanned(tx: Tx, actor: Identity, brandId: number, input: CannedNew, at: number) {
  const earlier = input.clientKey && (await cannedAddedWithKey(tx, brandId, input, input.clientKey));
  if (earlier) return earlier;
  const row = inserted(
    await tx
      .insert(cannedAnswers)
      .values({
        brandId,
        title: input.title,
        bodyRu: input.bodyRu,
        bodyEn: input.bodyEn ?? null,
        position: input.position ?? 0,
        clientKey: input.clientKey ?? null,
        updatedAt: at,
      })
      .returning(),
  );
  await audit(tx, actor, brandId, 'create', row.id, undefined, row);
  return row;
}

/** Replaces a canned answer if it is still the copy the edit was made on; else 409 `saved_meanwhile`, nothing written. */
export async function updateCanned(
  tx: Tx,
  actor: Identity,
  brandId: number,
  id: number,
  input: CannedEdit,
  at: number,
) {
  const before = await cannedOf(tx, brandId, id);
  const set = {
    title: input.title,
    bodyRu: input.bodyRu,
    bodyEn: input.bodyEn ?? null,
    position: input.position ?? before.position,
  };
  // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current.
  if (before.updatedAt === input.savedAt && setChangesNothing(before, set)) return before;
  // The check is in the UPDATE itself: a concurrent save of the same copy waits for this row and then matches nothing.
  const [after] = await tx
    .update(cannedAnswers)
    .set({ ...set, updatedAt: nextSavedAt(at, input.savedAt) })
    .where(and(eq(cannedAnswers.id, id), eq(cannedAnswers.updatedAt, input.savedAt)))
    .returning();
  if (!after) throw new SavedMeanwhileError('canned answer');
  await audit(tx, actor, brandId, 'update', id, before, after);
  return after;
}

export async function deleteCanned(tx: Tx, actor: Identity, brandId: number, id: number): Promise<void> {
  const before = await cannedOf(tx, brandId, id);
  await tx.delete(cannedAnswers).where(eq(cannedAnswers.id, id));
  await audit(tx, actor, brandId, 'delete', id, before);
}
