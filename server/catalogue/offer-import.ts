/**
 * @module Importing a campaign's catalogue (office, section `campaigns`): parse the CSV or YML feed, then in ONE
 * transaction upsert the categories, add new offers, update changed ones in place by the retailer's id, end the active
 * ones the file no longer lists, notify category subscribers of the added ones (./category-alerts.ts), and audit it.
 * Lines with problems are reported and skipped; an offer whose line was refused is left as it was (not ended). A file
 * with no usable offer writes nothing (422), so a broken feed can never end the whole catalogue.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { officeCampaignFor } from '../calculator/calculator-office.service.ts';
import { schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ApiError, payloadTooLarge } from '../http/errors.ts';
import { recordAudit } from '../office/audit.ts';
import { alertSubscribers } from './category-alerts.ts';
import type { ImportIssue, OfferInput } from './offer-fields.ts';
import { type ParsedCatalogue, parseOffersCsv } from './offers-csv.ts';
import { parseOffersYml } from './offers-yml.ts';

export const IMPORT_FORMATS = ['csv', 'yml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Largest feed accepted, in characters (the HTTP body limit of the route is the same in bytes). */
export const MAX_FEED_CHARS = 8 * 1024 * 1024;

export interface ImportReport {
  format: ImportFormat;
  categories: number;
  added: number;
  updated: number;
  unchanged: number;
  ended: number;
  /** Notifications queued for category subscribers. */
  notified: number;
  issues: ImportIssue[];
  /** A CSV's header cells naming no column we know, as written: imported without their data. */
  ignoredColumns: string[];
}

const FIELDS = [
  'title',
  'description',
  'imageUrl',
  'oldPrice',
  'price',
  'discountPercent',
  'currency',
  'startsOn',
  'endsOn',
  'categoryExternalId',
  'region',
  'howToUse',
  'url',
] as const satisfies readonly (keyof OfferInput)[];

type OfferRow = typeof schema.offers.$inferSelect;
const changed = (row: OfferRow, offer: OfferInput) =>
  row.status !== 'active' || FIELDS.some((f) => (row[f] ?? null) !== (offer[f] ?? null));

/** Sort-of-stable order for the report: by line, then by offer id. */
const byPlace = (a: ImportIssue, b: ImportIssue) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.offerId ?? '').localeCompare(b.offerId ?? '');

/** A refused feed's problems as the 422's issues: `line N` or `offer ID` as the path, with the stable code. */
export const feedIssues = (issues: readonly ImportIssue[]) =>
  issues.slice(0, 200).map((i) => ({
    path: i.line !== undefined ? `line ${i.line}` : `offer ${i.offerId}`,
    message: i.message,
    code: i.code,
    params: {
      ...i.params,
      ...(i.line !== undefined ? { line: i.line } : {}),
      ...(i.offerId ? { offerId: i.offerId } : {}),
    },
  }));

export function parseCatalogue(format: ImportFormat, content: string): ParsedCatalogue {
  if (content.length > MAX_FEED_CHARS) {
    throw payloadTooLarge('characters', MAX_FEED_CHARS, `A catalogue import is at most ${MAX_FEED_CHARS} characters`);
  }
  return format === 'csv' ? parseOffersCsv(content) : parseOffersYml(content);
}

async function writeCatalogue(tx: Tx, campaignId: number, parsed: ParsedCatalogue, now: number) {
  for (const c of parsed.categories) {
    const values = { name: c.name, parentExternalId: c.parentExternalId, updatedAt: now };
    await tx
      .insert(schema.offerCategories)
      .values({ campaignId, externalId: c.externalId, ...values })
      .onConflictDoUpdate({
        target: [schema.offerCategories.campaignId, schema.offerCategories.externalId],
        set: values,
      });
  }
  const existing = new Map(
    (await tx.select().from(schema.offers).where(eq(schema.offers.campaignId, campaignId))).map((r) => [
      r.externalId,
      r,
    ]),
  );
  const counts = { added: 0, updated: 0, unchanged: 0, ended: 0 };
  const added: { id: number; externalId: string; title: string; categoryExternalId: string | null }[] = [];
  const fresh: OfferInput[] = [];
  for (const offer of parsed.offers) {
    const row = existing.get(offer.externalId);
    if (!row) fresh.push(offer);
    else if (!changed(row, offer)) counts.unchanged++;
    else {
      const { externalId: _, ...values } = offer;
      await tx
        .update(schema.offers)
        .set({ ...values, status: 'active', endedAt: null, updatedAt: now })
        .where(eq(schema.offers.id, row.id));
      counts.updated++;
    }
  }
  for (let i = 0; i < fresh.length; i += 200) {
    const rows = await tx
      .insert(schema.offers)
      .values(fresh.slice(i, i + 200).map((o) => ({ ...o, campaignId, status: 'active' as const, updatedAt: now })))
      .returning({
        id: schema.offers.id,
        externalId: schema.offers.externalId,
        title: schema.offers.title,
        categoryExternalId: schema.offers.categoryExternalId,
      });
    added.push(...rows);
  }
  counts.added = fresh.length;
  const listed = new Set([...parsed.offers.map((o) => o.externalId), ...parsed.refusedIds]);
  const toEnd = [...existing.values()].filter((r) => r.status === 'active' && !listed.has(r.externalId));
  for (let i = 0; i < toEnd.length; i += 500) {
    const ids = toEnd.slice(i, i + 500).map((r) => r.id);
    await tx
      .update(schema.offers)
      .set({ status: 'ended', endedAt: now, updatedAt: now })
      .where(and(eq(schema.offers.campaignId, campaignId), inArray(schema.offers.id, ids)));
  }
  counts.ended = toEnd.length;
  return { counts, added };
}

/**
 * Imports a feed into the campaign's catalogue and answers the report.
 * @example await importCatalogue(deps, identity, 7, 'yml', feedText) // { added: 120, updated: 3, ended: 2, issues: [...] }
 */
export async function importCatalogue(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  format: ImportFormat,
  content: string,
): Promise<ImportReport> {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'campaigns');
  const parsed = parseCatalogue(format, content);
  const issues = parsed.issues.sort(byPlace);
  if (parsed.offers.length === 0) {
    // A misspelled column («Цна») is often why no offer was usable: a refusal names the columns not read too.
    const ignored = parsed.ignoredColumns.map(
      (cell): ImportIssue => ({
        line: 1,
        code: 'ignored_column',
        message: `The column ${JSON.stringify(cell)} is not one this import knows: its data was not read`,
        params: { column: JSON.stringify(cell) },
      }),
    );
    const refusal = feedIssues([...ignored, ...issues]);
    throw new ApiError(422, 'invalid_feed', 'The file has no usable offer; nothing was imported', refusal);
  }
  const now = deps.now();
  return await inTransaction(deps.db, async (tx) => {
    const { counts, added } = await writeCatalogue(tx, campaignId, parsed, now);
    const notified = await alertSubscribers(tx, deps, campaign, added, now);
    const report: ImportReport = {
      format,
      categories: parsed.categories.length,
      ...counts,
      notified,
      issues: issues.slice(0, 500),
      ignoredColumns: parsed.ignoredColumns,
    };
    const { issues: _, ...summary } = report;
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: 'offers.import',
      entity: 'campaign',
      entityId: campaignId,
      before: null,
      after: { ...summary, issues: issues.length },
    });
    return report;
  });
}
