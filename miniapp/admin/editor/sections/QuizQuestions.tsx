/**
 * Quiz questions with their options and which are right (the quiz mechanic's settings and the quiz task's config
 * share the shape, server/promo/settings.ts `QuizQuestionSchema`).
 */
import { Icon24Add, Icon24DeleteOutline } from '@vkontakte/icons';
import { Button, Checkbox, Div, Footnote, FormItem, FormLayoutGroup, IconButton } from '@vkontakte/vkui';
import { MAX_QUIZ_OPTIONS } from '../../../../server/promo/quiz/quiz-bounds.ts';
import { fill } from '../../../i18n-fill.ts';
import { FieldRow } from '../../FieldRow.tsx';
import type { QuizSettings } from '../../office-api.ts';
import { removeAt, replaceAt } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { asBilingual, BilingualField, CheckField, NumberField } from '../fields.tsx';
import { AddRowButton } from '../RowButtons.tsx';

type Question = QuizSettings['questions'][number];

function nextId(prefix: string, ids: readonly string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function QuizQuestions({
  path,
  questions,
  onChange,
}: {
  path: string;
  questions: readonly Question[];
  onChange: (questions: Question[]) => void;
}) {
  const { t, readOnly } = useEditor();
  const set = (i: number, change: (q: Question) => Question) => onChange(replaceAt(questions, i, change));
  const add = () => {
    const id = nextId(
      'q',
      questions.map((q) => q.id),
    );
    onChange([
      ...questions,
      {
        id,
        text: { ru: '', en: '' },
        multiple: false,
        points: 1,
        options: [
          { id: 'a', text: { ru: '', en: '' } },
          { id: 'b', text: { ru: '', en: '' } },
        ],
        correct: ['a'],
      },
    ]);
  };
  return (
    <>
      {questions.map((q, i) => {
        const at = `${path}.${i}`;
        return (
          <FormLayoutGroup key={q.id} mode="vertical" segmented data-testid={`office-question-${i}`}>
            <BilingualField
              label={fill(t.question, { n: i + 1 })}
              path={`${at}.text`}
              value={asBilingual(q.text)}
              onChange={(text) => set(i, (x) => ({ ...x, text }))}
            />
            {q.options.map((o, j) => (
              <Div key={o.id} style={{ display: 'flex', alignItems: 'flex-end', gap: 8, paddingBlock: 0 }}>
                <div style={{ flex: 1 }}>
                  <BilingualField
                    label={fill(t.option, { n: j + 1 })}
                    path={`${at}.options.${j}.text`}
                    value={asBilingual(o.text)}
                    onChange={(text) =>
                      set(i, (x) => ({ ...x, options: replaceAt(x.options, j, (y) => ({ ...y, text })) }))
                    }
                  />
                </div>
                <FormItem>
                  <Checkbox
                    disabled={readOnly}
                    checked={q.correct.includes(o.id)}
                    onChange={(e) =>
                      set(i, (x) => ({
                        ...x,
                        correct: e.target.checked
                          ? x.multiple
                            ? [...x.correct, o.id]
                            : [o.id]
                          : x.correct.filter((c) => c !== o.id),
                      }))
                    }
                  >
                    {t.correct}
                  </Checkbox>
                </FormItem>
                {!readOnly && q.options.length > 2 && (
                  <IconButton
                    label={t.remove}
                    onClick={() =>
                      set(i, (x) => ({
                        ...x,
                        options: x.options.filter((y) => y.id !== o.id),
                        correct: x.correct.filter((c) => c !== o.id),
                      }))
                    }
                  >
                    <Icon24DeleteOutline />
                  </IconButton>
                )}
              </Div>
            ))}
            <FieldRow>
              <CheckField
                label={t.multiple}
                path={`${at}.multiple`}
                checked={q.multiple}
                onChange={(multiple) =>
                  set(i, (x) => ({ ...x, multiple, correct: multiple ? x.correct : x.correct.slice(0, 1) }))
                }
              />
              <NumberField
                label={t.points}
                path={`${at}.points`}
                value={q.points}
                onChange={(points) => set(i, (x) => ({ ...x, points: points ?? 0 }))}
              />
            </FieldRow>
            {!readOnly && (
              <Div style={{ display: 'flex', gap: 8 }}>
                {/* A question has as many options as an answer may name (the server refuses more: quiz-bounds.ts). */}
                {q.options.length < MAX_QUIZ_OPTIONS ? (
                  <Button
                    mode="secondary"
                    size="s"
                    before={<Icon24Add />}
                    onClick={() =>
                      set(i, (x) => ({
                        ...x,
                        options: [
                          ...x.options,
                          {
                            id: nextId(
                              'o',
                              x.options.map((y) => y.id),
                            ),
                            text: { ru: '', en: '' },
                          },
                        ],
                      }))
                    }
                  >
                    {t.addOption}
                  </Button>
                ) : (
                  <Footnote data-testid={`office-question-${i}-options-cap`} style={{ alignSelf: 'center' }}>
                    {fill(t.optionsAtCap, { n: MAX_QUIZ_OPTIONS })}
                  </Footnote>
                )}
                {questions.length > 1 && (
                  <Button
                    mode="tertiary"
                    appearance="negative"
                    size="s"
                    onClick={() => onChange(removeAt(questions, i))}
                  >
                    {t.removeQuestion}
                  </Button>
                )}
              </Div>
            )}
          </FormLayoutGroup>
        );
      })}
      <AddRowButton onAdd={add}>{t.addQuestion}</AddRowButton>
    </>
  );
}
