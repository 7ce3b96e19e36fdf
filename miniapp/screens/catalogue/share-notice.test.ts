import { describe, expect, it } from 'vitest';
import { catalogueEn, catalogueRu } from './i18n-catalogue.ts';
import { shareNotice } from './share-notice.ts';

describe("an offer's Share says what came of it", () => {
  it('a copied link and a failure are said in the language; the platform sheet and a cancel need no word', () => {
    expect(shareNotice({ status: 'done', detail: { type: 'copied' } }, catalogueRu)).toBe('Ссылка скопирована');
    expect(shareNotice({ status: 'done', detail: { type: 'copied' } }, catalogueEn)).toBe('Link copied');
    expect(shareNotice({ status: 'failed', reason: 'no clipboard' }, catalogueRu)).toBe(catalogueRu.offerShareFailed);
    expect(shareNotice({ status: 'unsupported' }, catalogueEn)).toBe('Could not share. Please try again.');
    expect(shareNotice({ status: 'done', detail: { type: 'web_share' } }, catalogueEn)).toBeNull();
    expect(shareNotice({ status: 'denied' }, catalogueEn)).toBeNull();
  });
});
