/**
 * Panels whose code loads on first use, so the first screen's download carries only the first screen.
 * Until a chunk arrives the View shows a panel with the same id, a header and a spinner; after the first
 * render every lazy panel is fetched in the background, so later navigation does not wait.
 */
import { Panel, PanelHeader, Spinner } from '@vkontakte/vkui';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';

type PanelComponent = ComponentType<{ id: string }>;

const preloads: Array<() => Promise<unknown>> = [];

/** Declares a lazily loaded panel (call at module level). */
export function lazyPanel(load: () => Promise<PanelComponent>): LazyExoticComponent<PanelComponent> {
  preloads.push(load);
  return lazy(async () => ({ default: await load() }));
}

/** Renders a lazily loaded panel under the id the View knows it by. */
export function LazyPanel({ id, panel: Loaded }: { id: string; panel: LazyExoticComponent<PanelComponent> }) {
  return (
    <Suspense
      fallback={
        <Panel id={id}>
          <PanelHeader />
          <Spinner size="l" style={{ margin: '48px 0' }} />
        </Panel>
      }
    >
      <Loaded id={id} />
    </Suspense>
  );
}

/** Fetches every lazy panel's code when the browser is idle (called once the first screen has rendered). */
export function preloadPanels(): void {
  const run = () => {
    for (const load of preloads) void load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
