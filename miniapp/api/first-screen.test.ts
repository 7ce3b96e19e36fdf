/** Item 12: the first screen's reads leave before React boots, or come embedded in the page, and are used once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirstScreenRequests } from '../boot/first-screen-requests.ts';
import { createApiClient } from './client.ts';
import { firstScreenAnswered } from './first-screen.ts';

const QUERY = 'vk_user_id=1&vk_app_id=2&vk_ts=3&sign=abc';

function page(options: { search?: string; hash?: string; embedded?: unknown }) {
  const fetchMock = vi.fn(
    async (url: string, _init?: RequestInit) => new Response(JSON.stringify({ from: 'network', url }), { status: 200 }),
  );
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('location', { search: options.search ?? '', hash: options.hash ?? '', href: 'http://x/' });
  vi.stubGlobal('document', {
    getElementById: (id: string) =>
      id === 'promo-first-screen' && options.embedded ? { textContent: JSON.stringify(options.embedded) } : null,
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as { __promoFirstScreen?: unknown }).__promoFirstScreen;
});

describe('item 12: first-screen data', () => {
  it('item 12: embedded answers are used once, with no request; the missing one is fetched at once', async () => {
    const fetchMock = page({ search: `?${QUERY}`, embedded: { '/api/admin/office': { brands: [] } } });
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/campaigns']);
    expect(fetchMock.mock.calls[0]?.[1]).toEqual({ headers: { Authorization: `VK ${QUERY}` } });

    const api = createApiClient('', `VK ${QUERY}`);
    expect(await api.request('GET', '/api/admin/office')).toEqual({ brands: [] });
    expect(await api.campaigns()).toBeUndefined(); // the network answer above has no `campaigns` field
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Later reads go to the server (revalidation).
    expect(await api.request('GET', '/api/admin/office')).toMatchObject({ from: 'network', url: '/api/admin/office' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('item 12: an answer asked with another launch is not used', async () => {
    const fetchMock = page({ search: `?${QUERY}`, embedded: { '/api/admin/office': {}, '/api/campaigns': {} } });
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(fetchMock).not.toHaveBeenCalled();
    const api = createApiClient('', 'VK vk_user_id=2&sign=other');
    expect(await api.request('GET', '/api/campaigns')).toMatchObject({ from: 'network' });
  });

  it('item 12: a failed early request is asked again by the client', async () => {
    const fetchMock = page({ search: `?${QUERY}` });
    fetchMock.mockImplementationOnce(async () => new Response('{"error":{}}', { status: 503 }));
    startFirstScreenRequests('vk', 'https://api.example', 'promo-first-screen');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['https://api.example/api/campaigns']);
    const api = createApiClient('https://api.example', `VK ${QUERY}`);
    expect(await api.request('GET', '/api/campaigns')).toMatchObject({
      from: 'network',
      url: 'https://api.example/api/campaigns',
    });
  });

  it('item 12: deep links ask for the campaign state; Telegram reads initData from the hash; no launch, no request', async () => {
    let fetchMock = page({ search: `?${QUERY}`, hash: '#/campaign/7/rules' });
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/campaigns/7/state']);

    fetchMock = page({
      hash: `#tgWebAppData=${encodeURIComponent('auth_date=1&hash=h')}&tgWebAppStartParam=campaign-3`,
    });
    startFirstScreenRequests('telegram', '', 'promo-first-screen');
    expect(fetchMock.mock.calls[0]).toEqual([
      '/api/campaigns/3/state',
      { headers: { Authorization: 'tma auth_date=1&hash=h' } },
    ]);

    // An invitation's link (server/promo/participation/deep-link.ts) asks for its campaign too.
    fetchMock = page({
      hash: `#tgWebAppData=${encodeURIComponent('auth_date=1&hash=h')}&tgWebAppStartParam=campaign-4--ref-aZ3k_Q-9`,
    });
    startFirstScreenRequests('telegram', '', 'promo-first-screen');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/campaigns/4/state']);
    fetchMock = page({ search: `?${QUERY}&custom_args=${encodeURIComponent('route=/campaign/4&ref=aZ3k_Q-9')}` });
    startFirstScreenRequests('ok', '', 'promo-first-screen');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/campaigns/4/state']);

    fetchMock = page({ hash: '#/' });
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('item 2: ICU is loaded in a task of its own for a deep-linked campaign, after its request leaves; the list loads none (decision 037); no launch, no load', () => {
    vi.useFakeTimers();
    try {
      const made: string[] = [];
      const record = () => {
        const fetchMock = vi.mocked(fetch);
        fetchMock.mockImplementation(async (url: string | URL | Request) => {
          made.push(`fetch ${String(url)}`);
          return new Response('{}');
        });
        vi.stubGlobal('Intl', {
          DateTimeFormat: class {
            constructor() {
              made.push('intl');
            }
            format = () => '';
          },
        });
      };
      page({ search: `?${QUERY}`, hash: '#/campaign/7' });
      record();
      startFirstScreenRequests('vk', '', 'promo-first-screen');
      expect(made).toEqual(['fetch /api/campaigns/7/state']);
      vi.runAllTimers();
      expect(made).toEqual(['fetch /api/campaigns/7/state', 'intl']);

      made.length = 0;
      page({ search: `?${QUERY}` });
      record();
      startFirstScreenRequests('vk', '', 'promo-first-screen');
      vi.runAllTimers();
      expect(made).toEqual(['fetch /api/campaigns']);

      made.length = 0;
      page({ hash: '#/campaign/7' });
      record();
      startFirstScreenRequests('vk', '', 'promo-first-screen');
      vi.runAllTimers();
      expect(made).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("item 2: the first render reads home's list at once when the page holds it: once, this launch only", async () => {
    page({ search: `?${QUERY}`, embedded: { '/api/campaigns': { campaigns: [{ id: 4 }] } } });
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(createApiClient('', 'VK other').pageHome()).toBeUndefined();
    const api = createApiClient('', `VK ${QUERY}`);
    expect(api.pageHome()).toEqual([{ id: 4 }]);
    expect(api.pageHome()).toBeUndefined(); // taken once: later visits read from the server

    // Still on its way: nothing to draw at once, and the request already made serves the async read.
    const fetchMock = page({ search: `?${QUERY}` });
    fetchMock.mockImplementationOnce(async () => Response.json({ campaigns: [{ id: 5 }] }));
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    expect(api.pageHome()).toBeUndefined();
    expect(await api.campaigns()).toEqual([{ id: 5 }]);
    expect(fetchMock).toHaveBeenCalledTimes(1); // /api/campaigns, by the inline script
  });

  it('item 2: an early request answered before the first render is readable at once; a failed one is not', async () => {
    const fetchMock = page({ search: `?${QUERY}`, hash: '#/campaign/7' });
    fetchMock.mockImplementationOnce(async () => new Response('{"campaign":{"id":7}}', { status: 200 }));
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    const api = createApiClient('', `VK ${QUERY}`);
    expect(api.pageCampaignState(7)).toBeUndefined(); // not answered yet
    await firstScreenAnswered(1000);
    expect(api.pageCampaignState(7)).toEqual({ campaign: { id: 7 } });

    page({ search: `?${QUERY}`, hash: '#/campaign/8' }).mockImplementationOnce(
      async () => new Response('{"error":{}}', { status: 503 }),
    );
    startFirstScreenRequests('vk', '', 'promo-first-screen');
    await firstScreenAnswered(1000);
    expect(api.pageCampaignState(8)).toBeUndefined();
  });
});
