/**
 * The agency's pages opened by someone without the agency role they need: a brand's own people (brand member, no
 * agency role) on the agency's brands, team and a brand's page, and anyone but the owner on the white label. They
 * showed the app's «Not found», as if there were no such page; they now say, in the office's words (OfficeWording,
 * refused.ts `withoutAgencyRole`), that the page is the agency's (its owner's), under its header with Back and a way to
 * the office's home, no Retry. The server refuses their calls anyway (403, agency.routes.test.ts).
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import { OfficeWording } from '../OfficeWording.tsx';
import type { Office } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { AgencyBrandPage } from './AgencyBrandPage.tsx';
import { AgencyBrands } from './AgencyBrands.tsx';
import { AgencySettings } from './AgencySettings.tsx';
import { AgencyTeam } from './AgencyTeam.tsx';

/** A brand's own member: their agency is listed (its white label), with no agency role and nothing to manage. */
const brandMember: Office = {
  brands: [{ id: 3, name: 'Brand', agencyId: 1, sections: ['campaigns', 'team'] }],
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'brand_member', canManage: false }],
};
/** An agency manager: the agency's brands and team are theirs, the white label is the owner's. */
const manager: Office = {
  brands: brandMember.brands,
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'agency_manager', canManage: true }],
};

function render(language: 'ru' | 'en', href: string, node: ReactNode): string {
  const app = {
    language,
    t: messages[language],
    api: {} as ApiClient,
    platform: {} as PlatformAdapter,
  } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter(href)}>
        <OfficeWording>{node}</OfficeWording>
      </RouterProvider>
    </AppContext.Provider>,
  );
}

const AGENCY = {
  ru: 'Эта страница — для агентства: её открывают владелец агентства и его менеджеры.',
  en: 'This page is for the agency: its owner and managers open it.',
};
const OWNER = { ru: 'Эта страница — для владельца агентства.', en: 'This page is for the agency’s owner.' };

const cases: [string, string, ReactNode, Record<'ru' | 'en', string>][] = [
  ['the agency’s brands, a brand member', '/admin/agency', <AgencyBrands key="b" office={brandMember} />, AGENCY],
  ['the agency’s team, a brand member', '/admin/agency/team', <AgencyTeam key="t" office={brandMember} />, AGENCY],
  [
    'an agency brand page, a brand member',
    '/admin/agency/brand/3',
    <AgencyBrandPage key="p" office={brandMember} />,
    AGENCY,
  ],
  ['the white label, a brand member', '/admin/agency/settings', <AgencySettings key="s" office={brandMember} />, OWNER],
  ['the white label, an agency manager', '/admin/agency/settings', <AgencySettings key="m" office={manager} />, OWNER],
];

describe('an agency page opened without the agency role it needs says it is the agency’s, not «Not found»', () => {
  for (const [name, href, node, words] of cases) {
    it(`${name} (ru, en)`, () => {
      for (const language of ['ru', 'en'] as const) {
        const markup = render(language, href, node);
        expect(markup, language).not.toContain('data-testid="not-found"');
        expect(markup, language).toContain('data-testid="load-error"');
        expect(markup, language).toContain(words[language]);
        expect(markup, language).toContain(messages[language].forbiddenTitle);
        expect(markup, language).toContain('data-testid="load-error-home"');
        expect(markup, language).not.toContain('data-testid="load-retry"');
      }
    });
  }
});
