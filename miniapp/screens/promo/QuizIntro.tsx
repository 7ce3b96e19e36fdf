/** The quiz campaign's home: how many questions, the result bands, and the way into the quiz or to one's result. */
import { Icon28GiftOutline } from '@vkontakte/icons';
import { useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Button, Div, Group, Header, Paragraph, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { fill } from '../../i18n-promo.ts';
import { paths } from '../../routes.ts';
import { usePromoApp } from './use-promo-app.ts';

export function QuizIntro({ data }: { data: CampaignState }) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  const quiz = data.quiz;
  if (!quiz) return null;
  const id = data.campaign.id;
  const finished = quiz.result !== null;
  const canStart = !finished && data.campaign.phase === 'running' && quiz.questions.length > 0;
  const bands = [...quiz.bands].sort((a, b) => b.minScore - a.minScore);
  const prizes = data.rewards.filter((r) => r.requirement.kind === 'quiz');
  return (
    <>
      <Group header={<Header>{t.mechanic_quiz}</Header>}>
        <Div>
          <Paragraph>{fill(t.quizIntro, { n: quiz.questions.length })}</Paragraph>
        </Div>
        <Div>
          {finished ? (
            <Button
              size="l"
              stretched
              onClick={() => navigator.push(paths.quizResult(id))}
              data-testid="quiz-result-open"
            >
              {t.quizShowResult}
            </Button>
          ) : (
            <Button
              size="l"
              stretched
              disabled={!canStart}
              onClick={() => navigator.push(paths.quiz(id))}
              data-testid="quiz-start"
            >
              {t.quizStart}
            </Button>
          )}
        </Div>
      </Group>
      <Group header={<Header>{t.quizBands}</Header>}>
        {bands.map((b) => (
          <SimpleCell key={b.key} subtitle={fill(t.quizBandFrom, { n: b.minScore })} multiline>
            {b.title}
          </SimpleCell>
        ))}
        {prizes.map((r) => (
          <SimpleCell
            key={r.key}
            before={<Icon28GiftOutline />}
            subtitle={r.soldOut ? t.rewardSoldOut : t.rewardQuiz}
            multiline
          >
            {r.title}
          </SimpleCell>
        ))}
      </Group>
    </>
  );
}
