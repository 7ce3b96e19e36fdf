/** Views, panels and hash routes: the hash doubles as a deep link from the bot and notifications. */
import { createHashRouter, createPanel, createRoot, createView, RoutesConfig } from '@vkontakte/vk-mini-apps-router';

export const ROOT = 'root';
export const VIEW_MAIN = 'main';

export const PANELS = {
  home: 'home',
  campaign: 'campaign',
  rules: 'rules',
  admin: 'admin',
} as const;

export const routes = RoutesConfig.create([
  createRoot(ROOT, [
    createView(VIEW_MAIN, [
      createPanel(PANELS.home, '/', []),
      createPanel(PANELS.campaign, '/campaign/:id', []),
      createPanel(PANELS.rules, '/campaign/:id/rules', []),
      createPanel(PANELS.admin, '/admin', []),
    ]),
  ]),
]);

export const router = createHashRouter(routes.getRoutes());
