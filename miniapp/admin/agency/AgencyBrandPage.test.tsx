/**
 * Found from outside: on the agency's brand page a rename (or a token replacement) refused because a colleague saved
 * it meanwhile said so at the top of the page, away from the form and its field, with the offer to load the saved
 * version up there too. The refusal and its offer now sit right under the form that was refused, as the campaign
 * editor's do (one StaleCopyBanner); any other refusal of a form is said under that form too. `useAsync` answers with
 * the brand; `useBrandPageWrites` with a refusal at one form. In Chromium: the refused rename's message sits between
 * the name field and the brand's team link (tests/browser/office-agency-saved-meanwhile.test.ts).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import type { AsyncState } from '../../use-async.ts';
import type { Office } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { AgencyBrandPage } from './AgencyBrandPage.tsx';
import type { AgencyBrand } from './agency-api.ts';
import type { BrandPageRefusal } from './use-brand-page-writes.ts';

const brand: AgencyBrand = {
  id: 3,
  agencyId: 1,
  name: 'Brand',
  disabledAt: null,
  updatedAt: 1,
  liveCampaigns: 0,
  communities: [
    {
      id: 9,
      vkGroupId: 555,
      name: 'Community',
      token: '…abcd',
      callbackConfirmation: null,
      callbackSecretSet: false,
      callbackByServer: false,
      callbackSettable: true,
      callbackAccepts: false,
      callbackConfirms: false,
      updatedAt: 1,
    },
  ],
  apps: [],
};

const page = vi.hoisted(() => ({ refusal: null as BrandPageRefusal | null }));
vi.mock('../../use-async.ts', () => ({
  useAsync: (): AsyncState<AgencyBrand> => ({ status: 'ready', data: brand, reload: () => undefined }),
}));
vi.mock('./use-brand-page-writes.ts', () => ({
  useBrandPageWrites: () => ({ fresh: null, refusal: page.refusal, act: vi.fn(), loadSaved: vi.fn() }),
}));

const owner: Office = {
  brands: [{ id: 3, name: 'Brand', agencyId: 1, sections: ['campaigns'] }],
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'agency_admin', canManage: true }],
};

function render(language: 'ru' | 'en'): string {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/agency/brand/3')}>
        <AgencyBrandPage office={owner} />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

const MEANWHILE = {
  ru: 'Пока вы редактировали, это сохранил кто-то другой.',
  en: 'Someone else saved this while you were editing.',
};
const LOAD_SAVED = { ru: 'Загрузить сохранённую версию', en: 'Load the saved version' };

/** Where a piece of the page is: its place in the markup. */
const at = (markup: string, piece: string) => {
  const index = markup.indexOf(piece);
  expect(index, piece).toBeGreaterThan(-1);
  return index;
};

describe('a refused write on the agency brand page is said next to the form that was refused', () => {
  it('a rename refused as saved meanwhile: why and the offer, under the name field, above the team link (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      page.refusal = { at: 'rename', text: MEANWHILE[language], stale: true };
      const markup = render(language);
      const said = at(markup, 'data-testid="agency-saved-meanwhile"');
      expect(at(markup, 'id="agency-brand-name"')).toBeLessThan(said);
      expect(at(markup, 'data-testid="agency-brand-rename"')).toBeLessThan(said);
      expect(said).toBeLessThan(at(markup, 'data-testid="agency-brand-team"'));
      const banner = markup.slice(said, at(markup, 'data-testid="agency-brand-team"'));
      expect(banner).toContain(MEANWHILE[language]);
      expect(banner).toContain('data-testid="agency-load-saved"');
      expect(banner).toContain(LOAD_SAVED[language]);
      expect(markup.match(/role="alert"/g)).toHaveLength(1);
    }
  });

  it('a community token refused as saved meanwhile: under that community, before the form to connect another', () => {
    page.refusal = { at: 'community-9', text: MEANWHILE.ru, stale: true };
    const markup = render('ru');
    const said = at(markup, 'data-testid="agency-saved-meanwhile"');
    expect(at(markup, 'data-testid="agency-brand-team"')).toBeLessThan(said);
    expect(at(markup, 'data-testid="community-555-token"')).toBeLessThan(said);
    expect(said).toBeLessThan(at(markup, 'id="agency-group-id"'));
  });

  it('another refusal (a community already connected): said under the connect form, with no offer', () => {
    page.refusal = { at: 'connect-community', text: 'Не получилось: это сообщество уже подключено.', stale: false };
    const markup = render('ru');
    expect(markup).not.toContain('data-testid="agency-load-saved"');
    expect(at(markup, 'id="agency-group-token"')).toBeLessThan(at(markup, 'role="alert"'));
    expect(at(markup, 'role="alert"')).toBeLessThan(at(markup, 'id="agency-app-name"'));
    page.refusal = null;
  });
});
