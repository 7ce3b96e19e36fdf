/**
 * Found from outside: when the office's access request failed (network, 5xx), the office and a campaign's sections
 * page drew the error with Retry under an empty header, and on mobile VK closing the app was the only way out; the
 * agency's brand and branding pages drew theirs with no header at all. Each now has Back in its header, in the
 * loading state too, and the brand page its generic title. `useAsync` is replaced: it answers with what a failed
 * request leaves (or with still loading).
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client.ts';
import { AppContext, type AppServices } from '../app-context.ts';
import { messages } from '../i18n.ts';
import type { PlatformAdapter } from '../platform/types.ts';
import { RouterProvider } from '../routes.ts';
import type { AsyncState } from '../use-async.ts';
import AdminOffice from './AdminOffice.tsx';
import { AgencyBrandPage } from './agency/AgencyBrandPage.tsx';
import { AgencySettings } from './agency/AgencySettings.tsx';
import CampaignSectionsPanel from './home/CampaignSectionsPanel.tsx';
import { officeMessages } from './i18n-office.ts';
import type { Office } from './office-api.ts';
import { createMemoryRouter } from './preview/memory-router.ts';

const answer = vi.hoisted(() => ({ status: 'error' as 'error' | 'loading' }));
vi.mock('../use-async.ts', () => ({
  useAsync: (): AsyncState<never> =>
    answer.status === 'loading'
      ? { status: 'loading' }
      : { status: 'error', error: new TypeError('Failed to fetch'), retry: () => undefined },
}));

const owner: Office = {
  brands: [{ id: 3, name: 'Brand', agencyId: 1, sections: ['campaigns'] }],
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'agency_admin', canManage: true }],
};

function render(language: 'ru' | 'en', href: string, node: ReactNode): string {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter(href)}>{node}</RouterProvider>
    </AppContext.Provider>,
  );
}

/** What comes before the error or the spinner: the panel header, if any. */
function header(markup: string): string {
  return markup.slice(0, markup.search(/data-testid="load-error"|aria-label="(Loading|Загрузка)/));
}

/** VKUI's PanelHeaderBack: a button before the header's title, labelled with the app's "Back" / "Назад". */
const BACK = {
  ru: /vkuiPanelHeader__before.*?<button.*?>Назад<\/span>/s,
  en: /vkuiPanelHeader__before.*?<button.*?>Back<\/span>/s,
};

const screens: [string, string, ReactNode][] = [
  ['the office (any of its panels)', '/admin', <AdminOffice key="office" panel="admin" />],
  ['a campaign sections page', '/admin/campaign/7/sections', <CampaignSectionsPanel key="sections" />],
  ['the agency branding page', '/admin/agency/settings', <AgencySettings key="settings" office={owner} />],
  ['an agency brand page', '/admin/agency/brand/3', <AgencyBrandPage key="brand" office={owner} />],
];

describe('an office screen whose request failed has a way back', () => {
  for (const [name, href, node] of screens) {
    it(`${name}: the error with Retry, under a header with Back (ru, en)`, () => {
      answer.status = 'error';
      for (const language of ['ru', 'en'] as const) {
        const markup = render(language, href, node);
        expect(markup).toContain('data-testid="load-error"');
        expect(markup).toContain('data-testid="load-retry"');
        expect(header(markup), language).toMatch(BACK[language]);
      }
    });
  }

  it('an agency brand page, whose title is the brand’s name, reads "Бренд" / "Brand" until it has loaded', () => {
    // Found from outside: its header had Back and no title at all while loading and after a failed load.
    const node = <AgencyBrandPage office={owner} />;
    for (const status of ['error', 'loading'] as const) {
      answer.status = status;
      for (const language of ['ru', 'en'] as const) {
        const title = officeMessages[language].brand;
        expect(header(render(language, '/admin/agency/brand/3', node)), `${status} ${language}`).toMatch(
          new RegExp(`vkuiPanelHeader__content.*>${title}<`, 's'),
        );
      }
    }
  });

  it('the loading state before it has the same Back', () => {
    answer.status = 'loading';
    for (const [name, href, node] of screens) {
      expect(header(render('en', href, node)), name).toMatch(BACK.en);
    }
  });
});
