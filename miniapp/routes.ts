/** Views, panels and hash routes: the hash doubles as a deep link from the bot and notifications. */
import { createHashRouter, createPanel, createRoot, createView, RoutesConfig } from '@vkontakte/vk-mini-apps-router';

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
} as const;

export const paths = {
  campaign: (id: number) => `/campaign/${id}`,
  rules: (id: number) => `/campaign/${id}/rules`,
  quiz: (id: number) => `/campaign/${id}/quiz`,
  quizResult: (id: number) => `/campaign/${id}/quiz/result`,
  taskQuiz: (id: number, taskKey: string) => `/campaign/${id}/task/${encodeURIComponent(taskKey)}/quiz`,
  reward: (id: number, rewardKey: string) => `/campaign/${id}/reward/${encodeURIComponent(rewardKey)}`,
  prizes: (id: number) => `/campaign/${id}/prizes`,
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

export const router = createHashRouter(routes.getRoutes());
