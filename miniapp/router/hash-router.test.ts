/** Item 2: the hash router that replaces vk-mini-apps-router keeps its behaviour (deep links, back, history). */
import { describe, expect, it } from 'vitest';
import { routes } from '../routes.ts';
import { createHashRouter, matchRoute, parentChain } from './hash-router.ts';

/** A browser tab's session history: entries with state and URL, back/forward firing `popstate` as Chromium does. */
function fakeWindow(startUrl: string, startState: unknown = null) {
  const entries: Array<{ url: URL; state: unknown }> = [{ url: new URL(startUrl), state: startState }];
  let index = 0;
  const listeners: Array<(e: { state: unknown }) => void> = [];
  const current = () => entries[index] as { url: URL; state: unknown };
  const go = (delta: number) => {
    index = Math.min(entries.length - 1, Math.max(0, index + delta));
    for (const l of listeners) l({ state: current().state });
  };
  const win = {
    get location() {
      const { url } = current();
      return { pathname: url.pathname, search: url.search, hash: url.hash };
    },
    history: {
      get state() {
        return current().state;
      },
      pushState(state: unknown, _: string, url: string) {
        entries.splice(index + 1);
        entries.push({ url: new URL(url, current().url), state });
        index += 1;
      },
      replaceState(state: unknown, _: string, url: string) {
        entries[index] = { url: new URL(url, current().url), state };
      },
      back: () => go(-1),
    },
    addEventListener: (_: string, l: (e: { state: unknown }) => void) => listeners.push(l),
  };
  return {
    win: win as unknown as Window,
    back: () => go(-1),
    forward: () => go(1),
    /** The user (or the client) types another address: a new entry with no state of ours. */
    type(hash: string) {
      entries.splice(index + 1);
      entries.push({ url: new URL(hash, current().url), state: null });
      index += 1;
      for (const l of listeners) l({ state: null });
    },
    hashes: () => entries.map((e) => e.url.hash),
    index: () => index,
  };
}

const APP = 'https://app.example/?vk_user_id=1&sign=x';

describe('item 2: hash router', () => {
  it('item 2: routes match like the old table (specific before general, anything else is not found)', () => {
    expect(matchRoute(routes, '/').location.panel).toBe('home');
    expect(matchRoute(routes, '/campaign/7?ref=abc').location).toMatchObject({
      panel: 'campaign',
      params: { id: '7' },
    });
    expect(matchRoute(routes, '/campaign/7/help/new').location.panel).toBe('help_new');
    expect(matchRoute(routes, '/campaign/7/help/12').location).toMatchObject({
      panel: 'help_ticket',
      params: { id: '7', ticketId: '12' },
    });
    expect(matchRoute(routes, '/campaign/7/task/a%20b/quiz').location.params).toEqual({ id: '7', taskKey: 'a%20b' });
    expect(matchRoute(routes, '/no/such/page').location.panel).toBe('not_found');
    expect(parentChain(routes, '/campaign/7/reward/r1')).toEqual(['/', '/campaign/7', '/campaign/7/prizes']);
    expect(parentChain(routes, '/campaign/7/quiz/result')).toEqual(['/', '/campaign/7', '/campaign/7/quiz']);
  });

  it('item 2: a deep link opened afresh is drawn at once with its parents written under it; Back walks up', () => {
    const tab = fakeWindow(`${APP}#/campaign/7/prizes`);
    const router = createHashRouter(routes, tab.win);
    expect(router.getState()).toMatchObject({
      location: { panel: 'prizes', params: { id: '7' } },
      panelsHistory: ['home', 'campaign', 'prizes'],
      isFirstPage: false,
    });
    expect(tab.hashes()).toEqual(['#/', '#/campaign/7', '#/campaign/7/prizes']);

    router.back();
    expect(router.getState()).toMatchObject({ location: { panel: 'campaign' }, panelsHistory: ['home', 'campaign'] });
    router.back();
    expect(router.getState()).toMatchObject({
      location: { panel: 'home' },
      panelsHistory: ['home'],
      isFirstPage: true,
    });
    tab.forward();
    expect(router.getState()).toMatchObject({ location: { panel: 'campaign' }, isFirstPage: false });
  });

  it('item 2: push, replace and back keep the View history and the browser history in step', () => {
    const tab = fakeWindow(APP);
    const router = createHashRouter(routes, tab.win);
    const seen: string[] = [];
    router.subscribe(() => seen.push(router.getState().location.href));
    expect(router.getState()).toMatchObject({ location: { panel: 'home' }, isFirstPage: true });

    router.push('/campaign/3');
    router.push('/campaign/3/quiz');
    router.replace('/campaign/3/quiz/result');
    expect(router.getState().panelsHistory).toEqual(['home', 'campaign', 'quiz_result']);
    expect(tab.hashes()).toEqual(['#/', '#/campaign/3', '#/campaign/3/quiz/result']);

    router.back();
    expect(router.getState()).toMatchObject({ location: { href: '/campaign/3' }, panelsHistory: ['home', 'campaign'] });
    // A new screen after Back drops the forward entries.
    router.push('/campaign/3/rules');
    expect(router.getState().panelsHistory).toEqual(['home', 'campaign', 'rules']);
    expect(seen).toEqual([
      '/campaign/3',
      '/campaign/3/quiz',
      '/campaign/3/quiz/result',
      '/campaign/3',
      '/campaign/3/rules',
    ]);
  });

  it('item 2: an address typed in (no state of ours) is a step forward; a reload keeps its place', () => {
    const tab = fakeWindow(APP);
    const router = createHashRouter(routes, tab.win);
    tab.type('#/campaign/9');
    expect(router.getState()).toMatchObject({ location: { panel: 'campaign' }, panelsHistory: ['home', 'campaign'] });

    // Reload on the campaign: the stack is rebuilt from where the tab is; Back still has somewhere to go.
    const reloaded = createHashRouter(routes, tab.win);
    expect(reloaded.getState()).toMatchObject({ location: { panel: 'campaign' }, isFirstPage: false });
    expect(tab.hashes()).toEqual(['#/', '#/campaign/9']);
    reloaded.back();
    expect(reloaded.getState()).toMatchObject({ location: { panel: 'home' }, isFirstPage: true });
  });

  it('item 2: a double tap opens a screen once, and a double Back goes back one screen', () => {
    let popstates = 0;
    const tab = fakeWindow(APP);
    const router = createHashRouter(routes, tab.win);
    router.push('/campaign/3');
    router.push('/campaign/3');
    expect(tab.hashes()).toEqual(['#/', '#/campaign/3']);
    // In a browser `popstate` comes later (a task), so the second tap finds the first still under way.
    const back = tab.win.history.back;
    (tab.win.history as { back: () => void }).back = () => {
      popstates += 1;
    };
    router.back();
    router.back();
    expect(popstates).toBe(1);
    (tab.win.history as { back: () => void }).back = back;
  });
});
