/**
 * @module The office's catalogue routes under `/api/admin/campaigns/{id}/offers` (section `campaigns`): import a CSV
 * or YML feed (one transaction; the answer is the import report) and list the offers with their status.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireIdentity } from '../auth/middleware.ts';
import { csvText } from '../http/csv-text.ts';
import { ApiError, fieldRefusal } from '../http/errors.ts';
import { officeRoute } from '../http/office-route.ts';
import { type AppEnv, newRouter } from '../http/router.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
import { CampaignParams, json } from '../promo/promo.schemas.ts';
import { officeOffers } from './catalogue-office.service.ts';
import { feedIssues, IMPORT_FORMATS, type ImportFormat, importCatalogue, MAX_FEED_CHARS } from './offer-import.ts';
import { replacementCharacterIssue, ymlText } from './yml-text.ts';

const errors = {
  ...authErrors,
  403: errorResponse('forbidden: no `campaigns` rights on this brand'),
  404: errorResponse('campaign_not_found'),
  409: errorResponse(
    'brand_switched_off: the import would alert subscribers while the agency has the brand switched off (nothing written)',
  ),
  413: errorResponse('payload_too_large: the feed is over 8 MB'),
  422: errorResponse(
    'invalid_input | invalid_feed: no usable offer, or two CSV columns meaning one (`repeated_column`); issues name ' +
      'the line or the offer; nothing was written',
  ),
} as const;
const tags = ['admin: catalogue'];

const IssueSchema = z
  .object({
    line: z.number().int().optional(),
    offerId: z.string().optional(),
    code: z.string(),
    message: z.string(),
    params: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'What the message names, as data: a bad cell its `field` (the API name) and `value` (as written, in JSON ' +
          'quotes), `too_long` its `max`, `discount_mismatch` `given` and `actual`, `bad_header` `needed` and `known`',
      ),
  })
  .openapi('CatalogueImportIssue');

export const ImportReportSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    categories: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    ended: z.number().int(),
    notified: z.number().int(),
    issues: z.array(IssueSchema),
    ignoredColumns: z
      .array(z.string())
      .describe("A CSV's header cells naming no column known, as written (at most 50): their data was not imported"),
  })
  .openapi('CatalogueImportReport');

export const OfficeOfferSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    title: z.string(),
    categoryExternalId: z.string().nullable(),
    region: z.string().nullable(),
    price: z.number().int().nullable(),
    oldPrice: z.number().int().nullable(),
    discountPercent: z.number().int().nullable(),
    currency: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    status: z.enum(['active', 'ended', 'scheduled', 'expired']),
    updatedAt: z.number().int(),
  })
  .openapi('OfficeOffer');

const importRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/{id}/offers/import',
  tags,
  summary:
    'Import the catalogue from CSV (header row: id,title,price,old_price,discount_percent,currency,starts_on,ends_on,' +
    'category_id,category,region,how_to_use,url,image_url,description, or in Russian: Артикул, Название, Цена, …) ' +
    "or a YML feed. A blank or absent currency is RUB (so are «руб.», «р.», «₽» and YML's RUR; any other that is no " +
    "3-letter code refuses that offer); in a YML feed, an offer without currencyId is in the shop's base currency " +
    '(`<currencies>`: rate="1", or the only one), and with no base while another currency is named it is refused ' +
    '(`no_currency`); a blank url or image_url is none: the offer shows no link or picture. ' +
    'Re-import updates by id and ends ' +
    'offers no longer listed; bad lines are reported and skipped. As JSON `{format, content}`, or a CSV file as ' +
    '`text/csv` (UTF-8 or Windows-1251, as Russian Excel saves it), or a YML file as `application/xml` or `text/xml` ' +
    "(read in the encoding its XML declaration names: UTF-8 or Windows-1251; any other is a 422). The JSON form's " +
    'content is text already decoded: a declaration in it is not read again (any encoding the client decoded is ' +
    'taken). In every form, text holding U+FFFD (a decoding gone wrong, in the client or before the file was saved) ' +
    'is a 422 `replacement_character` naming the line',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    body: {
      content: {
        'application/json': {
          schema: z.object({ format: z.enum(IMPORT_FORMATS), content: z.string().min(1).max(MAX_FEED_CHARS) }),
        },
        'text/csv': { schema: z.string().min(1) },
        'application/xml': { schema: z.string().min(1) },
        'text/xml': { schema: z.string().min(1) },
      },
      // Required in fact (feedOf); `true` here would make the JSON validator refuse every text/csv request.
      required: false,
    },
  },
  responses: {
    200: json(ImportReportSchema, 'The import report'),
    ...errors,
    415: errorResponse('Send text/csv, application/xml, text/xml or application/json'),
  },
});

/**
 * The feed from any body form, refused alike in each when its text holds U+FFFD (yml-text.ts): a decoding gone wrong
 * before it reached us is the same loss whether the client or a spreadsheet made it.
 */
async function feedOf(c: Context<AppEnv>, json: () => unknown): Promise<{ format: ImportFormat; content: string }> {
  const feed = await feedFromBody(c, json);
  const issue = replacementCharacterIssue(feed.content);
  if (issue) throw new ApiError(422, 'invalid_feed', issue.message, feedIssues([issue]));
  return feed;
}

/** The feed as sent; zod has checked the JSON form. A CSV file is read from its bytes (csv-text.ts), a YML file in
 * the encoding it declares (yml-text.ts). */
async function feedFromBody(
  c: Context<AppEnv>,
  json: () => unknown,
): Promise<{ format: ImportFormat; content: string }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('text/csv')) {
    const content = csvText(await c.req.arrayBuffer());
    // Named as the JSON form's field, as every 422 names one (errors.ts).
    if (content.trim() === '') throw fieldRefusal('invalid_input', 'content', 'The CSV is empty');
    return { format: 'csv', content };
  }
  if (type.startsWith('application/xml') || type.startsWith('text/xml')) {
    const read = ymlText(await c.req.arrayBuffer());
    if ('issue' in read) throw new ApiError(422, 'invalid_feed', read.issue.message, feedIssues([read.issue]));
    return { format: 'yml', content: read.text };
  }
  if (type.startsWith('application/json')) {
    // The route's schema has refused a JSON body without both (a 422 naming the field) before the handler ran.
    const { format, content } = json() as { format: ImportFormat; content: string };
    return { format, content };
  }
  throw new ApiError(
    415,
    'unsupported_media_type',
    'Send the feed as text/csv, as application/xml (YML) or as JSON {"format", "content"}',
  );
}

const listRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/{id}/offers',
  tags,
  summary: "The campaign's offers with their status today (active, scheduled, expired, ended) and categories",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: {
    200: json(
      z.object({
        offers: z.array(OfficeOfferSchema),
        categories: z.array(z.object({ externalId: z.string(), name: z.string() })),
        total: z.number().int(),
      }),
      'Offers',
    ),
    ...errors,
  },
});

export const catalogueOfficeRoutes = newRouter();
catalogueOfficeRoutes.use('/:id/offers', requireIdentity);
catalogueOfficeRoutes.use('/:id/offers/*', requireIdentity);
catalogueOfficeRoutes.openapi(importRoute, async (c) => {
  const { format, content } = await feedOf(c, () => c.req.valid('json'));
  return c.json(await importCatalogue(c.var.deps, c.var.identity, c.req.valid('param').id, format, content), 200);
});
catalogueOfficeRoutes.openapi(listRoute, async (c) =>
  c.json(await officeOffers(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
