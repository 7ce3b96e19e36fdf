/**
 * @module A small hash router for one VKUI View: which panel the `#/path` shows, its parameters, and the panels
 * behind it (VKUI's `history`, for the back transition and iOS swipe-back). It replaces
 * @vkontakte/vk-mini-apps-router (and the @remix-run/router under it, ~65 KB of the entry chunk) with what this app
 * uses: push, replace, back, first-page check and deep links whose parents are rebuilt, so Back from a screen opened
 * by a bot message walks up inside the app (docs/decisions/018).
 *
 * Each history entry we create carries its position in `history.state`, so a `popstate` (browser or platform back,
 * forward) tells where in the stack the user now is; an entry without one (an address typed or changed by the
 * client) is treated as a push.
 */

export interface RouteDefinition {
  panel: string;
  /** `/campaign/:id/rules`; `/*` matches any address (the not-found panel). */
  path: string;
  /** The route pattern of the screen Back leads to from a deep link; `/` for top-level screens. */
  parent?: string;
}

export interface RouteLocation {
  /** Path and search as in the hash, without `#`. */
  href: string;
  pathname: string;
  panel: string;
  params: Readonly<Record<string, string>>;
}

export interface RouterState {
  location: RouteLocation;
  /** The panels from the first screen to the current one (VKUI View's `history`). */
  panelsHistory: string[];
  /** Nothing to go back to inside the app (the platform's own back closes it). */
  isFirstPage: boolean;
}

export interface RouteNavigator {
  push(to: string): void;
  replace(to: string): void;
  back(): void;
}

export interface HashRouter extends RouteNavigator {
  getState(): RouterState;
  subscribe(listener: () => void): () => void;
}

const POSITION_KEY = 'promoPosition';
const BACK_PENDING_MS = 1000;

function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  if (pattern === '/*') return {};
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return undefined;
  }
  return params;
}

/** The first route (in table order) whose pattern fits, with its parameters (still URL-encoded). */
export function matchRoute(
  routes: readonly RouteDefinition[],
  href: string,
): { route: RouteDefinition; location: RouteLocation } {
  const pathname = href.split('?')[0] || '/';
  for (const route of routes) {
    const params = matchPattern(route.path, pathname);
    if (params) return { route, location: { href, pathname, panel: route.panel, params } };
  }
  throw new Error(`No route for ${pathname}: the table must end with a catch-all`);
}

/** The addresses of a screen's parents, outermost first (`/`, `/campaign/1`), for a deep link to it. */
export function parentChain(routes: readonly RouteDefinition[], href: string): string[] {
  const chain: string[] = [];
  let { route, location } = matchRoute(routes, href);
  const seen = new Set<string>();
  while (route.parent !== undefined && !seen.has(route.path)) {
    seen.add(route.path);
    const parentHref = route.parent.replace(/:(\w+)/g, (_, name: string) => location.params[name] ?? '');
    chain.unshift(parentHref);
    ({ route, location } = matchRoute(routes, parentHref));
  }
  return chain;
}

function hrefOf(hash: string): string {
  const href = hash.replace(/^#/, '');
  return href.startsWith('/') ? href : '/';
}

function positionOf(state: unknown): number | undefined {
  const value = (state as Record<string, unknown> | null)?.[POSITION_KEY];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Reads the hash once, now: a deep link opened afresh (no position of ours in `history.state`) gets its parents
 * written under it (`replaceState` + `pushState`, before the first render, so the first paint is the deep-linked
 * screen and Back leads to its parent); a reload keeps its place in the stack.
 */
export function createHashRouter(routes: readonly RouteDefinition[], win: Window = window): HashRouter {
  const { history } = win;
  const listeners = new Set<() => void>();
  // Entries we know, by position; a reload knows only its own (earlier positions fill in as Back reaches them).
  let stack: Array<RouteLocation | undefined> = [];
  let position = 0;
  let state: RouterState;
  // A second Back before the first has landed (a double tap) would go two screens back: ignored, as the old router's
  // throttle did. Cleared by the `popstate` that ends the first, or after a while if none comes (left the app).
  let backPendingSince = 0;

  const locate = (href: string) => matchRoute(routes, href).location;
  const url = (href: string) => `${win.location.pathname}${win.location.search}#${href}`;
  const write = (mode: 'push' | 'replace', href: string, at: number) => {
    const data = { ...(history.state as object | null), [POSITION_KEY]: at };
    if (mode === 'push') history.pushState(data, '', url(href));
    else history.replaceState(data, '', url(href));
  };
  const update = () => {
    const location = stack[position] as RouteLocation;
    const panelsHistory = stack.slice(0, position + 1).flatMap((entry) => (entry ? [entry.panel] : []));
    state = { location, panelsHistory, isFirstPage: position < 1 };
  };
  const emit = () => {
    update();
    for (const listener of listeners) listener();
  };

  // VKUI's View restores each panel's scroll itself.
  history.scrollRestoration = 'manual';
  const href = hrefOf(win.location.hash);
  const known = positionOf(history.state);
  if (known !== undefined) {
    position = known;
    stack[known] = locate(href);
  } else {
    const parents = href === '/' ? [] : parentChain(routes, href);
    stack = [...parents, href].map(locate);
    position = stack.length - 1;
    if (parents.length === 0) write('replace', href, 0);
    else {
      write('replace', parents[0] as string, 0);
      for (let i = 1; i < stack.length; i++) write('push', (stack[i] as RouteLocation).href, i);
    }
  }
  update();

  win.addEventListener('popstate', (event) => {
    backPendingSince = 0;
    const next = locate(hrefOf(win.location.hash));
    const at = positionOf(event.state);
    if (at !== undefined) {
      position = at;
      stack[at] = next;
    } else {
      stack = [...stack.slice(0, position + 1), next];
      position += 1;
      write('replace', next.href, position);
    }
    emit();
  });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(to) {
      // A double tap on a cell opens its screen once.
      if (to === state.location.href) return;
      stack = [...stack.slice(0, position + 1), locate(to)];
      position += 1;
      write('push', to, position);
      emit();
    },
    replace(to) {
      stack[position] = locate(to);
      write('replace', to, position);
      emit();
    },
    back() {
      if (Date.now() - backPendingSince < BACK_PENDING_MS) return;
      backPendingSince = Date.now();
      history.back();
    },
  };
}
