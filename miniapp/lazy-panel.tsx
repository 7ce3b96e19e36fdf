/**
 * Panels whose code loads on first use, so the first screen's download carries only the first screen.
 * Until a chunk arrives the View shows a panel with the same id, a header and a spinner; after the first
 * render every lazy panel is fetched in the background, so later navigation does not wait. A panel whose code has
 * arrived renders directly (no Suspense round), so a deep link whose chunk was awaited before the first render
 * (main.tsx) draws its screen in that render.
 */
import { Panel, PanelHeader, Spinner } from '@vkontakte/vkui';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useState } from 'react';

type PanelComponent = ComponentType<{ id: string }>;

export interface LazyPanelCode {
  load: () => Promise<PanelComponent>;
  lazy: LazyExoticComponent<PanelComponent>;
  /** Set once the code has arrived. */
  loaded?: PanelComponent;
}

const byPanelId = new Map<string, LazyPanelCode>();

/** Declares a lazily loaded panel (call at module level). */
export function lazyPanel(panelId: string, load: () => Promise<PanelComponent>): LazyPanelCode {
  const code: LazyPanelCode = {
    load: async () => {
      code.loaded = await load();
      return code.loaded;
    },
    lazy: lazy(async () => ({ default: await code.load() })),
  };
  byPanelId.set(panelId, code);
  return code;
}

/** Renders a lazily loaded panel under the id the View knows it by. */
export function LazyPanel({ id, panel }: { id: string; panel: LazyPanelCode }) {
  // Chosen at mount: switching paths later would remount the panel and lose its state.
  const [Loaded] = useState(() => panel.loaded);
  if (Loaded) return <Loaded id={id} />;
  return (
    <Suspense
      fallback={
        <Panel id={id}>
          <PanelHeader />
          <Spinner size="l" style={{ margin: '48px 0' }} />
        </Panel>
      }
    >
      <panel.lazy id={id} />
    </Suspense>
  );
}

/** Loads the code of the panel the app opens on, if it is a lazy one (a failure is left to the lazy path). */
export async function loadFirstPanel(panelId: string): Promise<void> {
  await byPanelId
    .get(panelId)
    ?.load()
    .catch(() => undefined);
}

/** Fetches every lazy panel's code when the browser is idle (called once the first screen has rendered). */
export function preloadPanels(): void {
  const run = () => {
    for (const code of byPanelId.values()) void code.load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
