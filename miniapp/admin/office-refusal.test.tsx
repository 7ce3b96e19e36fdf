/**
 * A refused first load (403, or 404 for no such thing among the member's brands) on an office screen that loads by
 * id. Found by reading the screens after the editor's refusal was worded (1cb88ca): the others still sent a 403 or
 * 404 to the generic not-found page, which said nothing of why and had no header of the screen. Each now says the
 * server's refusal in the office's words (OfficeWording, provided once at the office's root) under its own header with
 * Back, and offers the office's home instead of a Retry. `useAsync` is replaced: it answers with the refusal.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { type ApiClient, ApiRequestError } from '../api/client.ts';
import { AppContext, type AppServices } from '../app-context.ts';
import { messages } from '../i18n.ts';
import type { PlatformAdapter } from '../platform/types.ts';
import { RouterProvider } from '../routes.ts';
import type { AsyncState } from '../use-async.ts';
import { AgencyBrandPage } from './agency/AgencyBrandPage.tsx';
import BetaPanel from './beta/BetaPanel.tsx';
import { LeadDetail } from './leads/LeadDetail.tsx';
import { LeadsInbox } from './leads/LeadsInbox.tsx';
import { MailingsPanel } from './mailings/MailingsPanel.tsx';
import { OfficeWording } from './OfficeWording.tsx';
import type { Office } from './office-api.ts';
import PoolsPanel from './pools/PoolsPanel.tsx';
import { createMemoryRouter } from './preview/memory-router.ts';
import { TeamPanel } from './team/TeamPanel.tsx';

const refusal = vi.hoisted(() => ({ status: 403, code: 'forbidden' }));
vi.mock('../use-async.ts', () => ({
  useAsync: (): AsyncState<never> => ({
    status: 'error',
    error: new ApiRequestError(refusal.status, refusal.code, 'refused'),
    retry: () => undefined,
  }),
}));

const owner: Office = {
  brands: [{ id: 3, name: 'Brand', agencyId: 1, sections: ['campaigns', 'team'] }],
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'agency_admin', canManage: true }],
};

function render(language: 'ru' | 'en', href: string, node: ReactNode): string {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter(href)}>
        <OfficeWording>{node}</OfficeWording>
      </RouterProvider>
    </AppContext.Provider>,
  );
}

const screens: [string, string, ReactNode][] = [
  ['the prize pools', '/admin/campaign/7/pools', <PoolsPanel key="pools" />],
  ['the beta group', '/admin/campaign/7/beta', <BetaPanel key="beta" />],
  ['the leads', '/admin/campaign/7/leads', <LeadsInbox key="leads" />],
  ['a lead', '/admin/campaign/7/leads/5', <LeadDetail key="lead" />],
  ['the mailings', '/admin/campaign/7/mailings', <MailingsPanel key="mailings" />],
  ['a brand’s team', '/admin/brand/3/team', <TeamPanel key="team" office={owner} />],
  ['an agency brand page', '/admin/agency/brand/3', <AgencyBrandPage key="brand" office={owner} />],
];

const WORDED = {
  403: { ru: 'У вас нет прав на это в этом бренде.', en: 'You have no rights for this in this brand.' },
  404: { ru: 'Такой акции нет в ваших брендах.', en: 'There is no such campaign in your brands.' },
} as const;
const BACK = { ru: />Назад<\/span>/, en: />Back<\/span>/ };

describe('an office screen whose first load is refused says why, under its header with Back', () => {
  for (const [name, href, node] of screens) {
    it(`${name}: 403 forbidden and 404 campaign_not_found worded, no Retry, the office home (ru, en)`, () => {
      for (const [status, code] of [
        [403, 'forbidden'],
        [404, 'campaign_not_found'],
      ] as const) {
        Object.assign(refusal, { status, code });
        for (const language of ['ru', 'en'] as const) {
          const markup = render(language, href, node);
          expect(markup, `${status} ${language}`).not.toContain('data-testid="not-found"');
          expect(markup, `${status} ${language}`).toContain(WORDED[status][language]);
          expect(markup).toContain('data-testid="load-error-home"');
          expect(markup).not.toContain('data-testid="load-retry"');
          expect(markup.slice(0, markup.indexOf('data-testid="load-error"'))).toMatch(BACK[language]);
        }
      }
    });
  }
});
