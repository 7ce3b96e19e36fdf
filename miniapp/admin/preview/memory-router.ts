/**
 * A router that lives in memory, with the participant app's route table: the preview's phone frame navigates
 * between the real participant screens (campaign, rules, quiz…) without touching the office's own address.
 */
import { type HashRouter, matchRoute, type RouteLocation, type RouterState } from '../../router/hash-router.ts';
import { routes } from '../../routes.ts';

export function createMemoryRouter(startHref: string): HashRouter {
  const listeners = new Set<() => void>();
  let stack: RouteLocation[] = [matchRoute(routes, startHref).location];
  let state: RouterState;
  const emit = () => {
    state = {
      location: stack.at(-1) as RouteLocation,
      panelsHistory: stack.map((l) => l.panel),
      isFirstPage: stack.length < 2,
    };
    for (const l of listeners) l();
  };
  emit();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(to) {
      if (to === state.location.href) return;
      stack = [...stack, matchRoute(routes, to).location];
      emit();
    },
    replace(to) {
      stack = [...stack.slice(0, -1), matchRoute(routes, to).location];
      emit();
    },
    back() {
      if (stack.length > 1) stack = stack.slice(0, -1);
      emit();
    },
  };
}
