/** One quiz question: its text, optional picture and options (radio for single choice, checkboxes for several). */
import { Checkbox, Div, Footnote, Image, Radio, Title, VisuallyHidden } from '@vkontakte/vkui';
import type { QuizQuestion as Question } from '../../api/client.ts';
import { usePromoApp } from './use-promo-app.ts';

interface Props {
  question: Question;
  chosen: string[];
  onChange: (chosen: string[]) => void;
}

export function QuizQuestion({ question, chosen, onChange }: Props) {
  const { t } = usePromoApp();
  const toggle = (id: string, on: boolean) =>
    onChange(question.multiple ? (on ? [...chosen, id] : chosen.filter((c) => c !== id)) : [id]);
  const Control = question.multiple ? Checkbox : Radio;
  return (
    <>
      <Div>
        <Title level="3" Component="h2" data-testid="quiz-question">
          {question.text}
        </Title>
        {question.multiple && (
          <Footnote style={{ color: 'var(--vkui--color_text_secondary)', marginTop: 8 }}>{t.quizMultiple}</Footnote>
        )}
        {question.imageUrl && (
          <Image src={question.imageUrl} alt="" size={96} style={{ marginTop: 12 }} widthSize="100%" heightSize={180} />
        )}
      </Div>
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <VisuallyHidden Component="legend">{question.text}</VisuallyHidden>
        {question.options.map((o) => (
          <Control
            key={o.id}
            name={question.id}
            value={o.id}
            checked={chosen.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
            data-testid={`quiz-option-${o.id}`}
          >
            {o.text}
          </Control>
        ))}
      </fieldset>
    </>
  );
}
