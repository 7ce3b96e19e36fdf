import { FormLayoutGroup, Group, Header } from '@vkontakte/vkui';
import { FieldRow } from '../../FieldRow.tsx';
import type { QuizSettings } from '../../office-api.ts';
import { freshKey, removeAt, replaceAt, type SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { asBilingual, BilingualField, ChoiceField, NumberField } from '../fields.tsx';
import { AddRowButton, RemoveRowButton } from '../RowButtons.tsx';
import { QuizQuestions } from './QuizQuestions.tsx';

const EMPTY: QuizSettings = { questions: [], bands: [] };

export function QuizSection({ doc, edit }: SectionProps) {
  const { t, lang } = useEditor();
  const quiz = doc.settings.quiz ?? EMPTY;
  const setQuiz = (change: (q: QuizSettings) => QuizSettings) =>
    edit((d) => ({ ...d, settings: { ...d.settings, quiz: change(d.settings.quiz ?? EMPTY) } }));
  const rewardOptions = [
    { value: '', label: t.noReward },
    ...doc.rewards.map((r) => ({ value: r.key, label: r.title[lang] || r.title.ru || r.key })),
  ];
  return (
    <Group header={<Header>{t.quiz}</Header>} data-testid="office-quiz">
      <QuizQuestions
        path="settings.quiz.questions"
        questions={quiz.questions}
        onChange={(questions) => setQuiz((q) => ({ ...q, questions }))}
      />
      <Header size="s">{t.bands}</Header>
      {quiz.bands.map((b, i) => {
        const at = `settings.quiz.bands.${i}`;
        const setBand = (change: (x: typeof b) => typeof b) =>
          setQuiz((q) => ({ ...q, bands: replaceAt(q.bands, i, change) }));
        return (
          <FormLayoutGroup key={b.key} mode="vertical" segmented data-testid={`office-band-${i}`}>
            <FieldRow>
              <NumberField
                label={t.minScore}
                path={`${at}.minScore`}
                value={b.minScore}
                onChange={(minScore) => setBand((x) => ({ ...x, minScore: minScore ?? 0 }))}
              />
              <ChoiceField
                label={t.bandReward}
                path={`${at}.rewardKey`}
                value={b.rewardKey ?? ''}
                options={rewardOptions}
                onChange={(key) =>
                  setBand((x) => {
                    const { rewardKey: _, ...rest } = x;
                    return key ? { ...rest, rewardKey: key } : rest;
                  })
                }
              />
            </FieldRow>
            <BilingualField
              label={t.title}
              path={`${at}.title`}
              value={asBilingual(b.title)}
              onChange={(title) => setBand((x) => ({ ...x, title }))}
            />
            <BilingualField
              label={t.description}
              path={`${at}.text`}
              multiline
              value={asBilingual(b.text)}
              onChange={(text) => setBand((x) => ({ ...x, text }))}
            />
            <RemoveRowButton
              allowed={quiz.bands.length > 1}
              onRemove={() => setQuiz((q) => ({ ...q, bands: removeAt(q.bands, i) }))}
            >
              {t.remove}
            </RemoveRowButton>
          </FormLayoutGroup>
        );
      })}
      <AddRowButton
        onAdd={() =>
          setQuiz((q) => ({
            ...q,
            bands: [...q.bands, { key: freshKey('band', q.bands), minScore: 0, title: { ru: '', en: '' }, text: '' }],
          }))
        }
      >
        {t.add}
      </AddRowButton>
    </Group>
  );
}
