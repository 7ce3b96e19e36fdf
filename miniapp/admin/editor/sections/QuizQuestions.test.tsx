/**
 * A quiz question's options stop at the bound an answer has (server/promo/quiz/quiz-bounds.ts): before, the editor
 * offered "Add an option" for ever and the server saved any number, though no answer could name more than 20, so a
 * question with more right options could never be answered right. At the cap the button gives way to the bound,
 * worded in Russian and English.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_QUIZ_OPTIONS } from '../../../../server/promo/quiz/quiz-bounds.ts';
import type { ApiClient } from '../../../api/client.ts';
import { AppContext, type AppServices } from '../../../app-context.ts';
import { messages } from '../../../i18n.ts';
import { officeMessages } from '../../i18n-office.ts';
import { QuizQuestions } from './QuizQuestions.tsx';

function question(options: number) {
  const ids = Array.from({ length: options }, (_, i) => `o${i + 1}`);
  return {
    id: 'q1',
    text: { ru: 'Вопрос', en: 'Question' },
    multiple: true,
    options: ids.map((id) => ({ id, text: { ru: id, en: id } })),
    correct: ids,
    points: 1,
  };
}

function render(language: 'ru' | 'en', options: number): string {
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <QuizQuestions path="settings.quiz.questions" questions={[question(options)]} onChange={() => {}} />
    </AppContext.Provider>,
  );
}

describe('a quiz question’s options in the editor', () => {
  it('below the cap: "Add an option"', () => {
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language, MAX_QUIZ_OPTIONS - 1);
      expect(markup, language).toContain(officeMessages[language].addOption);
      expect(markup).not.toContain('office-question-0-options-cap');
    }
  });

  it('at the cap: no "Add an option", the bound said instead (ru, en)', () => {
    const said = { ru: `Вариантов не больше ${MAX_QUIZ_OPTIONS}`, en: `At most ${MAX_QUIZ_OPTIONS} options` };
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language, MAX_QUIZ_OPTIONS);
      expect(markup, language).not.toContain(officeMessages[language].addOption);
      expect(markup).toContain('data-testid="office-question-0-options-cap"');
      expect(markup).toContain(said[language]);
    }
  });
});
