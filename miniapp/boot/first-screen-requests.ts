/**
 * The first screen's API requests, started by an inline script in index.html's head while the JavaScript is still
 * downloading (scripts/build/first-screen-plugin.ts inlines `startFirstScreenRequests` by its source text), or
 * answered by the server with no request at all: server/static/ embeds the verified responses in the page as
 * `<script type="application/json" id="promo-first-screen">`. The API client takes each answer once
 * (miniapp/api/first-screen.ts); later reads go to the server as usual. For a deep-linked campaign it also loads
 * ICU early, for that panel's times and percentages (docs/decisions/033, 037).
 */

/** One early answer: the `Authorization` it was asked with, and the response (status 0 when the request failed). */
export interface FirstScreenEntry {
  authorization: string;
  response: Promise<{ status: number; body: unknown }>;
  /**
   * The body, readable at once, once it is here (embedded by the server, or an early request answered 2xx), so the
   * first render can draw it instead of a spinner.
   */
  ready?: { body: unknown };
}

export type FirstScreenEntries = Record<string, FirstScreenEntry>;

/**
 * Runs as an inline classic script, so it is self-contained: no imports, no names from outside, nothing newer than
 * the build target. Reads the launch from the URL the way the platform adapter does, takes the embedded data when
 * the server put it there, and fetches what is still missing: the campaign's state for a deep link, otherwise the
 * campaign list.
 */
export function startFirstScreenRequests(platform: string, apiBase: string, dataId: string): void {
  const entries: FirstScreenEntries = {};
  (window as unknown as { __promoFirstScreen: FirstScreenEntries }).__promoFirstScreen = entries;
  const search = location.search.slice(1);
  const hash = location.hash.slice(1);
  let authorization = '';
  let route = hash;
  if (platform === 'telegram') {
    // initData travels in the hash (`#tgWebAppData=…`) on the first load only; a reload has the route there.
    const params = new URLSearchParams(hash);
    const initData = params.get('tgWebAppData');
    if (initData) authorization = `tma ${initData}`;
    const start = params.get('tgWebAppStartParam') || new URLSearchParams(initData || '').get('start_param') || '';
    // Only the campaign id is read from it here (an inline script imports nothing); the whole rule, an invitation's
    // `--ref-<code>` included, is server/promo/participation/deep-link.ts, which the Telegram adapter follows.
    route = /^[A-Za-z0-9_-]{1,512}$/.test(start) ? `/${start.split('-').filter(Boolean).join('/')}` : '';
  } else if (search !== '') {
    authorization = `${platform === 'ok' ? 'OK' : 'VK'} ${search}`;
    const customArgs = platform === 'ok' ? new URLSearchParams(search).get('custom_args') : null;
    if (customArgs) route = new URLSearchParams(customArgs).get('route') || route;
  }
  if (authorization === '') return;

  const embedded = document.getElementById(dataId);
  if (embedded) {
    try {
      const data = JSON.parse(embedded.textContent || '{}') as Record<string, unknown>;
      for (const path of Object.keys(data)) {
        const body = data[path];
        entries[path] = { authorization, response: Promise.resolve({ status: 200, body }), ready: { body } };
      }
    } catch {}
  }
  const campaign = /^\/?campaigns?\/(\d+)/.exec(route);
  // What the screen draws: one request. The office's answer (embedded where the server saw the launch) waits for
  // the list otherwise, rather than a second request on the first screen's path.
  const wanted = campaign ? [`/api/campaigns/${campaign[1]}/state`] : ['/api/campaigns'];
  for (const path of wanted) {
    if (entries[path]) continue;
    const entry: FirstScreenEntry = {
      authorization,
      response: fetch(apiBase + path, { headers: { Authorization: authorization } })
        .then((res) =>
          res.json().then((body: unknown) => {
            if (res.ok) entry.ready = { body };
            return { status: res.status, body };
          }),
        )
        .catch(() => ({ status: 0, body: null })),
    };
    entries[path] = entry;
  }
  // A page's first Intl date or number formatter loads ICU's locale machinery: about 12 ms on a desktop core, 75–200 ms
  // in the bench's phone (CPU ÷4). The campaign list formats nothing with Intl (decision 037), but a campaign's panel
  // does (next spin at, draw at, odds in percent): for a deep link the load is made here, in a task of its own (not
  // inline, which would hold the parser), while the bundle is still on its way or compiled off the main thread.
  if (campaign) setTimeout(() => new Intl.DateTimeFormat().format(0), 0);
}
