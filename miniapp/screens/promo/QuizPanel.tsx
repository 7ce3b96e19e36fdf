/** The quiz campaign's questions; after submitting, the result screen replaces this one. */
import { Panel } from '@vkontakte/vkui';
import { useEffect } from 'react';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { CampaignLoadState } from './CampaignLoadState.tsx';
import { useCampaignState } from './campaign-store.ts';
import { QuizFlow } from './QuizFlow.tsx';
import { usePromoApp } from './use-promo-app.ts';

function ToResult({ campaignId }: { campaignId: number }) {
  const navigator = useRouteNavigator();
  useEffect(() => {
    void navigator.replace(paths.quizResult(campaignId));
  }, [navigator, campaignId]);
  return null;
}

export function QuizPanel({ id }: { id: string }) {
  const { api, t } = usePromoApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const { state, refresh } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.mechanic_quiz}</PanelHeaderWithBack>
      <CampaignLoadState state={state}>
        {(data) =>
          data.quiz?.result ? (
            // Answered already (a deep link, or Back into the questions): the result, never the questions again —
            // answering again showed the first result under the new answers (found from outside).
            <ToResult campaignId={data.campaign.id} />
          ) : (
            <QuizFlow
              key={data.campaign.id}
              questions={data.quiz?.questions ?? []}
              campaignId={data.campaign.id}
              quiz="quiz"
              onSubmit={(answers) => api.submitQuiz(data.campaign.id, answers).then(() => {})}
              onAccepted={async () => {
                await refresh();
                await navigator.replace(paths.quizResult(data.campaign.id));
              }}
            />
          )
        }
      </CampaignLoadState>
    </Panel>
  );
}
