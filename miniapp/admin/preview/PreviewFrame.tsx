/**
 * The live preview: the participant's REAL screens (campaign with tasks/quiz/wheel, rules, quiz…) inside a phone
 * frame, in their own VKUI ConfigProvider/AppRoot (light or dark, ru or en), their own in-memory router, and an app
 * context whose API answers from the server's preview projection and refuses every write, so nothing tapped in the
 * preview reaches the server or the office's address bar.
 */
import { View } from '@vkontakte/vkui';
import { useMemo } from 'react';
import type { AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { ColorScheme } from '../../platform/types.ts';
import type { HashRouter } from '../../router/hash-router.ts';
import { PANELS, RouterProvider, useActiveVkuiLocation, useRouteNavigator } from '../../routes.ts';
import { CampaignPanel } from '../../screens/CampaignPanel.tsx';
import { NotFoundPanel } from '../../screens/NotFoundPanel.tsx';
import { PrizesPanel } from '../../screens/promo/PrizesPanel.tsx';
import { QuizPanel } from '../../screens/promo/QuizPanel.tsx';
import { QuizResultPanel } from '../../screens/promo/QuizResultPanel.tsx';
import { RewardPanel } from '../../screens/promo/RewardPanel.tsx';
import { TaskQuizPanel } from '../../screens/promo/TaskQuizPanel.tsx';
import { RulesPanel } from '../../screens/RulesPanel.tsx';
import { officeMessages } from '../i18n-office.ts';
import type { Preview } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import { PhoneFrame } from './PhoneFrame.tsx';
import { previewApiClient } from './preview-api.ts';
import { previewPlatform } from './preview-platform.ts';

const SHOWN: readonly string[] = [
  PANELS.campaign,
  PANELS.rules,
  PANELS.quiz,
  PANELS.quizResult,
  PANELS.taskQuiz,
  PANELS.reward,
  PANELS.prizes,
];

function PreviewView() {
  const { panel, panelsHistory } = useActiveVkuiLocation();
  const navigator = useRouteNavigator();
  // Screens the preview does not carry (help, home) show the app's not-found screen with its Back.
  const active = SHOWN.includes(panel) ? panel : PANELS.notFound;
  const history = panelsHistory.map((p) => (SHOWN.includes(p) ? p : PANELS.notFound));
  return (
    <View activePanel={active} history={history} onSwipeBack={() => navigator.back()}>
      <CampaignPanel id={PANELS.campaign} />
      <RulesPanel id={PANELS.rules} />
      <QuizPanel id={PANELS.quiz} />
      <QuizResultPanel id={PANELS.quizResult} />
      <TaskQuizPanel id={PANELS.taskQuiz} />
      <RewardPanel id={PANELS.reward} />
      <PrizesPanel id={PANELS.prizes} />
      <NotFoundPanel id={PANELS.notFound} />
    </View>
  );
}

export interface PreviewFrameProps {
  preview: Preview;
  router: HashRouter;
  language: 'ru' | 'en';
  colorScheme: ColorScheme;
  /** Scale of the whole frame (thumbnails in the catalogue). */
  scale?: number;
}

export function PreviewFrame({ preview, router, language, colorScheme, scale = 1 }: PreviewFrameProps) {
  const office = useOffice();
  const services = useMemo<AppServices>(
    () => ({
      platform: previewPlatform(office.platform, language, colorScheme),
      api: previewApiClient(preview, officeMessages[language].previewReadOnly),
      t: messages[language],
      language,
    }),
    [office.platform, preview, language, colorScheme],
  );
  return (
    <PhoneFrame services={services} colorScheme={colorScheme} scale={scale}>
      <RouterProvider router={router}>
        <PreviewView />
      </RouterProvider>
    </PhoneFrame>
  );
}
