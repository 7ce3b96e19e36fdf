/**
 * @module One offer as a feed describes it, checked field by field the same way whichever format it came in (CSV or
 * YML): text lengths, http(s) links only, prices in minor units, local dates `YYYY-MM-DD`, a price or a discount.
 * A field that shows nothing (only spaces, zero-width or control characters: server/http/visible-text.ts) is missing.
 * A problem is an `ImportIssue` naming the line and/or the offer id, with a stable code, an English message and, as
 * `params`, everything that message names (the field, the value as written, a limit), so the office words the whole
 * reason in its language without the English under it (decision 083).
 */

import { hasVisibleText } from '../http/visible-text.ts';

export interface OfferInput {
  externalId: string;
  title: string;
  description: string | null;
  imageUrl: string | null;
  oldPrice: number | null;
  price: number | null;
  discountPercent: number | null;
  currency: string;
  startsOn: string | null;
  endsOn: string | null;
  categoryExternalId: string | null;
  region: string | null;
  howToUse: string | null;
  url: string | null;
}

export interface CategoryInput {
  externalId: string;
  name: string;
  parentExternalId: string | null;
}

/** A problem with one line (CSV, or the line an offer starts on in a feed) or one offer; 0/undefined: the file. */
export interface ImportIssue {
  line?: number;
  offerId?: string;
  code: string;
  message: string;
  /** What the message names, as data for the office to word in its language (a refused header: its columns). */
  params?: Record<string, string>;
}

/** The raw text of each field, as read from a CSV row or a YML `<offer>`. */
export type RawOffer = Partial<Record<keyof OfferInput, string>>;

export const MAX_OFFERS_PER_IMPORT = 5_000;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const PRICE = /^\d{1,9}(?:[.,]\d{1,2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date as Russian Excel writes a date cell into a CSV: «31.12.2026», «1.6.2026». */
const EXCEL_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** The ruble sign or word after a price, as Excel's ruble format writes it: «1 299,00 ₽», «99,90 р.», «150 руб.». */
const RUBLE_MARK = /(?:₽|руб\.?|р\.?)$/i;
const CURRENCY = /^[A-Z]{3}$/;

class FieldError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A cell's value as a message and its params quote it: in JSON quotes, at most 40 characters. */
const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
/** A valid cell as the file wrote it («1 299,00 ₽», «31.12.2026»), for a reason that compares two of them. */
const asWritten = (raw: string | undefined) => {
  const value = (raw ?? '').trim().replace(/\s+/g, ' ');
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
};

function text(raw: string | undefined, field: string, max: number, required = false): string | null {
  const value = raw?.trim() ?? '';
  if (!hasVisibleText(value)) {
    if (required) throw new FieldError('missing_field', `${field} is required`, { field });
    return null;
  }
  if (value.length > max) {
    throw new FieldError('too_long', `${field} is longer than ${max} characters`, { field, max: String(max) });
  }
  return value;
}

function link(raw: string | undefined, field: string): string | null {
  const value = text(raw, field, 2000);
  if (value === null) return null;
  const params = { field, value: quoted(value) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FieldError('bad_url', `${field} is not a URL`, params);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FieldError('bad_url', `${field} must be an http(s) link`, params);
  }
  return url.href;
}

/** `1299.9`, `1299,90` or «1 299,90 ₽» → 129990 (kopecks). */
function money(raw: string | undefined, field: string): number | null {
  const value = raw?.trim().replace(/\s/g, '').replace(RUBLE_MARK, '') ?? '';
  if (value === '') return null;
  if (!PRICE.test(value)) {
    const params = { field, value: quoted(value) };
    throw new FieldError('bad_price', `${field} ${params.value} is not a price`, params);
  }
  const [whole = '0', fraction = ''] = value.split(/[.,]/);
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** `2026-12-31` or «31.12.2026» → `2026-12-31`. */
function date(raw: string | undefined, field: string): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  const excel = EXCEL_DATE.exec(value);
  const iso = excel ? `${excel[3]}-${excel[2]?.padStart(2, '0')}-${excel[1]?.padStart(2, '0')}` : value;
  const m = DATE.exec(iso);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCDate() !== Number(m[3]) || day.getUTCMonth() !== Number(m[2]) - 1) {
    const params = { field, value: quoted(value) };
    throw new FieldError('bad_date', `${field} ${params.value} is not a date YYYY-MM-DD or DD.MM.YYYY`, params);
  }
  return iso;
}

/** The ruble as Russian spreadsheets and YML write it, compared without case, spaces and dots. */
const RUBLE = new Set(['RUB', 'RUR', 'РУБ', 'РУБЛЬ', 'РУБЛИ', 'РУБЛЕЙ', 'Р', '₽']);

/**
 * An ISO 4217 code, upper-cased; the ruble as written in Russian («руб.», «р.», «₽») or YML's old "RUR" is RUB.
 * Blank (or no such column) is RUB, the currency of a Russian brand's catalogue (decision 072).
 */
function currency(raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  if (!hasVisibleText(value)) return 'RUB';
  const word = value.toUpperCase().replace(/[\s.]/g, '');
  if (RUBLE.has(word)) return 'RUB';
  if (!CURRENCY.test(word)) {
    const params = { value: quoted(value) };
    throw new FieldError('bad_currency', `currency ${params.value} is not a 3-letter code (RUB, USD, EUR…)`, params);
  }
  return word;
}

function percent(raw: string | undefined): number | null {
  const value = raw?.trim().replace(/%$/, '') ?? '';
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    const params = { value: quoted(value) };
    throw new FieldError('bad_discount', 'discount_percent must be a whole number from 1 to 99', params);
  }
  return n;
}

