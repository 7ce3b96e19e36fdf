/**
 * Goes through quiz questions one by one and submits all answers at once; the server scores them. The choices and the
 * question on screen are kept on the device until the server accepted them (quiz-draft.ts), so leaving mid-quiz
 * resumes where it was.
 */
import { Button, ButtonGroup, Div, Footnote, FormStatus, Group, Progress } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import type { QuizQuestion as Question, QuizAnswers } from '../../api/client.ts';
import { errorText } from '../../i18n-errors.ts';
import { fill } from '../../i18n-fill.ts';
import { QuizQuestion } from './QuizQuestion.tsx';
import { dropQuizDraft, keepQuizDraft, quizDraftKey, readQuizDraft } from './quiz-draft.ts';
import { usePromoApp } from './use-promo-app.ts';

interface Props {
  questions: Question[];
  campaignId: number;
  /** Which quiz of the campaign: 'quiz' (the campaign's own) or `task.<key>`; its draft is kept apart from others'. */
  quiz: string;
  /** Sends the answers; once it resolves the server has them, and the draft goes before anything else can fail. */
  onSubmit: (answers: QuizAnswers) => Promise<void>;
  /** After the server accepted: the refresh and the way out, whose failure must not bring the sent choices back. */
  onAccepted: () => Promise<void>;
}

export function QuizFlow({ questions, campaignId, quiz, onSubmit, onAccepted }: Props) {
  const { t, language, platform } = usePromoApp();
  const [draftKey] = useState(() => quizDraftKey(platform.launch.person, campaignId, quiz));
  const [kept] = useState(() => readQuizDraft(draftKey, questions));
  const [index, setIndex] = useState(kept.index);
  const [answers, setAnswers] = useState<QuizAnswers>(kept.answers);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => keepQuizDraft(draftKey, { index, answers }), [draftKey, index, answers]);
  const question = questions[index];
  if (!question) return null;
  const chosen = answers[question.id] ?? [];
  const last = index === questions.length - 1;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(answers);
      dropQuizDraft(draftKey);
      await onAccepted();
    } catch (err) {
      setError(errorText(err, language));
      setBusy(false);
    }
  };
  return (
    <Group>
      <Div>
        <Footnote style={{ color: 'var(--vkui--color_text_secondary)', marginBottom: 8 }}>
          {fill(t.quizQuestion, { n: index + 1, total: questions.length })}
        </Footnote>
        {/* Named as the line above reads ("Question 1 of 5"), not VKUI's default "20 / 100". */}
        <Progress
          value={((index + 1) / questions.length) * 100}
          aria-label={fill(t.quizQuestion, { n: index + 1, total: questions.length })}
        />
      </Div>
      <QuizQuestion
        key={question.id}
        question={question}
        chosen={chosen}
        onChange={(next) => setAnswers({ ...answers, [question.id]: next })}
      />
      {error && (
        <Div>
          <FormStatus mode="error">{error}</FormStatus>
        </Div>
      )}
      <Div>
        {/* One above the other: side by side at 375 px, "Предыдущий" left "Отправить ответы" cut to an ellipsis. */}
        <ButtonGroup mode="vertical" gap="s" stretched>
          <Button
            size="l"
            stretched
            disabled={chosen.length === 0}
            loading={busy}
            onClick={() => (last ? void submit() : setIndex(index + 1))}
            data-testid={last ? 'quiz-submit' : 'quiz-next'}
          >
            {last ? t.quizSubmit : t.quizNext}
          </Button>
          {index > 0 && (
            <Button size="l" mode="secondary" stretched onClick={() => setIndex(index - 1)} disabled={busy}>
              {t.quizPrev}
            </Button>
          )}
        </ButtonGroup>
      </Div>
    </Group>
  );
}
