/**
 * A feed's offer texts that show nothing (zero-width, control, soft-hyphen, Hangul-filler characters) are missing:
 * the offer card showed an empty title. A required title is reported like an empty one, an optional text is left out.
 */
import { describe, expect, it } from 'vitest';
import { checkOffer } from './offer-fields.ts';
import { parseOffersCsv } from './offers-csv.ts';
import { parseOffersYml } from './offers-yml.ts';

describe('offer texts in a feed', () => {
  it('a title that shows nothing is a missing title; optional texts that show nothing are left out', () => {
    for (const title of ['\u200B', ' \u2060\uFEFF ', '\u00AD\u3164', '\u2800']) {
      expect(checkOffer({ externalId: 'A1', title, price: '99' }, { line: 2 }).issue).toMatchObject({
        line: 2,
        offerId: 'A1',
        code: 'missing_field',
      });
    }
    const { offer } = checkOffer(
      {
        externalId: 'A1',
        title: 'Чай',
        price: '99',
        description: '\u200B\u200C',
        howToUse: '\u3164',
        region: '\u00AD',
      },
      {},
    );
    expect(offer).toMatchObject({ title: 'Чай', description: null, howToUse: null, region: null });
  });

  it('a category named with nothing visible is not made, in CSV and YML alike', () => {
    const csv = parseOffersCsv('id,title,price,category_id,category\nA1,Чай,99,c1,\u200B\nA2,Кофе,99,c2,Напитки\n');
    expect(csv.categories.map((c) => c.externalId)).toEqual(['c2']);
    const yml = parseOffersYml(
      '<yml_catalog><shop><categories><category id="c1">\u200B</category><category id="c2">Напитки</category></categories>' +
        '<offers><offer id="A1"><name>Чай</name><price>99</price></offer></offers></shop></yml_catalog>',
    );
    expect(yml.categories.map((c) => c.externalId)).toEqual(['c2']);
    expect(yml.issues).toEqual([expect.objectContaining({ code: 'bad_category' })]);
  });
});
