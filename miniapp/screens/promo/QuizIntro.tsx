/**
 * The quiz campaign's home: how many questions, which result earns which prize, the user's own result once they
 * have finished, and the way into the quiz or to the full result.
 */
import { Icon28GiftOutline } from '@vkontakte/icons';
import { Button, Div, Group, Header, Paragraph, SimpleCell } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { plural } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { promoPlurals } from '../../i18n-promo.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { usePromoApp } from './use-promo-app.ts';

export function QuizIntro({ data }: { data: CampaignState }) {
  const { t, language } = usePromoApp();
  const navigator = useRouteNavigator();
  const quiz = data.quiz;
  if (!quiz) return null;
  const id = data.campaign.id;
  const result = quiz.result;
  const canStart = !result && data.campaign.phase === 'running' && quiz.questions.length > 0;
  const bands = [...quiz.bands].sort((a, b) => b.minScore - a.minScore);
  const counted = promoPlurals[language];
  const prizeOf = (rewardKey: string | null) => data.rewards.find((r) => r.key === rewardKey);
  return (
    <>
      <Group header={<Header>{t.mechanic_quiz}</Header>}>
        <Div>
          <Paragraph>
            {fill(t.quizIntro, { questions: plural(language, quiz.questions.length, counted.questions) })}
          </Paragraph>
          {result && (
            <Paragraph weight="2" normalize style={{ marginTop: 8 }} data-testid="quiz-own-result">
              {fill(t.quizYourResult, {
                score: fill(t.quizScore, { score: result.score, max: result.maxScore }),
                band: result.band.title,
              })}
            </Paragraph>
          )}
        </Div>
        <Div>
          {result ? (
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
        {bands.map((b) => {
          const prize = prizeOf(b.rewardKey);
          const reward = prize
            ? `${fill(t.quizBandPrize, { prize: prize.title })}${prize.soldOut ? ` · ${t.rewardSoldOut}` : ''}`
            : t.quizBandNoPrize;
          return (
            <SimpleCell
              key={b.key}
              before={prize ? <Icon28GiftOutline /> : undefined}
              subtitle={`${plural(language, b.minScore, counted.correctFrom)} · ${reward}`}
              multiline
              data-testid={`quiz-tier-${b.key}`}
            >
              {b.title}
            </SimpleCell>
          );
        })}
      </Group>
    </>
  );
}