function checkedOffer(raw: RawOffer): OfferInput {
  const externalId = raw.externalId?.trim() ?? '';
  if (!ID.test(externalId)) {
    const params = { value: quoted(externalId) };
    throw new FieldError('bad_id', 'id must be 1–64 letters, digits or _ . : -', params);
  }
  const offer: OfferInput = {
    externalId,
    title: text(raw.title, 'title', 200, true) as string,
    description: text(raw.description, 'description', 4000),
    imageUrl: link(raw.imageUrl, 'image_url'),
    oldPrice: money(raw.oldPrice, 'old_price'),
    price: money(raw.price, 'price'),
    discountPercent: percent(raw.discountPercent),
    currency: currency(raw.currency),
    startsOn: date(raw.startsOn, 'starts_on'),
    endsOn: date(raw.endsOn, 'ends_on'),
    categoryExternalId: text(raw.categoryExternalId, 'category_id', 64),
    region: text(raw.region, 'region', 100),
    howToUse: text(raw.howToUse, 'how_to_use', 2000),
    url: link(raw.url, 'url'),
  };
  if (offer.price === null && offer.discountPercent === null) {
    throw new FieldError('no_price', 'an offer needs a price or a discount_percent');
  }
  if (offer.price !== null && offer.oldPrice !== null && offer.price >= offer.oldPrice) {
    const params = { price: asWritten(raw.price), oldPrice: asWritten(raw.oldPrice) };
    throw new FieldError(
      'price_not_below_old',
      `price ${params.price} must be below old_price ${params.oldPrice}`,
      params,
    );
  }
  // With both prices the discount is theirs: a percent that says otherwise is shown beside them ("−60%" over 100 → 50).
  if (offer.price !== null && offer.oldPrice !== null && offer.discountPercent !== null) {
    const actual = Math.round((1 - offer.price / offer.oldPrice) * 100);
    if (Math.abs(actual - offer.discountPercent) > 1) {
      const params = { given: String(offer.discountPercent), actual: String(actual) };
      throw new FieldError(
        'discount_mismatch',
        `discount_percent is ${params.given}, the prices make ${actual}`,
        params,
      );
    }
  }
  if (offer.startsOn && offer.endsOn && offer.endsOn < offer.startsOn) {
    const params = { startsOn: asWritten(raw.startsOn), endsOn: asWritten(raw.endsOn) };
    throw new FieldError(
      'ends_before_start',
      `ends_on ${params.endsOn} is before starts_on ${params.startsOn}`,
      params,
    );
  }
  return offer;
}

/**
 * Checks one offer; a problem comes back as an issue for the report instead of the offer.
 * @example checkOffer({ externalId: 'A1', title: 'Tea', price: '99,90' }, { line: 2 }) // { offer: { …, price: 9990 } }
 */
export function checkOffer(
  raw: RawOffer,
  where: { line?: number },
): { offer: OfferInput; issue?: undefined } | { offer?: undefined; issue: ImportIssue } {
  try {
    return { offer: checkedOffer(raw) };
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const offerId = raw.externalId?.trim().slice(0, 64) || undefined;
    const params = e.params ? { params: e.params } : {};
    return { issue: { ...where, ...(offerId ? { offerId } : {}), code: e.code, message: e.message, ...params } };
  }
}

/** Offers repeated in one file: the first wins, later ones are reported. */
export function dropRepeats(offers: { offer: OfferInput; line?: number }[], issues: ImportIssue[]): OfferInput[] {
  const seen = new Set<string>();
  const kept: OfferInput[] = [];
  for (const { offer, line } of offers) {
    if (seen.has(offer.externalId)) {
      issues.push({ line, offerId: offer.externalId, code: 'repeated_id', message: `id ${offer.externalId} repeats` });
      continue;
    }
    seen.add(offer.externalId);
    kept.push(offer);
  }
  return kept;
}
