/**
 * A quiz that is one task among others: answers go to the task's completion; the task list shows the outcome. The
 * attempts left are said before the first question (decision 073); with none left there is nothing to answer.
 */
import { Div, Footnote, Panel, Placeholder } from '@vkontakte/vkui';
import type { QuizQuestion } from '../../api/client.ts';
import { plural } from '../../i18n.ts';
import { promoPlurals } from '../../i18n-promo.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { CampaignLoadState } from './CampaignLoadState.tsx';
import { useCampaignState } from './campaign-store.ts';
import { QuizFlow } from './QuizFlow.tsx';
import { quizAttemptsLeft } from './task-visuals.tsx';
import { usePromoApp } from './use-promo-app.ts';

export function TaskQuizPanel({ id }: { id: string }) {
  const { api, t, language } = usePromoApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const taskKey = useRouteParam('taskKey');
  const { state, patchTask, refresh } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.mechanic_quiz}</PanelHeaderWithBack>
      <CampaignLoadState state={state}>
        {(data) => {
          const task = data.tasks.find((x) => x.key === taskKey);
          const questions = (task?.action.questions ?? []) as QuizQuestion[];
          const left = task && task.state !== 'done' ? quizAttemptsLeft(task) : undefined;
          if (left === 0) return <Placeholder data-testid="quiz-attempts-used">{t.quizAttemptsUsed}</Placeholder>;
          return (
            <>
              {left !== undefined && (
                <Div>
                  <Footnote data-testid="quiz-attempts-left" style={{ color: 'var(--vkui--color_text_secondary)' }}>
                    {plural(language, left, promoPlurals[language].attemptsLeft)}
                  </Footnote>
                </Div>
              )}
              <QuizFlow
                key={taskKey}
                questions={questions}
                campaignId={data.campaign.id}
                quiz={`task.${taskKey}`}
                onSubmit={async (answers) => {
                  if (!task) return;
                  if (task.state === 'todo') await api.startTask(data.campaign.id, task.key);
                  patchTask(await api.completeTask(data.campaign.id, task.key, { answers }));
                }}
                onAccepted={async () => {
                  await refresh();
                  await navigator.back();
                }}
              />
            </>
          );
        }}
      </CampaignLoadState>
    </Panel>
  );
}
