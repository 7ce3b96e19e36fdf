/**
 * The inbox's campaign filter (found from outside: the server's tickets list takes `campaignId`, the office offered
 * no way to ask for it). The filter lists the brand's campaigns, shows the one the address names (`?campaign=7`,
 * so Back to the inbox keeps it: in Chromium, tests/browser/office-support-campaign-filter.test.ts) and asks the
 * server for that campaign's requests only; without it, "all" and no `campaignId`. `useAsync` runs each load once
 * and answers with what it was given, in order: the brand's campaigns, then the tickets.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import { supportOfficeStrings } from '../i18n-support.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { inboxQueryOf } from './inbox-query.ts';
import SupportInbox from './SupportInbox.tsx';

const answers = vi.hoisted(() => ({ queue: [] as unknown[] }));
vi.mock('../../use-async.ts', () => ({
  useAsync: (load: () => Promise<unknown>) => {
    load().catch(() => undefined);
    return { status: 'ready', data: answers.queue.shift(), reload: () => undefined };
  },
}));

const campaigns = [
  { id: 7, title: { ru: 'Летние задания', en: 'Summer tasks' } },
  { id: 8, title: { ru: 'Викторина', en: 'Quiz' } },
];

function render(language: 'ru' | 'en', href: string) {
  const asked: string[] = [];
  const api = {
    request: async (_method: string, path: string) => {
      asked.push(path);
      return {};
    },
  } as unknown as ApiClient;
  const app = { language, t: messages[language], api, platform: {} as PlatformAdapter } as AppServices;
  answers.queue = [campaigns, { tickets: [], agents: new Map() }];
  const markup = renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter(href)}>
        <SupportInbox />
      </RouterProvider>
    </AppContext.Provider>,
  );
  return { markup, asked };
}

/** The filter's <select> and what it holds. */
const filter = (markup: string) => markup.match(/<select[^>]*id="inbox-campaign".*?<\/select>/s)?.[0] ?? '';

describe('the support inbox’s campaign filter', () => {
  it('lists the brand’s campaigns under "all" (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      const s = supportOfficeStrings(language);
      const select = filter(render(language, '/admin/brand/3/support').markup);
      expect(select, language).toContain(`<option value="" selected="">${s.inboxAllCampaigns}</option>`);
      for (const c of campaigns) expect(select).toContain(`<option value="${c.id}">${c.title[language]}</option>`);
    }
  });

  it('the campaign the address names is chosen, and only its requests are asked for', () => {
    const { markup, asked } = render('ru', '/admin/brand/3/support?campaign=7');
    expect(filter(markup)).toContain('<option value="7" selected="">Летние задания</option>');
    const tickets = asked.filter((p) => p.includes('/tickets'));
    expect(tickets).toEqual(['/api/admin/support/brands/3/tickets?campaignId=7']);
    expect(asked).toContain('/api/admin/campaigns?brandId=3');
  });

  it('without one, the requests of every campaign', () => {
    const { asked } = render('en', '/admin/brand/3/support');
    expect(asked.filter((p) => p.includes('/tickets'))).toEqual(['/api/admin/support/brands/3/tickets?']);
  });

  it('only a row id in the address is a filter', () => {
    const of = (search: string) => inboxQueryOf(new URLSearchParams(search)).campaignId;
    expect([of('campaign=7'), of(''), of('campaign=0'), of('campaign=x'), of('campaign=-1')]).toEqual([
      7,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('the status tab and the search the address names are shown and asked for (ru, en)', () => {
    // Found from outside: they were the screen's own state, lost on Back from a request and on reload.
    for (const language of ['ru', 'en'] as const) {
      const { markup, asked } = render(language, '/admin/brand/3/support?campaign=7&status=new&q=%D0%BA%D0%BE%D0%B4');
      expect(asked.filter((p) => p.includes('/tickets'))).toEqual([
        '/api/admin/support/brands/3/tickets?status=new&q=%D0%BA%D0%BE%D0%B4&campaignId=7',
      ]);
      expect(markup).toMatch(
        /data-testid="inbox-status-new"[^>]*aria-selected="true"|aria-selected="true"[^>]*data-testid="inbox-status-new"/,
      );
      expect(markup).toMatch(/<input[^>]*value="код"/);
    }
  });

  it('only a status the inbox has is a filter; the search is kept as typed', () => {
    const of = (search: string) => inboxQueryOf(new URLSearchParams(search));
    expect(of('status=waiting_on_us&q=a+b')).toEqual({ campaignId: undefined, status: 'waiting_on_us', q: 'a b' });
    expect(of('status=closed')).toEqual({ campaignId: undefined, status: '', q: '' });
  });
});
