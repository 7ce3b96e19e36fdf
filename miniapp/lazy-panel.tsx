/**
 * Panels whose code loads on first use, so the first screen's download carries only the first screen.
 * Until a chunk arrives the View shows a panel with the same id, a header and a spinner; after the first
 * render every lazy panel is fetched in the background, so later navigation does not wait. A panel whose code has
 * arrived renders directly (no Suspense round), so a deep link whose chunk was awaited before the first render
 * (main.tsx) draws its screen in that render.
 */
import { Button, ButtonGroup, Panel, PanelHeader, Placeholder } from '@vkontakte/vkui';
import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import { useApp } from './app-context.ts';
import { errorText } from './i18n-errors.ts';
import { Loading } from './Loading.tsx';
import { useRouteNavigator } from './routes.ts';

type PanelComponent = ComponentType<{ id: string }>;

/** A component whose code loads on first use, knowing once it has arrived. */
export interface LazyCode<P> {
  load: () => Promise<ComponentType<P>>;
  lazy: LazyExoticComponent<ComponentType<P>>;
  /** Set once the code has arrived. */
  loaded?: ComponentType<P>;
}

export type LazyPanelCode = LazyCode<{ id: string }>;

const byPanelId = new Map<string, LazyPanelCode>();

/**
 * A component loaded on first use (React.lazy) that remembers when its code arrived, so a boundary can tell a failed
 * download from the component's own error. Not preloaded: the office's sections use it as they are.
 */
export function lazyCode<P>(load: () => Promise<ComponentType<P>>): LazyCode<P> {
  const code: LazyCode<P> = {
    load: async () => {
      code.loaded = await load();
      return code.loaded;
    },
    lazy: lazy(async () => ({ default: await code.load() })),
  };
  return code;
}

/** Declares a lazily loaded panel, preloaded after the first screen (call at module level). */
export function lazyPanel(panelId: string, load: () => Promise<PanelComponent>): LazyPanelCode {
  const code = lazyCode(load);
  byPanelId.set(panelId, code);
  return code;
}

/** Renders a lazily loaded panel under the id the View knows it by. */
export function LazyPanel({ id, panel }: { id: string; panel: LazyPanelCode }) {
  // Chosen at mount: switching paths later would remount the panel and lose its state.
  const [Loaded] = useState(() => panel.loaded);
  if (Loaded) return <Loaded id={id} />;
  return (
    <PanelLoadBoundary
      code={panel}
      fallback={(error) => (
        <Panel id={id}>
          <CodeLoadFailed error={error} />
        </Panel>
      )}
    >
      <Suspense
        fallback={
          <Panel id={id}>
            <PanelHeader />
            <Loading size="l" style={{ margin: '48px 0' }} />
          </Panel>
        }
      >
        <panel.lazy id={id} />
      </Suspense>
    </PanelLoadBoundary>
  );
}

/**
 * A panel whose code did not arrive (the network gone for a moment): its header with the way back, and a Retry.
 * Only a failed download is caught here; an error of the panel itself (its code loaded) goes on to the app's boundary.
 * Retry reloads the page on the same screen: React.lazy keeps a failed load, and so does Chromium's module map for a
 * failed `import()` of that URL, so trying again in place fails without a request (found from outside: the whole app
 * stayed on an error that neither Retry, Back nor the network coming back fixed). The reload comes from the cache;
 * the launch and the route are in the URL, and progress is on the server.
 */
class PanelLoadBoundary extends Component<
  { code: { loaded?: unknown }; fallback: (error: Error) => ReactNode; children: ReactNode },
  { error: Error | null }
> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.code.loaded) throw error;
    return this.props.fallback(error);
  }
}

/**
 * The same failure for a component lazily loaded inside a panel the View already has (the office's sections): the
 * panel's content becomes the header, Back and Retry, instead of the app-wide error (found from outside: an office
 * section whose code did not arrive replaced the whole app with an error whose Retry could not succeed).
 */
export function CodeLoadBoundary({ code, children }: { code: { loaded?: unknown }; children: ReactNode }) {
  return (
    <PanelLoadBoundary code={code} fallback={(error) => <CodeLoadFailed error={error} />}>
      {children}
    </PanelLoadBoundary>
  );
}

function CodeLoadFailed({ error }: { error: Error }) {
  const { t, language } = useApp();
  const navigator = useRouteNavigator();
  return (
    <>
      {/* Back is a button under the text, not PanelHeaderBack: no screen of the first download has a header Back,
          so PanelHeaderBack (its icons and styles) would grow every participant's first download by ~2 KB gzip for a
          screen seen only when the network fails (measured: issue 12). The system back gesture works as anywhere. */}
      <PanelHeader />
      <Placeholder
        title={t.errorTitle}
        action={
          <ButtonGroup mode="horizontal" gap="m">
            <Button mode="secondary" onClick={() => navigator.back()}>
              {t.back}
            </Button>
            <Button onClick={() => window.location.reload()} data-testid="panel-load-retry">
              {t.retry}
            </Button>
          </ButtonGroup>
        }
        data-testid="panel-load-failed"
      >
        {errorText(error, language)}
      </Placeholder>
    </>
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
