/**
 * Entry: tell the client we are ready (VKWebAppInit, once), then render. VKUI's theme tokens come from here; each
 * component's own CSS comes with it (vite.config.ts resolves VKUI to its CSS-modules build).
 */
import '@vkontakte/vkui/dist/cssm/styles/themes.css';
import { createRoot } from 'react-dom/client';
import { createPlatform } from '#platform';
import { AppConfig } from './AppConfig.tsx';
import { loadFirstPanel } from './lazy-panel.tsx';
import { appRouter } from './routes.ts';

const platform = createPlatform();
void platform.init();

const apiBaseUrl = import.meta.env.VITE_API_BASE_URL ?? '';
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
// A deep link to a lazy panel (a campaign from a bot message): its code first, so the first render draws that screen.
void loadFirstPanel(appRouter().getState().location.panel).then(() =>
  createRoot(container).render(<AppConfig platform={platform} apiBaseUrl={apiBaseUrl} />),
);
