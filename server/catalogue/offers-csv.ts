/**
 * @module Reading a catalogue from CSV: a header row names the columns (any order, in English or Russian: `id` or
 * «Артикул», `title` or «Название»…; `,` or `;` as Excel in Russia writes it), quoted fields may hold separators, quotes and line breaks (RFC 4180), and every problem names the line
 * its record starts on. Categories come from the `category_id` and `category` (name) columns. Two header cells naming
 * one column («Цена» and "Price") refuse the file; a cell naming none is imported without its data and named back in
 * `ignoredColumns` (decision 068).
 */
import { csvHeader, namedBack } from '../http/csv-header.ts';
import { csvRecords, csvSeparator } from '../http/csv-records.ts';
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

export interface ParsedCatalogue {
  categories: CategoryInput[];
  offers: OfferInput[];
  /** Ids of offers whose line was refused: a re-import leaves them as they were instead of ending them. */
  refusedIds: string[];
  issues: ImportIssue[];
  /** Header cells naming no column we know, as written: their data was not read, and the report says so. */
  ignoredColumns: string[];
}

/** The columns, in English and as a Russian brand heads them (Excel, a shop's or a marketplace's export). */
const OFFER_HEADER = csvHeader<keyof RawOffer | 'category'>({
  externalId: {
    en: 'id',
    ru: 'Артикул',
    also: ['offer_id', 'sku', 'article', 'vendor_code', 'ид', 'идентификатор', 'id товара', 'код товара'],
  },
  title: {
    en: 'title',
    ru: 'Название',
    also: ['name', 'наименование', 'название товара', 'наименование товара', 'товар', 'заголовок', 'предложение'],
  },
  description: { en: 'description', ru: 'Описание', also: ['описание товара'] },
  imageUrl: {
    en: 'image_url',
    ru: 'Картинка',
    also: ['picture', 'image', 'изображение', 'фото', 'ссылка на картинку', 'ссылка на изображение', 'ссылка на фото'],
  },
  oldPrice: {
    en: 'old_price',
    ru: 'Старая цена',
    also: ['oldprice', 'цена до скидки', 'цена без скидки', 'старая цена руб', 'старая цена ₽', 'цена до скидки руб'],
  },
  price: {
    en: 'price',
    ru: 'Цена',
    also: ['цена со скидкой', 'новая цена', 'цена руб', 'цена р', 'цена ₽', 'цена в рублях', 'цена со скидкой руб'],
  },
  discountPercent: { en: 'discount_percent', ru: 'Скидка', also: ['discount', 'процент скидки', 'скидка в процентах'] },
  currency: { en: 'currency', ru: 'Валюта', also: ['currencyid'] },
  startsOn: { en: 'starts_on', ru: 'Начало', also: ['дата начала', 'начало акции', 'действует с'] },
  endsOn: { en: 'ends_on', ru: 'Окончание', also: ['дата окончания', 'окончание акции', 'конец', 'действует до'] },
  categoryExternalId: { en: 'category_id', ru: 'ID категории', also: ['ид категории', 'код категории'] },
  category: { en: 'category', ru: 'Категория', also: ['название категории', 'раздел'] },
  region: { en: 'region', ru: 'Регион', also: ['регионы', 'город'] },
  howToUse: {
    en: 'how_to_use',
    ru: 'Как использовать',
    also: ['sales_notes', 'условия', 'как получить', 'как воспользоваться'],
  },
  url: { en: 'url', ru: 'Ссылка', also: ['link', 'ссылка на товар', 'ссылка на предложение'] },
});

/**
 * @example parseOffersCsv('id,title,price\nA1,Tea,99.90\n') // { offers: [{ externalId: 'A1', price: 9990, … }], … }
 */
export function parseOffersCsv(input: string): ParsedCatalogue {
  const text = input.replace(/^\uFEFF/, '');
  const [header, ...rows] = csvRecords(text, csvSeparator(text, [',', ';', '\t']));
  const issues: ImportIssue[] = [];
  const empty = { categories: [], offers: [], refusedIds: [], issues, ignoredColumns: [] };
  if (!header) return { ...empty, issues: [{ line: 0, code: 'empty_file', message: 'The file is empty' }] };
  const { columns, repeated, ignored } = OFFER_HEADER.row(header.fields);
  if (repeated.length > 0) {
    // Whichever column we took, the other one's data would be lost without a word: the manager keeps one.
    for (const { column, first, second } of repeated) {
      const params = { first: shown(first), second: shown(second), column: OFFER_HEADER.expected([column]) };
      const message = `The columns ${params.first} and ${params.second} both mean ${params.column}: keep one`;
      issues.push({ line: 1, code: 'repeated_column', message, params });
    }
    return empty;
  }
  if (!columns.includes('externalId') || !columns.includes('title')) {
    const needed = OFFER_HEADER.expected(['externalId', 'title']);
    const known = OFFER_HEADER.expected();
    const message = `The header row needs at least the columns ${needed}; the columns known are ${known}`;
    issues.push({ line: 1, code: 'bad_header', message, params: { needed, known } });
    return empty;
  }
  // A stray quote swallows every line after it into one cell: importing the lines before it would end the offers
  // swallowed (a re-import ends what the file no longer lists), so the file is refused naming the line.
  const unclosed = rows.find((r) => r.unclosedQuote) ?? (header.unclosedQuote ? header : undefined);
  if (unclosed) {
    const line = String(unclosed.line);
    const message = `A quote opened on line ${line} is never closed: the lines after it would be read as one cell`;
    issues.push({ line: unclosed.line, code: 'unclosed_quote', message, params: { opened: line } });
    return empty;
  }
  if (rows.length === 0) {
    // Otherwise refused with no line to point at: the manager would look for a bad offer in a file that has none.
    issues.push({ line: 0, code: 'no_rows', message: 'The file holds only a header: there is no offer line under it' });
    return { ...empty, ignoredColumns: namedBack(ignored) };
  }
  if (rows.length > MAX_OFFERS_PER_IMPORT) {
    issues.push({ line: 0, code: 'too_many_offers', message: `At most ${MAX_OFFERS_PER_IMPORT} offers per import` });
    return empty;
  }
  const categories = new Map<string, CategoryInput>();
  const checked: { offer: OfferInput; line: number }[] = [];
  const refusedIds: string[] = [];
  for (const { line, fields } of rows) {
    const raw: RawOffer = {};
    let categoryName = '';
    columns.forEach((key, i) => {
      if (key === 'category') categoryName = fields[i]?.trim() ?? '';
      else if (key) raw[key] = fields[i];
    });
    const { offer, issue } = checkOffer(raw, { line });
    if (issue) {
      issues.push(issue);
      if (issue.offerId) refusedIds.push(issue.offerId);
      continue;
    }
    checked.push({ offer, line });
    const categoryId = offer.categoryExternalId;
    if (categoryId && hasVisibleText(categoryName) && !categories.has(categoryId)) {
      categories.set(categoryId, { externalId: categoryId, name: categoryName.slice(0, 100), parentExternalId: null });
    }
  }
  return {
    categories: [...categories.values()],
    offers: dropRepeats(checked, issues),
    refusedIds,
    issues,
    ignoredColumns: namedBack(ignored),
  };
}

const shown = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
