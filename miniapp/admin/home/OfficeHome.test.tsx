/**
 * Found from outside: on the office home a member holding `support` alone saw the brand's campaigns, but tapping one
 * did nothing (the cell was no button), though the campaign's page links the brand's support inbox, the one section
 * of theirs a campaign has. Now the cell is a button to that page (campaign-links.ts); a member whose rights reach no
 * campaign's section (`team` alone) still gets a plain cell. `useAsync` answers with the brand's campaign list.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import type { CampaignListItem, Office } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { OfficeHome } from './OfficeHome.tsx';

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
vi.mock('../../use-async.ts', () => ({
  useAsync: () => ({ status: 'ready', data: [campaign], reload: () => undefined }),
}));
// The working brand is kept in a module-level store that server rendering cannot subscribe to: the member's only one.
vi.mock('../use-office.ts', async (original) => ({
  ...(await original<typeof import('../use-office.ts')>()),
  useBrand: (office: Office) => [office.brands[0], () => undefined],
}));

function home(sections: string[]): string {
  const office: Office = { brands: [{ id: 3, name: 'Brand', agencyId: 1, sections }] };
  const app = { language: 'en', t: messages.en, api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin')}>
        <OfficeHome office={office} />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

/** The campaign's cell: VKUI's RichCell is a button only when it has somewhere to go. */
const cell = (markup: string) => markup.match(/<[^<]*data-testid="office-campaign-5"[^>]*>/)?.[0] ?? '';

describe('tapping a campaign on the office home', () => {
  it('a member with support alone: the campaign is a button (to its page, which links the support inbox)', () => {
    const markup = home(['support']);
    expect(markup).toContain('data-testid="office-nav-support"');
    expect(cell(markup)).toContain('role="button"');
  });

  it('a member with prizes: a button, as before; with team alone: no campaign section, no button', () => {
    expect(cell(home(['prizes']))).toContain('role="button"');
    expect(cell(home(['team']))).not.toBe('');
    expect(cell(home(['team']))).not.toContain('role="button"');
  });
});
