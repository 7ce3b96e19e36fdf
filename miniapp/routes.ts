/** Views, panels and hash routes: the hash doubles as a deep link from the bot and notifications. */
import {
  createHashRouter,
  createPanel,
  createRoot,
  createView,
  type RouteLeaf,
  RoutesConfig,
} from '@vkontakte/vk-mini-apps-router';

export const ROOT = 'root';
export const VIEW_MAIN = 'main';

export const PANELS = {
  home: 'home',
  campaign: 'campaign',
  rules: 'rules',
  quiz: 'quiz',
  quizResult: 'quiz_result',
  taskQuiz: 'task_quiz',
  reward: 'reward',
  prizes: 'prizes',
  admin: 'admin',
  help: 'help',
  helpNew: 'help_new',
  helpTicket: 'help_ticket',
  notFound: 'not_found',
} as const;

export const paths = {
  campaign: (id: number) => `/campaign/${id}`,
  rules: (id: number) => `/campaign/${id}/rules`,
  quiz: (id: number) => `/campaign/${id}/quiz`,
  quizResult: (id: number) => `/campaign/${id}/quiz/result`,
  taskQuiz: (id: number, taskKey: string) => `/campaign/${id}/task/${encodeURIComponent(taskKey)}/quiz`,
  reward: (id: number, rewardKey: string) => `/campaign/${id}/reward/${encodeURIComponent(rewardKey)}`,
  prizes: (id: number) => `/campaign/${id}/prizes`,
  help: (id: number) => `/campaign/${id}/help`,
  helpNew: (id: number) => `/campaign/${id}/help/new`,
  helpTicket: (id: number, ticketId: number) => `/campaign/${id}/help/${ticketId}`,
};

export const routes = RoutesConfig.create([
  createRoot(ROOT, [
    createView(VIEW_MAIN, [
      createPanel(PANELS.home, '/', []),
      createPanel(PANELS.campaign, '/campaign/:id', []),
      createPanel(PANELS.rules, '/campaign/:id/rules', []),
      createPanel(PANELS.quiz, '/campaign/:id/quiz', []),
      createPanel(PANELS.quizResult, '/campaign/:id/quiz/result', []),
      createPanel(PANELS.taskQuiz, '/campaign/:id/task/:taskKey/quiz', []),
      createPanel(PANELS.reward, '/campaign/:id/reward/:rewardKey', []),
      createPanel(PANELS.prizes, '/campaign/:id/prizes', []),
      createPanel(PANELS.admin, '/admin', []),
      createPanel(PANELS.help, '/campaign/:id/help', []),
      createPanel(PANELS.helpNew, '/campaign/:id/help/new', []),
      createPanel(PANELS.helpTicket, '/campaign/:id/help/:ticketId', []),
      // Any other address: our own not-found panel instead of the router's default (an image from vk.ru).
      createPanel(PANELS.notFound, '/*', []),
    ]),
  ]),
]);

/** The server's share links say `#/campaigns/<id>?ref=…`; the app's route is `/campaign/<id>`. */
function acceptShareLinkHash(): void {
  if (typeof window === 'undefined') return;
  const hash = window.location.hash.replace(/^#\/campaigns\/(\d+)/, '#/campaign/$1');
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}
acceptShareLinkHash();

/**
 * Each screen's parent, so Back from a deep link (a bot message, a notification, a share link) walks up to the
 * parent screen instead of leaving the app: the router rebuilds this chain under a deep link it is opened with.
 */
export const hierarchy: RouteLeaf[] = [
  {
    path: '/',
    children: [
      {
        path: '/campaign/:id',
        children: [
          { path: '/campaign/:id/rules' },
          { path: '/campaign/:id/quiz', children: [{ path: '/campaign/:id/quiz/result' }] },
          { path: '/campaign/:id/task/:taskKey/quiz' },
          { path: '/campaign/:id/prizes', children: [{ path: '/campaign/:id/reward/:rewardKey' }] },
          {
            path: '/campaign/:id/help',
            children: [{ path: '/campaign/:id/help/new' }, { path: '/campaign/:id/help/:ticketId' }],
          },
        ],
      },
      { path: '/admin' },
      { path: '/*' },
    ],
  },
];

/** Asks the router to rebuild the parents of the screen the app opens on (its `inflate` search parameter). */
function inflateDeepLink(): void {
  if (typeof window === 'undefined') return;
  const [path = '', search = ''] = window.location.hash.replace(/^#/, '').split('?');
  // Only a route (`#/campaign/1/prizes`), never the first screen or a client's own fragment (`#tgWebAppData=…`).
  if (!path.startsWith('/') || path === '/') return;
  const params = new URLSearchParams(search);
  if (params.has('inflate')) return;
  params.set('inflate', '1');
  window.history.replaceState(window.history.state, '', `#${path}?${params}`);
}
inflateDeepLink();

export const router = createHashRouter(routes.getRoutes());
