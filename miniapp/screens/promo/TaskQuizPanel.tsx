/** A quiz that is one task among others: answers go to the task's completion; the task list shows the outcome. */
import { Panel, PanelHeader, PanelHeaderBack } from '@vkontakte/vkui';
import type { QuizQuestion } from '../../api/client.ts';
import { useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { LoadState } from '../LoadState.tsx';
import { useCampaignState } from './campaign-store.ts';
import { QuizFlow } from './QuizFlow.tsx';
import { usePromoApp } from './use-promo-app.ts';

export function TaskQuizPanel({ id }: { id: string }) {
  const { api, t } = usePromoApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const taskKey = useRouteParam('taskKey');
  const { state, patchTask, refresh } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>
        {t.mechanic_quiz}
      </PanelHeader>
      <LoadState state={state}>
        {(data) => {
          const task = data.tasks.find((x) => x.key === taskKey);
          const questions = (task?.action.questions ?? []) as QuizQuestion[];
          return (
            <QuizFlow
              key={taskKey}
              questions={questions}
              onSubmit={async (answers) => {
                if (!task) return;
                if (task.state === 'todo') await api.startTask(data.campaign.id, task.key);
                patchTask(await api.completeTask(data.campaign.id, task.key, { answers }));
                await refresh();
                await navigator.back();
              }}
            />
          );
        }}
      </LoadState>
    </Panel>
  );
}
