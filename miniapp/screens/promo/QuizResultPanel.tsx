/** The quiz result: score, the band's title and text, which answers were right, and the band's prize (or why none). */
import {
  Icon28CheckCircleOutline,
  Icon28ErrorCircleOutline,
  Icon56CheckCircleOutline,
  Icon56GiftOutline,
} from '@vkontakte/icons';
import { Button, Div, Group, Header, Panel, Paragraph, Placeholder, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState, QuizResult } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { CampaignLoadState } from './CampaignLoadState.tsx';
import { useCampaignState } from './campaign-store.ts';
import { usePromoApp } from './use-promo-app.ts';

function Prize({ result, campaignId }: { result: QuizResult; campaignId: number }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  if (result.reward) {
    const key = result.reward.rewardKey;
    return (
      <Group header={<Header>{t.quizPrize}</Header>}>
        <SimpleCell
          before={<Icon56GiftOutline width={28} height={28} />}
          subtitle={result.reward.code ?? undefined}
          onClick={() => navigator.push(paths.reward(campaignId, key))}
          chevron="always"
          data-testid="quiz-prize"
        >
          {result.reward.title}
        </SimpleCell>
      </Group>
    );
  }
  const text =
    result.rewardStatus === 'sold_out'
      ? t.quizRewardSoldOut
      : result.rewardStatus === 'daily_cap'
        ? t.quizRewardDailyCap
        : t.quizNoReward;
  return (
    <Group>
      {/* Centred by its block: VKUI's Paragraph is an inline span, where text-align does nothing. */}
      <Div style={{ textAlign: 'center', color: 'var(--vkui--color_text_secondary)' }}>
        <Paragraph data-testid={`quiz-reward-${result.rewardStatus}`}>{text}</Paragraph>
      </Div>
    </Group>
  );
}

function Result({ data }: { data: CampaignState }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  const result = data.quiz?.result;
  if (!result) {
    return (
      <Placeholder
        action={<Button onClick={() => navigator.replace(paths.quiz(data.campaign.id))}>{t.quizStart}</Button>}
      >
        {t.mechanic_quiz}
      </Placeholder>
    );
  }
  return (
    <>
      <Group>
        <Placeholder
          // The prize's gift when the band won one, else the finished quiz's check: both icons the promo screens
          // already draw (a third, star-shaped one cost the iOS archive 880 B gzip of its 1.3× budget, decision 036).
          icon={
            result.reward ? <Icon56GiftOutline fill="var(--vkui--color_icon_accent)" /> : <Icon56CheckCircleOutline />
          }
          title={result.band.title}
          data-testid={`quiz-band-${result.band.key}`}
        >
          <strong data-testid="quiz-score">{fill(t.quizScore, { score: result.score, max: result.maxScore })}</strong>
          <br />
          {result.band.text}
        </Placeholder>
      </Group>
      <Prize result={result} campaignId={data.campaign.id} />
      <Group header={<Header>{t.quizAnswers}</Header>}>
        {(data.quiz?.questions ?? []).map((q) => {
          const right = result.correct[q.id] === true;
          return (
            <SimpleCell
              key={q.id}
              multiline
              before={
                right ? (
                  <Icon28CheckCircleOutline fill="var(--vkui--color_icon_positive)" />
                ) : (
                  <Icon28ErrorCircleOutline fill="var(--vkui--color_icon_negative)" />
                )
              }
              subtitle={right ? t.quizCorrect : t.quizWrong}
            >
              {q.text}
            </SimpleCell>
          );
        })}
      </Group>
    </>
  );
}

export function QuizResultPanel({ id }: { id: string }) {
  const { t } = usePromoApp();
  const campaignId = useRouteId();
  const { state } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.quizResult}</PanelHeaderWithBack>
      <CampaignLoadState state={state}>{(data) => <Result data={data} />}</CampaignLoadState>
    </Panel>
  );
}
