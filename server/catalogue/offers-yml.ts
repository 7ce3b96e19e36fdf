/**
 * @module Reading a catalogue from a YML feed (the Yandex Market format Russian retailers publish):
 * `yml_catalog/shop/categories/category[@id,@parentId]` and `offers/offer[@id]` with `name` (or `typePrefix vendor
 * model`), `price`, `oldprice`, `currencyId`, `categoryId`, `picture`, `description`, `url`, `sales_notes`, and
 * `param` elements for what YML has no tag for: `region`, `starts_on`, `ends_on`, `how_to_use`, `discount_percent`.
 * An offer without `currencyId` is in the shop's base currency (`<currencies>`: the one with `rate="1"`, or the only
 * one); a feed without a base is RUB unless its offers name another currency, and then such an offer is refused
 * (`no_currency`) rather than stored as rubles (decision 080).
 * Parsed with fast-xml-parser. A feed may name its external DTD (`<!DOCTYPE yml_catalog SYSTEM "shops.dtd">`, never
 * fetched), but an internal subset or any `<!ENTITY` is refused before parsing, so no entity is ever defined and only
 * XML's five predefined ones and character references are decoded (no "billion laughs", no external entities).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { hasVisibleText } from '../http/visible-text.ts';
import {
  type CategoryInput,
  checkOffer,
  dropRepeats,
  type ImportIssue,
  MAX_OFFERS_PER_IMPORT,
  type OfferInput,
  type RawOffer,
} from './offer-fields.ts';
import type { ParsedCatalogue } from './offers-csv.ts';

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(['category', 'offer', 'picture', 'param', 'currency']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => ARRAYS.has(name),
});
const META = XMLParser.getMetaDataSymbol();

const PARAMS: Record<string, keyof RawOffer> = {
  region: 'region',
  регион: 'region',
  starts_on: 'startsOn',
  ends_on: 'endsOn',
  how_to_use: 'howToUse',
  discount_percent: 'discountPercent',
};

/** A DTD that could define entities: an internal subset `[…]` or an `<!ENTITY` anywhere. */
const DANGEROUS_DTD = /<!DOCTYPE[^>[]*\[|<!ENTITY/i;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return undefined;
}

function asNode(value: unknown): XmlNode | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

function asNodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map(asNode).filter((n): n is XmlNode => n !== undefined) : [];
}

