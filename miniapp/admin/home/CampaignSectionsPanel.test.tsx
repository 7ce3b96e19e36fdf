/**
 * The campaign page of a member holding `support` alone (found from outside: the office home led them nowhere, and
 * the page, once it did, opened with "none of this campaign's sections is open to you" above the one link that is):
 * it shows the campaign and the brand's support inbox, apart and worded as the whole brand's, and nothing their
 * rights do not hold. A member with none of a campaign's sections still reads why. `useAsync` answers in order: the
 * office access, then what the page found of the campaign (with the links campaign-links.ts gives those rights).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import { officeMessages } from '../i18n-office.ts';
import type { CampaignListItem, Office } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import CampaignSectionsPanel from './CampaignSectionsPanel.tsx';
import { campaignLinks } from './campaign-links.ts';

const answers = vi.hoisted(() => ({ queue: [] as unknown[] }));
vi.mock('../../use-async.ts', () => ({
  useAsync: () => ({ status: 'ready', data: answers.queue.shift(), reload: () => undefined }),
}));
vi.mock('../use-office.ts', async (original) => ({
  ...(await original<typeof import('../use-office.ts')>()),
  useBrand: (office: Office) => [office.brands[0], () => undefined],
}));

const campaign: CampaignListItem = {
  id: 5,
  title: { ru: 'Лето', en: 'Summer' },
  status: 'live',
  phase: 'running',
  mechanic: 'tasks',
  startsAt: Date.UTC(2026, 5, 1),
  endsAt: Date.UTC(2026, 7, 31),
  timeZone: 'Europe/Moscow',
  revision: 1,
  startPassed: false,
  stock: [],
};

/** Text as React writes it into markup (the English strings' apostrophes). */
const html = (text: string) => text.replaceAll("'", '&#x27;');

function page(language: 'ru' | 'en', sections: string[]): string {
  const office: Office = { brands: [{ id: 3, name: 'Brand', agencyId: 1, sections }] };
  const links = campaignLinks({ ...campaign, brandId: 3, hasDraw: false }, sections, 'page');
  answers.queue = [office, { kind: 'page', campaign, links }];
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/campaign/5/sections')}>
        <CampaignSectionsPanel />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

describe('the campaign page of a member without campaigns', () => {
  it('support alone: the campaign and the brand-wide support inbox, no "nothing open to you" (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      const markup = page(language, ['support']);
      expect(markup).toContain('data-testid="office-campaign-5"');
      expect(markup).toContain('data-testid="office-campaign-brand-wide"');
      expect(markup).toContain('data-testid="office-section-support"');
      expect(markup).toContain(html(officeMessages[language].sectionSupportBrandWide));
      expect(markup, language).not.toContain('data-testid="office-campaign-no-sections"');
      expect(markup).not.toContain(html(officeMessages[language].campaignNoSections));
      for (const other of ['pools', 'calendar', 'draw', 'mailings', 'stats', 'leads', 'offers', 'beta']) {
        expect(markup, other).not.toContain(`data-testid="office-section-${other}"`);
      }
    }
  });

  it('support beside a campaign section: both, the campaign’s own under its header', () => {
    const markup = page('en', ['stats', 'support']);
    expect(markup).toContain('data-testid="office-section-stats"');
    expect(markup).toContain('data-testid="office-section-support"');
    expect(markup).toContain(html(officeMessages.en.campaignSections));
  });

  it('none of the campaign’s sections and no brand-wide one: the page still says why', () => {
    expect(page('en', ['team'])).toContain('data-testid="office-campaign-no-sections"');
  });
});
