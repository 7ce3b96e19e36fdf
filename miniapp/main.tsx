/**
 * Entry: tell the client we are ready (VKWebAppInit, once), then render. VKUI's theme tokens come from here; each
 * component's own CSS comes with it (vite.config.ts resolves VKUI to its CSS-modules build).
 */
import '@vkontakte/vkui/dist/cssm/styles/themes.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createPlatform } from '#platform';
import { AppConfig } from './AppConfig.tsx';
import { firstScreenAnswered } from './api/first-screen.ts';
import { HAS_WEB_ENTRY } from './build-contents.ts';
import { loadFirstPanel } from './lazy-panel.tsx';
import { appRouter } from './routes.ts';

const platform = createPlatform();
void platform.init();

/** Beyond this the shell is drawn with its spinner rather than a blank page (a slow or stuck API). */
const FIRST_SCREEN_DATA_WAIT_MS = 1500;

const apiBaseUrl = import.meta.env.VITE_API_BASE_URL ?? '';
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
// The first render draws the first screen, not a spinner: it waits for the code of a deep-linked lazy panel (a
// campaign from a bot message) and, for a little while, for the early API answers (miniapp/boot/).
const firstPanel = loadFirstPanel(appRouter().getState().location.panel);
// The web entry (no client around it) first asks whether a VK ID session exists; without one it shows sign-in.
const session = HAS_WEB_ENTRY ? platform.webSession : undefined;
void Promise.all([firstPanel, firstScreenAnswered(FIRST_SCREEN_DATA_WAIT_MS), session?.check()]).then(
  async ([, , signedIn]) => {
    const root = createRoot(container);
    // Only the web build signs in. The build's own constant is read here rather than HAS_WEB_ENTRY: the bundler drops
    // a dynamic import only behind a condition it folds in this module, not behind an imported constant, so only this
    // way do the other builds emit no sign-in chunk (tests/package/web-sign-in-chunk.test.ts).
    const signIn =
      import.meta.env.VITE_WEB_ENTRY !== 'absent' && session
        ? async () => {
            const { WebSignIn } = await import('./screens/web-sign-in/WebSignIn.tsx');
            root.render(<WebSignIn platform={platform} session={session} />);
          }
        : undefined;
    if (signIn && !signedIn) return signIn();
    // Signed out meanwhile (cookies cleared, signed out on another device): the API's 401 brings the sign-in back,
    // which returns to the same screen, rather than an error only a reload could leave.
    const onUnauthorized = signIn ? () => void signIn() : undefined;
    root.render(
      <>
        <AppConfig platform={platform} apiBaseUrl={apiBaseUrl} onUnauthorized={onUnauthorized} />
        <FirstScreenShown onShown={() => platform.firstScreenShown?.()} />
      </>,
    );
  },
);

/** Calls `onShown` once React has put the first screen in the page (a passive effect runs after the commit). */
function FirstScreenShown({ onShown }: { onShown: () => void }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the first commit only.
  useEffect(onShown, []);
  return null;
}
