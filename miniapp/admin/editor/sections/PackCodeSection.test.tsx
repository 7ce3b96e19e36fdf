/**
 * The pack-code pool field's words when its pool has no free code (decision 110): a pool nothing was loaded into yet
 * and one whose loaded codes were all entered read apart (load them / load more, with how many were loaded), as the
 * server's `pool_without_codes` and `pool_used_up` do, for a member who loads codes and for one who must ask, in
 * Russian and English. Red before: both read «В этом пуле нет свободных кодов…».
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../api/client.ts';
import { AppContext, type AppServices } from '../../../app-context.ts';
import { messages } from '../../../i18n.ts';
import { fill } from '../../../i18n-fill.ts';
import { RouterProvider } from '../../../routes.ts';
import { officeMessages } from '../../i18n-office.ts';
import type { CampaignDocument, Office } from '../../office-api.ts';
import { createMemoryRouter } from '../../preview/memory-router.ts';
import { PackCodeSection } from './PackCodeSection.tsx';

// The office access the section asks for (who may load codes): answered at once, or (`asking`) still being asked or
// failed — the member's rights not known.
const access = vi.hoisted(() => ({
  office: undefined as unknown,
  asking: undefined as 'loading' | 'error' | undefined,
}));
vi.mock('../../../use-async.ts', () => ({
  useAsync: () =>
    access.asking === 'loading'
      ? { status: 'loading' }
      : access.asking === 'error'
        ? { status: 'error', error: new Error('offline'), retry: () => undefined }
        : { status: 'ready', data: access.office, reload: () => undefined },
}));

/** Text as React writes it into markup (quotes and apostrophes escaped). */
const html = (text: string) => text.replaceAll('"', '&quot;').replaceAll("'", '&#x27;');

function render(
  language: 'ru' | 'en',
  pool: { total: number; free: number } | undefined,
  sections: string[],
  asking?: 'loading' | 'error',
): string {
  access.office = { brands: [{ id: 3, name: 'Brand', agencyId: 1, sections }] } satisfies Office;
  access.asking = asking;
  const entry = { key: 'packs', name: 'Коды с упаковок', purpose: 'entry', lowStockThreshold: 0, sandbox: false };
  const doc = {
    id: 5,
    brandId: 3,
    pools: pool ? [{ ...entry, ...pool }] : [],
    rewards: [],
    settings: { packCode: { poolKey: 'packs', loseWeight: 1 } },
  } as unknown as CampaignDocument;
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/campaign/5')}>
        <PackCodeSection doc={doc} edit={() => {}} />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

describe('the pack-code pool field with no free code', () => {
  for (const language of ['ru', 'en'] as const) {
    const t = officeMessages[language];
    it(`none loaded yet and all entered read apart, with how many were loaded (${language})`, () => {
      const empty = render(language, { total: 0, free: 0 }, ['campaigns', 'prizes']);
      const usedUp = render(language, { total: 60, free: 0 }, ['campaigns', 'prizes']);
      expect(empty).toContain(html(t.packCodePoolEmpty));
      expect(usedUp).toContain(html(fill(t.packCodePoolUsedUp, { total: 60 })));
      expect(usedUp).not.toContain(html(t.packCodePoolEmpty));
      expect(usedUp).toContain('60');
    });

    it(`to a member without the prizes right, who loads them (${language})`, () => {
      const empty = render(language, { total: 0, free: 0 }, ['campaigns']);
      const usedUp = render(language, { total: 60, free: 0 }, ['campaigns']);
      expect(empty).toContain(html(t.packCodePoolEmptyAskPrizes));
      expect(usedUp).toContain(html(fill(t.packCodePoolUsedUpAskPrizes, { total: 60 })));
      expect(usedUp).not.toContain(html(t.packCodePoolEmptyAskPrizes));
    });
  }

  it('says it in words that differ: «ещё не загружены» / «закончились» (ru), "yet" / "run out" (en)', () => {
    expect(render('ru', { total: 0, free: 0 }, ['prizes'])).toContain('В этот пул ещё не загружены коды');
    expect(render('ru', { total: 60, free: 0 }, ['prizes'])).toContain(
      'Коды этого пула закончились: все загруженные (60) уже введены',
    );
    expect(render('en', { total: 0, free: 0 }, ['prizes'])).toContain('No codes are loaded into this pool yet');
    expect(render('en', { total: 60, free: 0 }, ['prizes'])).toContain(
      'This pool has run out: all the codes loaded (60) have been entered',
    );
    // Free codes left: the field's own hint.
    expect(render('ru', { total: 60, free: 5 }, ['prizes'])).toContain(officeMessages.ru.packCodePoolHint);
  });

  for (const language of ['ru', 'en'] as const) {
    const t = officeMessages[language];
    it(`while the member's rights are asked or their request failed: what loading takes, no claim about them (${language})`, () => {
      for (const asking of ['loading', 'error'] as const) {
        const empty = render(language, { total: 0, free: 0 }, [], asking);
        const usedUp = render(language, { total: 60, free: 0 }, [], asking);
        const noPool = render(language, undefined, [], asking);
        expect(empty, asking).toContain(html(t.packCodePoolEmptyRightsUnknown));
        expect(usedUp, asking).toContain(html(fill(t.packCodePoolUsedUpRightsUnknown, { total: 60 })));
        expect(noPool, asking).toContain(html(`${t.packCodeNoEntryPool}. ${t.poolsRightsUnknown}`));
        for (const markup of [empty, usedUp, noPool]) {
          expect(markup, asking).not.toContain(language === 'ru' ? 'попросите его' : 'ask one');
          expect(markup, asking).not.toContain('office-pack-code-upload');
        }
      }
    });
  }
});
