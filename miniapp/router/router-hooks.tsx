/**
 * The hash router in React: a provider and the hooks screens use (same names and shapes as
 * @vkontakte/vk-mini-apps-router's, which this replaces: `useRouteNavigator`, `useParams`, `useActiveVkuiLocation`,
 * `useFirstPageCheck`). The state is read with `useSyncExternalStore`, so the first render already has the panel the
 * hash names, with no effect in between.
 */
import { createContext, type ReactNode, useContext, useEffect, useSyncExternalStore } from 'react';
import type { HashRouter, RouteNavigator, RouterState } from './hash-router.ts';

const RouterContext = createContext<HashRouter | null>(null);

/** `sync` links the router to the client (VK: the fragment it shows and restores); returns its unsubscribe. */
export function RouterProvider({
  router,
  sync,
  children,
}: {
  router: HashRouter;
  sync?: (router: HashRouter) => () => void;
  children: ReactNode;
}) {
  useEffect(() => sync?.(router), [router, sync]);
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

function useRouter(): HashRouter {
  const router = useContext(RouterContext);
  if (!router) throw new Error('Router hooks outside RouterProvider');
  return router;
}

function useRouterState(): RouterState {
  const router = useRouter();
  // The same state when rendered to a string (the screens' unit tests), where React asks for a server snapshot.
  return useSyncExternalStore(router.subscribe, router.getState, router.getState);
}

export function useRouteNavigator(): RouteNavigator {
  return useRouter();
}

/**
 * The current address's query (`?campaign=3` after the path in the hash): a screen's filter kept there stays with
 * its history entry, so Back to the screen finds it as it was left.
 */
export function useRouteQuery(): URLSearchParams {
  const { href } = useRouterState().location;
  return new URLSearchParams(href.split('?')[1] ?? '');
}

/** The current route's parameters (URL-encoded, as in the address). */
export function useParams<K extends string>(): Readonly<Partial<Record<K, string>>> {
  return useRouterState().location.params as Readonly<Partial<Record<K, string>>>;
}

/** The panel to show and the panels behind it, for VKUI's View. */
export function useActiveVkuiLocation(): { panel: string; pathname: string; panelsHistory: string[] } {
  const { location, panelsHistory } = useRouterState();
  return { panel: location.panel, pathname: location.pathname, panelsHistory };
}

export function useFirstPageCheck(): boolean {
  return useRouterState().isFirstPage;
}