/** 1-based line of a character offset, by binary search over the offsets where lines start. */
function lineFinder(text: string): (offset: number | undefined) => number | undefined {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function rawOffer(node: XmlNode): RawOffer {
  const name = textOf(node.name) ?? [node.typePrefix, node.vendor, node.model].map(textOf).filter(Boolean).join(' ');
  const raw: RawOffer = {
    externalId: textOf(node['@_id']),
    title: name,
    description: textOf(node.description),
    imageUrl: textOf(node.picture),
    price: textOf(node.price),
    oldPrice: textOf(node.oldprice),
    currency: textOf(node.currencyId),
    categoryExternalId: textOf(node.categoryId),
    url: textOf(node.url),
    howToUse: textOf(node.sales_notes),
  };
  for (const param of asNodes(node.param)) {
    const key =
      PARAMS[
        String(param['@_name'] ?? '')
          .trim()
          .toLowerCase()
      ];
    if (key) raw[key] = textOf(param);
  }
  return raw;
}

/** The shop's base currency: the `<currency>` with `rate="1"`, or the only one listed; undefined when not one. */
function baseCurrency(shop: XmlNode): string | undefined {
  const listed = asNodes(asNode(shop.currencies)?.currency)
    .map((c) => ({ id: textOf(c['@_id'])?.trim() ?? '', rate: textOf(c['@_rate'])?.trim() }))
    .filter((c) => c.id !== '');
  const base = listed.filter((c) => c.rate !== undefined && Number(c.rate.replace(',', '.')) === 1);
  if (base.length === 1) return base[0]?.id;
  return listed.length === 1 ? listed[0]?.id : undefined;
}

/**
 * The currency of an offer that names none: the shop's base, else RUB (decision 072) as long as the feed names no
 * other currency, else none (the offer is refused: which currency the price is in is not ours to guess).
 */
function defaultCurrency(shop: XmlNode, nodes: XmlNode[]): { currency?: string; others: string[] } {
  const base = baseCurrency(shop);
  if (base) return { currency: base, others: [] };
  const named = [
    ...asNodes(asNode(shop.currencies)?.currency).map((c) => textOf(c['@_id'])),
    ...nodes.map((n) => textOf(n.currencyId)),
  ].map((c) => c?.trim().toUpperCase() ?? '');
  const others = [...new Set(named.filter((c) => c !== '' && c !== 'RUB' && c !== 'RUR'))];
  return others.length === 0 ? { currency: 'RUB', others } : { others: others.slice(0, 5) };
}

const fileIssue = (code: string, message: string): ParsedCatalogue => ({
  categories: [],
  offers: [],
  refusedIds: [],
  issues: [{ line: 0, code, message }],
  ignoredColumns: [],
});

function noCurrency(
  raw: RawOffer,
  line: number | undefined,
  others: string[],
): { offer?: undefined; issue: ImportIssue } {
  const offerId = raw.externalId?.trim().slice(0, 64) || undefined;
  const currencies = others.join(', ');
  return {
    issue: {
      line,
      ...(offerId ? { offerId } : {}),
      code: 'no_currency',
      message: `currencyId is missing and the feed names ${currencies} with no base currency (rate="1"): name the offer's currency`,
      params: { currencies },
    },
  };
}

/**
 * @example parseOffersYml('<yml_catalog><shop><offers><offer id="A1"><name>Tea</name><price>99</price></offer></offers></shop></yml_catalog>')
 */
export function parseOffersYml(text: string): ParsedCatalogue {
  if (DANGEROUS_DTD.test(text)) {
    return fileIssue('dtd_not_allowed', 'The feed defines a DTD with entities; only an external DOCTYPE is allowed');
  }
  // The parser is lenient (an unclosed tag is closed for it); the validator is not, and names the line.
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      ...fileIssue('bad_xml', `The feed is not well-formed XML: ${valid.err.msg.slice(0, 200)}`),
      issues: [
        { line: valid.err.line, code: 'bad_xml', message: `Not well-formed XML: ${valid.err.msg.slice(0, 200)}` },
      ],
    };
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (e) {
    // Malformed XML, or nesting deep enough to exhaust the stack: either way the feed is refused, not the server.
    return fileIssue('bad_xml', `The feed is not well-formed XML (${(e as Error).message.slice(0, 200)})`);
  }
  const shop = asNode(asNode(doc.yml_catalog)?.shop);
  if (!shop) return fileIssue('not_yml', 'Not a YML feed: yml_catalog/shop is missing');
  const lineAt = lineFinder(text);
  const lineOf = (node: XmlNode) => lineAt((node[META as unknown as string] as { startIndex?: number })?.startIndex);
  const issues: ImportIssue[] = [];
  const categories: CategoryInput[] = [];
  for (const node of asNodes(asNode(shop.categories)?.category)) {
    const externalId = textOf(node['@_id'])?.trim() ?? '';
    const name = textOf(node)?.trim() ?? '';
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(externalId) || !hasVisibleText(name) || name.length > 100) {
      issues.push({ line: lineOf(node), code: 'bad_category', message: 'A category needs an id and a name (≤ 100)' });
      continue;
    }
    categories.push({ externalId, name, parentExternalId: textOf(node['@_parentId'])?.trim() || null });
  }
  const nodes = asNodes(asNode(shop.offers)?.offer);
  if (nodes.length === 0) return fileIssue('no_offers', 'The feed lists no offer (<offer>)');
  if (nodes.length > MAX_OFFERS_PER_IMPORT) {
    return fileIssue('too_many_offers', `At most ${MAX_OFFERS_PER_IMPORT} offers per import`);
  }
  const checked: { offer: OfferInput; line?: number }[] = [];
  const refusedIds: string[] = [];
  const fallback = defaultCurrency(shop, nodes);
  for (const node of nodes) {
    const line = lineOf(node);
    const raw = rawOffer(node);
    if (!hasVisibleText(raw.currency ?? '')) raw.currency = fallback.currency;
    const { offer, issue } =
      raw.currency === undefined ? noCurrency(raw, line, fallback.others) : checkOffer(raw, { line });
    if (issue) {
      issues.push(issue);
      if (issue.offerId) refusedIds.push(issue.offerId);
    } else checked.push({ offer, line });
  }
  // A feed's elements are YML's, not a manager's headings: one we do not read is not worth a word.
  return { categories, offers: dropRepeats(checked, issues), refusedIds, issues, ignoredColumns: [] };
}
