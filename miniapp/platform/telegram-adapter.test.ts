/**
 * Issue 12 (p8) item 2: the Telegram adapter reads its launch and moves to the start_param route while its module is
 * evaluated — without @telegram-apps/bridge, which it loads as its own chunk only once the first screen is shown
 * (web_app_ready), and through which every later call to the client goes. Evaluated in Node with the page's globals stubbed, as ok-start-route.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  loaded: 0,
  posted: [] as Array<[string, unknown]>,
  onTheme: undefined as ((theme: Record<string, string>) => void) | undefined,
}));
vi.mock('./telegram-bridge.ts', () => {
  bridge.loaded += 1;
  return {
    connectTelegram: (o: { onTheme: (theme: Record<string, string>) => void }) => {
      bridge.onTheme = o.onTheme;
      bridge.posted.push(['web_app_ready', undefined]);
      return { post: (method: string, params?: unknown) => bridge.posted.push([method, params]) };
    },
  };
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  bridge.loaded = 0;
  bridge.posted = [];
  bridge.onTheme = undefined;
});

const initData = new URLSearchParams({
  user: JSON.stringify({ id: 7, language_code: 'en' }),
  auth_date: '1796051074',
  start_param: 'campaign-1',
  hash: 'abc',
}).toString();
const FRAGMENT = `#${new URLSearchParams({
  tgWebAppData: initData,
  tgWebAppPlatform: 'android',
  tgWebAppThemeParams: JSON.stringify({ bg_color: '#212121', button_color: '#8774e1' }),
})}`;

function stubPage(hash: string, stored: Record<string, string> = {}) {
  const moves: string[] = [];
  const location = { pathname: '/', search: '', hash };
  const storage = {
    getItem: (k: string) => stored[k] ?? null,
    setItem: (k: string, v: string) => {
      stored[k] = v;
    },
  };
  // The theme's one style element (telegram.ts applyTheme): its rule's text is what the page is styled with.
  const sheet = { id: '', textContent: '' };
  let appended = false;
  vi.stubGlobal('window', { location, matchMedia: () => ({ matches: false }) });
  vi.stubGlobal('location', location);
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('matchMedia', () => ({ matches: false }));
  vi.stubGlobal('document', {
    getElementById: (id: string) => (appended && id === sheet.id ? sheet : null),
    createElement: () => sheet,
    head: {
      append: () => {
        appended = true;
      },
    },
  });
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_s: unknown, _t: string, url: string) => {
      moves.push(url);
      location.hash = url.slice(url.indexOf('#'));
    },
  });
  return { moves, stored, sheet };
}

describe('item 2: Telegram launch without the bridge on the first screen', () => {
  it('item 2: the launch, language and start_param route are read while the module runs; the bridge is not loaded', async () => {
    const page = stubPage(FRAGMENT);
    const { createPlatform } = await import('./telegram.ts');
    const platform = createPlatform();
    expect(platform.launch).toMatchObject({
      authorization: `tma ${initData}`,
      person: 'tg:7',
      language: 'en',
      desktopWeb: false,
    });
    expect(page.moves).toEqual(['/#/campaign/1']);
    expect(bridge.loaded).toBe(0);

    await platform.init();
    expect(page.sheet.textContent).toContain('--vkui--color_background_accent:#8774e1');
    expect(bridge.loaded).toBe(0);
    platform.firstScreenShown?.();
    await vi.waitFor(() => expect(bridge.posted[0]?.[0]).toBe('web_app_ready'));
    expect(bridge.loaded).toBe(1);
    platform.setBackNavigation({ isFirstScreen: false, onBack: () => {} });
    platform.haptic('success');
    await vi.waitFor(() =>
      expect(bridge.posted.map(([m]) => m)).toEqual([
        'web_app_ready',
        'web_app_setup_back_button',
        'web_app_trigger_haptic_feedback',
      ]),
    );
  });

  it('item 2: a reload (the fragment now holds the route) keeps the launch this tab was opened with', async () => {
    const first = stubPage(FRAGMENT);
    await import('./telegram.ts');
    vi.resetModules();
    stubPage('#/campaign/1', first.stored);
    const { createPlatform } = await import('./telegram.ts');
    expect(createPlatform().launch.authorization).toBe(`tma ${initData}`);
  });

  it("an invitation's start_param opens the campaign, and the campaign opens with the inviter's code (POST /open)", async () => {
    const invited = new URLSearchParams({ tgWebAppData: initData, tgWebAppStartParam: 'campaign-5--ref-aZ3k_Q-9' });
    const page = stubPage(`#${invited}`);
    await import('./telegram.ts');
    expect(page.moves).toEqual(['/#/campaign/5?ref=aZ3k_Q-9']);
    // The campaign screen's store, evaluated after the adapter (main.tsx imports `#platform` first).
    const { fetchState } = await import('../screens/promo/campaign-store.ts');
    const opens: Array<[number, string | undefined]> = [];
    const api = {
      campaignState: async () => ({ campaign: { id: 5, phase: 'running' }, participant: null, tasks: [] }),
      openCampaign: async (id: number, ref?: string) => {
        opens.push([id, ref]);
        return { created: true, state: { campaign: { id: 5, phase: 'running' } } };
      },
    } as unknown as Parameters<typeof fetchState>[0];
    await fetchState(api, 5);
    expect(opens).toEqual([[5, 'aZ3k_Q-9']]);
  });

  it("a theme change that omits a colour drops it (the new scheme's own colour shows, not the old theme's)", async () => {
    const page = stubPage(FRAGMENT);
    const { createPlatform } = await import('./telegram.ts');
    const platform = createPlatform();
    const schemes: string[] = [];
    platform.subscribeColorScheme((s) => schemes.push(s));
    await platform.init();
    platform.firstScreenShown?.();
    await vi.waitFor(() => expect(bridge.onTheme).toBeDefined());
    expect(page.sheet.textContent).toContain('--vkui--color_background_accent:#8774e1');
    // Switched to a light theme that sends only its background: the dark theme's accent must not stay.
    bridge.onTheme?.({ bg_color: '#ffffff' });
    expect(page.sheet.textContent).not.toContain('--vkui--color_background_accent:');
    expect(page.sheet.textContent).toContain('--vkui--color_background_content:#ffffff');
    expect(schemes.at(-1)).toBe('light');
  });
});
